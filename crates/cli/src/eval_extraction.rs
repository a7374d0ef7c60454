//! `marsad eval extraction DIR --out PRED.jsonl`: predictions for `extraction_eval.py`.
//!
//! DIR is any folder with `gold.jsonl` files below it. A row with `"path"` names an HTML page
//! (layout of `../shared/data/extraction`), a row with `"text_path"` a flattened-text page
//! (layout of `../shared/data/flattened`); both are relative to the gold file's folder and may be
//! gzipped. Every page is extracted (in parallel, `--threads`) and one line is written per row,
//! in gold order:
//!
//! ```text
//! {"dataset","id","text","title","author","date","error"}
//! ```
//!
//! `text` is the body blocks joined by a blank line, `title` the headline, `author` the list of
//! author names, `date` the published day in the page's own zone, `error` the failure (then
//! `text` is empty). A panic in the extractor is caught, counted and written as an error; a page
//! taking more than [`SLOW_PAGE`] is reported. A one-line summary ends the run (stderr).
//!
//! `--templates N` groups the flattened-text pages by host (from the gold `url`): a host with
//! N or more pages gets a site template learned from all of them (as `marsad extract --site`
//! does), used on each of its pages. Scoring both runs with `extraction_eval.py --per-page`
//! shows what grouping buys on those hosts.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use marsad_extract::text::{SiteTemplate, site_of};
use marsad_extract::{InputKind, Options};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::extract_cmd::MAX_SITE_BYTES;
use crate::guard;
use crate::inputs;

/// A page slower than this is reported (the extraction is not interrupted).
pub const SLOW_PAGE: Duration = Duration::from_secs(10);

/// Pages handed to the thread pool at once; predictions are written after each chunk, in order.
const CHUNK: usize = 64;

/// Deepest folder level searched for `gold.jsonl`.
const MAX_GOLD_DEPTH: usize = 32;

/// Arguments of `marsad eval extraction`.
#[derive(clap::Args)]
pub struct EvalExtractionArgs {
    /// Folder with `gold.jsonl` files below it.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Where to write the predictions (JSONL; `-` for stdout).
    #[arg(long, value_name = "PRED.jsonl")]
    pub out: PathBuf,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Learn a site template for every host with at least N flattened-text pages in the set and
    /// use it on those pages.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..))]
    pub templates: Option<u32>,
}

/// One page listed in a gold file.
#[derive(Debug, Clone)]
pub struct GoldPage {
    /// Dataset name.
    pub dataset: String,
    /// Page id within the dataset.
    pub id: String,
    /// The page file.
    pub file: PathBuf,
    /// HTML (`path`) or flattened text (`text_path`).
    pub kind: InputKind,
    /// The page URL, when the gold gives it.
    pub url: Option<String>,
}

#[derive(Deserialize)]
struct GoldRow {
    dataset: Option<String>,
    id: Option<serde_json::Value>,
    path: Option<String>,
    text_path: Option<String>,
    url: Option<String>,
}

/// Every `gold.jsonl` below `dir`, sorted by path.
pub fn find_gold_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    fn walk(d: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        if depth > MAX_GOLD_DEPTH {
            return Ok(());
        }
        let mut entries: Vec<PathBuf> = std::fs::read_dir(d)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, depth + 1, out)?;
            } else if p.file_name().is_some_and(|n| n == "gold.jsonl") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, 0, &mut out).with_context(|| format!("reading {}", dir.display()))?;
    if out.is_empty() {
        anyhow::bail!("{}: no gold.jsonl below this folder", dir.display());
    }
    Ok(out)
}

/// Every page listed by the gold files below `dir`, in order; rows that name no page are
/// reported on stderr and skipped.
pub fn load_gold(dir: &Path) -> anyhow::Result<Vec<GoldPage>> {
    let mut pages = Vec::new();
    for g in find_gold_files(dir)? {
        let base = g.parent().unwrap_or(Path::new(".")).to_path_buf();
        let f = File::open(&g).with_context(|| format!("opening {}", g.display()))?;
        for (n, line) in BufReader::new(f).lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", g.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let row: GoldRow = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("marsad: {}:{}: bad gold row: {e}", g.display(), n + 1);
                    continue;
                }
            };
            let (file, kind) = match (row.path, row.text_path) {
                (Some(p), _) => (base.join(p), InputKind::Html),
                (None, Some(p)) => (base.join(p), InputKind::Text),
                (None, None) => {
                    eprintln!(
                        "marsad: {}:{}: gold row names no page (\"path\" or \"text_path\")",
                        g.display(),
                        n + 1
                    );
                    continue;
                }
            };
            let id = match row.id {
                Some(serde_json::Value::String(s)) => s,
                Some(v) => v.to_string(),
                None => {
                    eprintln!("marsad: {}:{}: gold row has no id", g.display(), n + 1);
                    continue;
                }
            };
            pages.push(GoldPage {
                dataset: row.dataset.unwrap_or_default(),
                id,
                file,
                kind,
                url: row.url,
            });
        }
    }
    Ok(pages)
}

/// One prediction line, as `extraction_eval.py` reads it.
#[derive(Serialize, Default)]
struct PredRow<'a> {
    dataset: &'a str,
    id: &'a str,
    text: String,
    title: Option<String>,
    author: Vec<String>,
    date: Option<String>,
    error: Option<String>,
}

struct Outcome {
    line: String,
    error: bool,
    panic: bool,
    took: Duration,
}

