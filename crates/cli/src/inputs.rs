//! Inputs of the commands: walking files and folders, reading stdin, gunzipping, within limits.
//!
//! A file whose first bytes are the gzip magic (`1f 8b`) is gunzipped whatever its name (so
//! `cat page.html.gz | marsad extract -` works); the decompressed size is bounded by
//! [`marsad_extract::MAX_INPUT_BYTES`], so a gzip bomb is an error and not an out-of-memory kill.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Largest input read, decompressed (the extractor's own limit).
pub const MAX_READ_BYTES: usize = marsad_extract::MAX_INPUT_BYTES;

/// Deepest folder level walked below an argument (guards against symlink loops).
pub const MAX_WALK_DEPTH: usize = 64;

/// File extensions taken when walking a folder (after removing a final `.gz`); files without an
/// extension are taken too. Files named on the command line are always read.
pub const PAGE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "txt", "text",
];

/// One input: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::File(p) => write!(f, "{}", p.display()),
        }
    }
}

/// An argument that could not be expanded (missing path, unreadable folder).
#[derive(Debug)]
pub struct WalkError {
    /// The path as given or found.
    pub path: String,
    /// Why.
    pub message: String,
}

/// The inputs named by the command-line arguments, in order: `-` is stdin, a file is itself, a
/// folder is every page file below it (recursive, sorted by path, hidden entries skipped).
///
/// Returns the inputs and the arguments that failed; `batch` is true when the output must name
/// its inputs (more than one argument, or any folder).
pub fn expand(args: &[String]) -> (Vec<Input>, Vec<WalkError>, bool) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut batch = args.len() > 1;
    for a in args {
        if a == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let p = PathBuf::from(a);
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                batch = true;
                walk(&p, 0, &mut inputs, &mut errors);
            }
            Ok(_) => inputs.push(Input::File(p)),
            Err(e) => errors.push(WalkError {
                path: a.clone(),
                message: e.to_string(),
            }),
        }
    }
    (inputs, errors, batch)
}

/// True when a file found in a folder walk is taken as a page (see [`PAGE_EXTENSIONS`]).
pub fn is_page_file(p: &Path) -> bool {
    let name = match p.file_name().and_then(|n| n.to_str()) {
        Some(n) => n.to_ascii_lowercase(),
        None => return false,
    };
    let stem = name.strip_suffix(".gz").unwrap_or(&name);
    match Path::new(stem).extension().and_then(|e| e.to_str()) {
        None => !name.ends_with(".gz"),
        Some(ext) => PAGE_EXTENSIONS.contains(&ext),
    }
}

fn walk(dir: &Path, depth: usize, inputs: &mut Vec<Input>, errors: &mut Vec<WalkError>) {
    if depth > MAX_WALK_DEPTH {
        errors.push(WalkError {
            path: dir.display().to_string(),
            message: format!("deeper than {MAX_WALK_DEPTH} levels, not walked"),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(WalkError {
                path: dir.display().to_string(),
                message: e.to_string(),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, depth + 1, inputs, errors),
            Ok(m) if m.is_file() && is_page_file(&p) => inputs.push(Input::File(p)),
            Ok(_) => {}
            Err(e) => errors.push(WalkError {
                path: p.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The (decompressed) input is larger than [`MAX_READ_BYTES`].
    TooLarge {
        /// Whether the limit was hit while gunzipping.
        gzip: bool,
    },
    /// An I/O or gzip error.
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::TooLarge { gzip: true } => write!(
                f,
                "decompressed input larger than {MAX_READ_BYTES} bytes (gzip bomb?), not read"
            ),
            ReadError::TooLarge { gzip: false } => {
                write!(f, "input larger than {MAX_READ_BYTES} bytes, not read")
            }
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Reads one input whole, gunzipping it when it starts with the gzip magic, at most
/// [`MAX_READ_BYTES`] bytes.
pub fn read_input(input: &Input) -> Result<Vec<u8>, ReadError> {
    match input {
        Input::Stdin => read_bounded(std::io::stdin().lock(), MAX_READ_BYTES),
        Input::File(p) => read_bounded(File::open(p).map_err(ReadError::Io)?, MAX_READ_BYTES),
    }
}

/// Reads a file whole (see [`read_input`]).
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_bounded(File::open(path).map_err(ReadError::Io)?, MAX_READ_BYTES)
}

/// Reads `r` whole, gunzipping when it starts with the gzip magic, at most `limit` bytes of
/// output.
pub fn read_bounded<R: Read>(r: R, limit: usize) -> Result<Vec<u8>, ReadError> {
    let mut br = BufReader::with_capacity(64 * 1024, r);
    let head = br.fill_buf().map_err(ReadError::Io)?;
    let gzip = head.len() >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    let cap = limit as u64 + 1;
    let mut buf = Vec::new();
    if gzip {
        flate2::bufread::MultiGzDecoder::new(br)
            .take(cap)
            .read_to_end(&mut buf)
            .map_err(ReadError::Io)?;
    } else {
        br.take(cap).read_to_end(&mut buf).map_err(ReadError::Io)?;
    }
    if buf.len() > limit {
        return Err(ReadError::TooLarge { gzip });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn plain_and_gzip_read_the_same() {
        let page = "<html lang=ar><p>نص الخبر</p></html>".as_bytes();
        assert_eq!(read_bounded(page, 1000).unwrap(), page);
        assert_eq!(read_bounded(&gz(page)[..], 1000).unwrap(), page);
    }

    #[test]
    fn limits_hold_for_plain_and_gzip() {
        let big = vec![0u8; 5000];
        assert!(matches!(
            read_bounded(&big[..], 4096),
            Err(ReadError::TooLarge { gzip: false })
        ));
        assert!(matches!(
            read_bounded(&gz(&big)[..], 4096),
            Err(ReadError::TooLarge { gzip: true })
        ));
        assert_eq!(read_bounded(&big[..], 5000).unwrap().len(), 5000);
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let g = gz(&[b'a'; 10_000]);
        assert!(matches!(
            read_bounded(&g[..g.len() / 2], 1 << 20),
            Err(ReadError::Io(_))
        ));
    }

    #[test]
    fn page_files_by_extension() {
        assert!(is_page_file(Path::new("a/0001.html.gz")));
        assert!(is_page_file(Path::new("a/page.HTM")));
        assert!(is_page_file(Path::new("a/000.txt")));
        assert!(is_page_file(Path::new("a/noext")));
        assert!(!is_page_file(Path::new("a/gold.jsonl")));
        assert!(!is_page_file(Path::new("a/x.json.gz")));
        assert!(!is_page_file(Path::new("a/x.gz")));
    }
}
