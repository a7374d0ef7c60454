//! `marsad extract`: pages in (files, folders, `.gz`, stdin), articles out.
//!
//! Output shapes:
//! - `--format json` (default): one input (a single file argument or `-`) gives one pretty JSON
//!   object; several inputs (several arguments, or any folder) give one JSON array of pretty
//!   objects, streamed element by element, so the whole output is always one JSON value.
//! - `--format jsonl`: one compact JSON object per line, whatever the number of inputs.
//! - `--format markdown|text`: the rendering; with several inputs each one is preceded by a
//!   header line `==> PATH <==` and followed by a blank line.
//!
//! In batch output every article names its input in `source.path`. A failed input prints one
//! line `marsad: PATH: ERROR` on stderr and the others still go through; the exit code is then 1.
//! Many inputs are extracted in parallel (rayon; `--threads`), in chunks whose results are written
//! in input order as soon as the chunk is done, so memory stays bounded by one chunk.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use marsad_extract::text::SiteTemplate;
use marsad_extract::{InputKind, Options};
use rayon::prelude::*;

use crate::guard;
use crate::inputs::{self, Input};

/// Inputs handed to the thread pool at once; output is written after each chunk, in order.
const CHUNK: usize = 64;

/// Show a progress bar (when stderr is a terminal) from this many inputs on.
const PROGRESS_MIN_INPUTS: usize = 20;

/// Total size of the text pages read for `--site` (they are held together while learning).
pub(crate) const MAX_SITE_BYTES: usize = 1 << 30;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Pretty JSON: an object for one input, an array for several.
    Json,
    /// One compact JSON object per line.
    Jsonl,
    /// Markdown rendering.
    Markdown,
    /// Plain text: kicker, title and subtitle, then the body.
    Text,
}

/// What the input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputArg {
    /// Decide from the content.
    Auto,
    /// HTML page.
    Html,
    /// Flattened text, one block a line.
    Text,
}

impl From<InputArg> for InputKind {
    fn from(a: InputArg) -> Self {
        match a {
            InputArg::Auto => InputKind::Auto,
            InputArg::Html => InputKind::Html,
            InputArg::Text => InputKind::Text,
        }
    }
}

/// Arguments of `marsad extract`.
#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Files, folders (walked recursively: .html/.htm/.txt/… and their .gz, files without an
    /// extension) or `-` for stdin. Gzip input is detected and decompressed. Default: stdin.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output format: json is one pretty object for one input and one array for several (or a
    /// folder); jsonl is one object a line; markdown/text put a `==> PATH <==` line before each
    /// input when there are several.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// The page URL (resolves relative links, fills `url`); applies to every input.
    #[arg(long)]
    pub url: Option<String>,
    /// Force the input kind instead of deciding from the content.
    #[arg(long, value_enum, default_value_t = InputArg::Auto)]
    pub input: InputArg,
    /// Print a readable account of each decision on stderr.
    #[arg(long)]
    pub explain: bool,
    /// Learn a site template from every flattened-text page in DIR, then use it on the inputs.
    #[arg(long, value_name = "DIR", conflicts_with = "template")]
    pub site: Option<PathBuf>,
    /// Use a site template saved with `--save-template`.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Save the template learned with `--site` to FILE (JSON).
    #[arg(long, value_name = "FILE", requires = "site")]
    pub save_template: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

/// What one input gave, rendered in the worker.
struct Done {
    name: String,
    /// Rendered output, or the error message.
    out: Result<String, String>,
    explain: Vec<String>,
}

