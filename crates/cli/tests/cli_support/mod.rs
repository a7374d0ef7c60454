//! Shared helpers of the `cli_*` end-to-end tests: run the `marsad` binary, make temp folders,
//! write gzip files.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The example Arabic news page shipped with the repository.
pub const EXAMPLE_HTML: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/ar-news.html");
/// Its flattened version (one block a line).
pub const EXAMPLE_TXT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/ar-news.txt");
/// A sentence of the example's first paragraph that any extraction must keep.
pub const EXAMPLE_SENTENCE: &str = "افتتحت الدورة الجديدة من معرض الكتاب";

/// A fresh, empty temporary folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        let n = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let p = std::env::temp_dir().join(format!("marsad-{tag}-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
    pub fn join(&self, p: &str) -> PathBuf {
        self.0.join(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The `marsad` command.
pub fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

/// Runs `marsad ARGS` with `stdin` as standard input.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = marsad()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut si = child.stdin.take().unwrap();
        // The command may stop reading early (an error); ignore a broken pipe.
        let _ = si.write_all(stdin);
    }
    child.wait_with_output().unwrap()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Gzips `data`.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// The example page's bytes.
pub fn example_html() -> Vec<u8> {
    std::fs::read(EXAMPLE_HTML).unwrap()
}

/// The flattened example's bytes.
pub fn example_txt() -> Vec<u8> {
    std::fs::read(EXAMPLE_TXT).unwrap()
}

/// No panic was reported on stderr.
pub fn assert_no_panic(o: &Output) {
    let e = stderr(o);
    assert!(!e.contains("panicked"), "panic: {e}");
    assert!(!e.contains("panic:"), "panic caught: {e}");
    assert_ne!(o.status.code(), Some(101), "process panicked: {e}");
}