/// A site template for every host with at least `min` flattened-text pages in `pages`.
fn learn_templates(pages: &[GoldPage], min: usize) -> HashMap<String, Arc<SiteTemplate>> {
    let mut by_host: HashMap<&str, Vec<&GoldPage>> = HashMap::new();
    for p in pages.iter().filter(|p| p.kind == InputKind::Text) {
        if let Some(u) = &p.url {
            by_host.entry(site_of(u)).or_default().push(p);
        }
    }
    let mut out = HashMap::new();
    for (h, group) in by_host.into_iter().filter(|(_, g)| g.len() >= min) {
        // An unreadable page is left out here (its own row reports the error), and the host's
        // pages are read up to the cap `--site` has.
        let mut texts = Vec::with_capacity(group.len());
        let mut total = 0usize;
        for p in group {
            let Ok(bytes) = inputs::read_file(&p.file) else {
                continue;
            };
            total += bytes.len();
            if total > MAX_SITE_BYTES {
                eprintln!(
                    "marsad: template of {h}: more than {MAX_SITE_BYTES} bytes, rest left out"
                );
                break;
            }
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        let t = SiteTemplate::learn(texts.iter().map(String::as_str));
        out.insert(h.to_string(), Arc::new(t));
    }
    out
}

fn predict(p: &GoldPage, template: Option<Arc<SiteTemplate>>) -> Outcome {
    let t = Instant::now();
    let mut row = PredRow {
        dataset: &p.dataset,
        id: &p.id,
        ..Default::default()
    };
    let mut panic = false;
    match inputs::read_file(&p.file) {
        Err(e) => row.error = Some(format!("{}: {e}", p.file.display())),
        Ok(bytes) => {
            let opts = Options {
                url: p.url.clone(),
                path: Some(p.file.display().to_string()),
                input: p.kind,
                template,
                ..Default::default()
            };
            match guard::catch(|| marsad_extract::extract(&bytes, &opts)) {
                Err(e) => {
                    panic = true;
                    row.error = Some(e);
                }
                Ok(Err(e)) => row.error = Some(e.to_string()),
                Ok(Ok(x)) => {
                    let a = x.article;
                    row.text = a.body_text();
                    row.title = a.title.map(|t| t.text);
                    row.author = a.authors.into_iter().map(|t| t.text).collect();
                    row.date = a
                        .published
                        .as_ref()
                        .and_then(|s| s.day())
                        .map(str::to_string);
                }
            }
        }
    }
    let took = t.elapsed();
    let error = row.error.is_some();
    let line = serde_json::to_string(&row).unwrap_or_else(|e| {
        format!(
            "{{\"dataset\":{:?},\"id\":{:?},\"text\":\"\",\"error\":{:?}}}",
            p.dataset,
            p.id,
            e.to_string()
        )
    });
    Outcome {
        line,
        error,
        panic,
        took,
    }
}

/// Runs `marsad eval extraction`.
pub fn run(args: EvalExtractionArgs) -> anyhow::Result<ExitCode> {
    guard::quiet_panics();
    let wall = Instant::now();
    let pages = load_gold(&args.dir)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting the thread pool")?;
    let threads = pool.current_num_threads();
    let templates = match args.templates {
        Some(min) => learn_templates(&pages, min as usize),
        None => HashMap::new(),
    };
    let template_of = |p: &GoldPage| {
        p.url
            .as_deref()
            .filter(|_| p.kind == InputKind::Text)
            .and_then(|u| templates.get(site_of(u)).cloned())
    };
    let grouped = pages.iter().filter(|p| template_of(p).is_some()).count();
    let mut out: Box<dyn Write> = if args.out.as_os_str() == "-" {
        Box::new(BufWriter::new(std::io::stdout().lock()))
    } else {
        if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        Box::new(BufWriter::new(
            File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?,
        ))
    };
    let (mut errors, mut panics, mut slow) = (0usize, 0usize, 0usize);
    let mut slowest = (Duration::ZERO, String::new());
    let mut per_dataset: Vec<(String, usize)> = Vec::new();
    for chunk in pages.chunks(CHUNK) {
        let done: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|p| predict(p, template_of(p)))
                .collect()
        });
        for (p, o) in chunk.iter().zip(done) {
            writeln!(out, "{}", o.line).context("writing predictions")?;
            errors += usize::from(o.error);
            panics += usize::from(o.panic);
            if o.panic {
                eprintln!("marsad: {}/{}: {}", p.dataset, p.id, p.file.display());
            }
            if o.took > SLOW_PAGE {
                slow += 1;
                eprintln!(
                    "marsad: {}/{}: slow page, {:.1} s (> {} s)",
                    p.dataset,
                    p.id,
                    o.took.as_secs_f64(),
                    SLOW_PAGE.as_secs()
                );
            }
            if o.took > slowest.0 {
                slowest = (o.took, format!("{}/{}", p.dataset, p.id));
            }
            match per_dataset.iter_mut().find(|(d, _)| *d == p.dataset) {
                Some((_, n)) => *n += 1,
                None => per_dataset.push((p.dataset.clone(), 1)),
            }
        }
    }
    out.flush().context("writing predictions")?;
    let sets: Vec<String> = per_dataset
        .iter()
        .map(|(d, n)| format!("{d} {n}"))
        .collect();
    if args.templates.is_some() {
        eprintln!(
            "eval extraction: {} site templates, used on {grouped} pages",
            templates.len()
        );
    }
    eprintln!(
        "eval extraction: {} pages ({}), {errors} errors, {panics} panics caught, {slow} over {} s \
         (slowest {:.2} s: {}), {:.1} s wall on {threads} threads -> {}",
        pages.len(),
        sets.join(", "),
        SLOW_PAGE.as_secs(),
        slowest.0.as_secs_f64(),
        if slowest.1.is_empty() {
            "-"
        } else {
            &slowest.1
        },
        wall.elapsed().as_secs_f64(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