/// Runs `marsad extract`.
pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    guard::quiet_panics();
    let arg_list = if args.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        args.inputs.clone()
    };
    let (list, walk_errors, batch) = inputs::expand(&arg_list);
    let mut failed = false;
    for e in &walk_errors {
        eprintln!("marsad: {}: {}", e.path, e.message);
        failed = true;
    }
    if list.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        anyhow::bail!("stdin (`-`) named more than once");
    }

    let template = load_template(&args)?;
    let opts = Options {
        url: args.url.clone(),
        path: None,
        input: args.input.into(),
        explain: args.explain,
        template,
        sha256: true,
    };

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting the thread pool")?;

    let progress =
        (std::io::stderr().is_terminal() && list.len() >= PROGRESS_MIN_INPUTS).then(|| {
            let pb = indicatif::ProgressBar::new(list.len() as u64);
            pb.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} pages  {elapsed}  eta {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            pb
        });

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let json_array = batch && args.format == Format::Json;
    let mut written = 0usize;
    if json_array && write_or_stop(&mut out, b"[").is_err() {
        return Ok(ExitCode::from(u8::from(failed)));
    }
    for chunk in list.chunks(CHUNK) {
        let done: Vec<Done> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let d = process(input, &opts, args.format, batch);
                    if let Some(pb) = &progress {
                        pb.inc(1);
                    }
                    d
                })
                .collect()
        });
        for d in done {
            if !d.explain.is_empty() {
                let mut err = std::io::stderr().lock();
                if batch {
                    let _ = writeln!(err, "==> {} <== (explain)", d.name);
                }
                for line in &d.explain {
                    let _ = writeln!(err, "{line}");
                }
            }
            match d.out {
                Ok(s) => {
                    let res = if json_array {
                        let sep: &[u8] = if written == 0 { b"\n" } else { b",\n" };
                        write_or_stop(&mut out, sep)
                            .and_then(|_| write_or_stop(&mut out, s.as_bytes()))
                    } else {
                        write_or_stop(&mut out, s.as_bytes())
                    };
                    if res.is_err() {
                        // stdout closed (e.g. `| head`): stop quietly.
                        return Ok(ExitCode::from(u8::from(failed)));
                    }
                    written += 1;
                }
                Err(e) => {
                    if let Some(pb) = &progress {
                        pb.suspend(|| eprintln!("marsad: {}: {e}", d.name));
                    } else {
                        eprintln!("marsad: {}: {e}", d.name);
                    }
                    failed = true;
                }
            }
        }
    }
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if json_array {
        let end: &[u8] = if written == 0 { b"]\n" } else { b"\n]\n" };
        if write_or_stop(&mut out, end).is_err() {
            return Ok(ExitCode::from(u8::from(failed)));
        }
    }
    if out.flush().is_err() {
        return Ok(ExitCode::from(u8::from(failed)));
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes to stdout; a closed pipe is reported as `Err(())` so the caller can stop quietly.
fn write_or_stop(out: &mut impl Write, bytes: &[u8]) -> Result<(), ()> {
    out.write_all(bytes).map_err(|_| ())
}

/// Reads, extracts and renders one input.
fn process(input: &Input, opts: &Options, format: Format, batch: bool) -> Done {
    let name = input.to_string();
    let mut explain = Vec::new();
    let out = (|| {
        let bytes = inputs::read_input(input).map_err(|e| e.to_string())?;
        let mut o = opts.clone();
        o.path = match input {
            Input::File(p) => Some(p.display().to_string()),
            Input::Stdin => batch.then(|| "-".to_string()),
        };
        let x = guard::catch(|| marsad_extract::extract(&bytes, &o))?.map_err(|e| e.to_string())?;
        explain = x.explain;
        render(&x.article, format, batch, &name)
    })();
    Done { name, out, explain }
}

/// One article in the chosen format (JSON array separators are added by the writer).
fn render(
    a: &marsad_model::Article,
    format: Format,
    batch: bool,
    name: &str,
) -> Result<String, String> {
    let s = match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(a).map_err(|e| e.to_string())?;
            if !batch {
                s.push('\n');
            }
            s
        }
        Format::Jsonl => {
            let mut s = serde_json::to_string(a).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        Format::Markdown | Format::Text => {
            let body = if format == Format::Markdown {
                marsad_model::to_markdown(a)
            } else {
                marsad_model::to_plain_text(a)
            };
            if batch {
                let mut s = format!("==> {name} <==\n{body}");
                if !s.ends_with('\n') {
                    s.push('\n');
                }
                s.push('\n');
                s
            } else {
                body
            }
        }
    };
    Ok(s)
}

/// The site template from `--template FILE` or learned from `--site DIR` (saved with
/// `--save-template`).
fn load_template(args: &ExtractArgs) -> anyhow::Result<Option<Arc<SiteTemplate>>> {
    if let Some(file) = &args.template {
        let s = std::fs::read_to_string(file)
            .with_context(|| format!("reading template {}", file.display()))?;
        let t = SiteTemplate::from_json(&s)
            .with_context(|| format!("reading template {}", file.display()))?;
        return Ok(Some(Arc::new(t)));
    }
    let Some(dir) = &args.site else {
        return Ok(None);
    };
    let t = learn_site(dir)?;
    if let Some(file) = &args.save_template {
        std::fs::write(file, t.to_json())
            .with_context(|| format!("writing template {}", file.display()))?;
    }
    Ok(Some(Arc::new(t)))
}

/// Learns a template from every flattened-text page below `dir` (HTML pages are skipped).
fn learn_site(dir: &Path) -> anyhow::Result<SiteTemplate> {
    if !dir.is_dir() {
        anyhow::bail!("--site {}: not a folder", dir.display());
    }
    let (list, errors, _) = inputs::expand(&[dir.display().to_string()]);
    for e in &errors {
        eprintln!("marsad: {}: {}", e.path, e.message);
    }
    let mut pages = Vec::new();
    let mut total = 0usize;
    for input in &list {
        match inputs::read_input(input) {
            Ok(b) if !marsad_extract::looks_like_html(&b) => {
                total += b.len();
                if total > MAX_SITE_BYTES {
                    anyhow::bail!(
                        "--site {}: more than {MAX_SITE_BYTES} bytes of text pages",
                        dir.display()
                    );
                }
                pages.push(String::from_utf8_lossy(&b).into_owned());
            }
            Ok(_) => {}
            Err(e) => eprintln!("marsad: {input}: {e}"),
        }
    }
    let t = SiteTemplate::learn(pages.iter().map(String::as_str));
    eprintln!(
        "marsad: site template from {} text pages of {}: {} recurring lines",
        t.pages(),
        dir.display(),
        t.len()
    );
    Ok(t)
}
