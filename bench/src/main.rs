//! `peers`: Marsad's extractor beside rs-trafilatura, trafilatura (Rust) and dom_smoothie, on the
//! same pages, in the same run, one thread, each extractor in its own child process so that its
//! peak RSS is its own.
//!
//! ```text
//! peers DIR [--repeat N] [--pred-dir OUT] [--extractors a,b,..] [--json] [--preload]
//! peers DIR --only NAME [...]        (child mode: one extractor, one JSON line on stdout)
//! ```
//!
//! DIR is any folder with `gold.jsonl` files below it (layout of `../shared/data/extraction`:
//! rows with `path` to a `.html.gz` page). Measurement follows `BASELINES.md` of that folder:
//! each page is read and gunzipped outside the timed region (one page at a time, so the peak
//! RSS is the extractor's and not the corpus'; `--preload` holds every gunzipped page in memory
//! first instead), and only the extraction call is timed, summed over pages. The peers get the
//! page decoded as UTF-8 with replacement (outside the timed region), except rs-trafilatura which
//! gets the raw bytes (`extract_bytes_with_options`); Marsad gets the raw bytes and its timed
//! region includes its own charset decoding. The gold `url` is passed to every extractor.
//! Each timed region is measured twice: wall clock (as BASELINES) and the thread's CPU time
//! (`CLOCK_THREAD_CPUTIME_ID`), which other jobs on a shared box do not inflate; both rates and
//! both ratios are printed.
//!
//! With `--pred-dir OUT`, each extractor writes `OUT/<name>.jsonl` in the format
//! `shared/eval/extraction_eval.py` reads (`{"dataset","id","text","title","author","date","error"}`).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// The extractors, in table order; Marsad first.
const EXTRACTORS: [&str; 4] = ["marsad", "rs-trafilatura", "trafilatura", "dom_smoothie"];

/// Largest page read (decompressed), as Marsad's own limit.
const MAX_PAGE_BYTES: usize = marsad_extract::MAX_INPUT_BYTES;

/// Deepest folder walk below DIR.
const MAX_DEPTH: usize = 32;

struct Args {
    dir: PathBuf,
    repeat: usize,
    pred_dir: Option<PathBuf>,
    only: Option<String>,
    extractors: Vec<String>,
    json: bool,
    preload: bool,
}

fn usage() -> String {
    "usage: peers DIR [--repeat N] [--pred-dir OUT] [--extractors marsad,rs-trafilatura,trafilatura,dom_smoothie] [--json] [--preload] [--only NAME]".into()
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        dir: PathBuf::new(),
        repeat: 1,
        pred_dir: None,
        only: None,
        extractors: EXTRACTORS.iter().map(|s| s.to_string()).collect(),
        json: false,
        preload: false,
    };
    let mut dir = None;
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .ok_or(format!("{name} needs a value\n{}", usage()))
        };
        match arg.as_str() {
            "--repeat" => {
                a.repeat = value("--repeat")?
                    .parse()
                    .map_err(|e| format!("--repeat: {e}"))?;
                if a.repeat == 0 {
                    return Err("--repeat must be at least 1".into());
                }
            }
            "--pred-dir" => a.pred_dir = Some(PathBuf::from(value("--pred-dir")?)),
            "--only" => a.only = Some(value("--only")?),
            "--extractors" => {
                a.extractors = value("--extractors")?
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            }
            "--json" => a.json = true,
            "--preload" => a.preload = true,
            "-h" | "--help" => return Err(usage()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{}", usage())),
            s => dir = Some(PathBuf::from(s)),
        }
    }
    a.dir = dir.ok_or_else(usage)?;
    for e in a.extractors.iter().chain(a.only.iter()) {
        if !EXTRACTORS.contains(&e.as_str()) {
            return Err(format!(
                "unknown extractor {e:?} (known: {})",
                EXTRACTORS.join(", ")
            ));
        }
    }
    Ok(a)
}

/// One page listed in a gold file.
struct Page {
    dataset: String,
    id: String,
    file: PathBuf,
    url: Option<String>,
}

#[derive(Deserialize)]
struct GoldRow {
    dataset: Option<String>,
    id: serde_json::Value,
    path: Option<String>,
    url: Option<String>,
}

fn find_gold(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            find_gold(&p, depth + 1, out)?;
        } else if p.file_name().is_some_and(|n| n == "gold.jsonl") {
            out.push(p);
        }
    }
    Ok(())
}

/// Every HTML page listed by the gold files below `dir` (rows with `path`), and how many rows
/// were skipped (flattened-text rows, unreadable rows).
fn load_gold(dir: &Path) -> Result<(Vec<Page>, usize), String> {
    let mut golds = Vec::new();
    find_gold(dir, 0, &mut golds).map_err(|e| format!("{}: {e}", dir.display()))?;
    if golds.is_empty() {
        return Err(format!("{}: no gold.jsonl below", dir.display()));
    }
    let mut pages = Vec::new();
    let mut skipped = 0;
    for g in golds {
        let base = g.parent().unwrap_or(Path::new(".")).to_path_buf();
        let f = File::open(&g).map_err(|e| format!("{}: {e}", g.display()))?;
        for line in BufReader::new(f).lines() {
            let line = line.map_err(|e| format!("{}: {e}", g.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let Ok(row) = serde_json::from_str::<GoldRow>(&line) else {
                skipped += 1;
                continue;
            };
            let Some(path) = row.path else {
                skipped += 1;
                continue;
            };
            let id = match row.id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            pages.push(Page {
                dataset: row.dataset.unwrap_or_default(),
                id,
                file: base.join(path),
                url: row.url,
            });
        }
    }
    Ok((pages, skipped))
}

/// Reads a page, gunzipping `.gz`, at most [`MAX_PAGE_BYTES`] decompressed.
fn read_page(file: &Path) -> Result<Vec<u8>, String> {
    let f = File::open(file).map_err(|e| e.to_string())?;
    let limit = MAX_PAGE_BYTES as u64 + 1;
    let mut buf = Vec::new();
    let r = if file.extension().is_some_and(|e| e == "gz") {
        flate2::read::MultiGzDecoder::new(f)
            .take(limit)
            .read_to_end(&mut buf)
    } else {
        f.take(limit).read_to_end(&mut buf)
    };
    r.map_err(|e| e.to_string())?;
    if buf.len() > MAX_PAGE_BYTES {
        return Err(format!("page larger than {MAX_PAGE_BYTES} bytes"));
    }
    Ok(buf)
}

/// Wall-clock and thread CPU time of one timed region. CPU time (`CLOCK_THREAD_CPUTIME_ID`) is
/// reported beside wall time because the benchmark box is shared: other jobs stretch wall time,
/// not the CPU time this thread spends.
struct Timer {
    wall: Instant,
    cpu: Duration,
}

/// CPU time consumed by the calling thread so far.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on Linux.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        ts.tv_sec.max(0) as u64,
        ts.tv_nsec.clamp(0, 999_999_999) as u32,
    )
}

impl Timer {
    fn start() -> Timer {
        Timer {
            cpu: thread_cpu(),
            wall: Instant::now(),
        }
    }
    /// (wall, cpu) since start.
    fn stop(&self) -> Times {
        let wall = self.wall.elapsed();
        Times {
            wall,
            cpu: thread_cpu().saturating_sub(self.cpu),
        }
    }
}

/// Wall-clock and CPU time of one extraction.
#[derive(Default, Clone, Copy)]
struct Times {
    wall: Duration,
    cpu: Duration,
}

/// What an extractor predicted for one page.
#[derive(Default)]
struct Pred {
    text: String,
    title: Option<String>,
    author: Vec<String>,
    date: Option<String>,
}

fn nonempty(s: String) -> Option<String> {
    let t = s.trim();
    if t.is_empty() {
        None
    } else {
        Some(t.to_string())
    }
}

/// Runs extractor `name` on one page: the time of the extraction call alone, and its result.
fn run_extractor(name: &str, bytes: &[u8], url: Option<&str>) -> (Times, Result<Pred, String>) {
    match name {
        "marsad" => {
            let opts = marsad_extract::Options {
                url: url.map(str::to_string),
                input: marsad_extract::InputKind::Html,
                ..Default::default()
            };
            let t = Timer::start();
            let r = marsad_extract::extract(bytes, &opts);
            let dt = t.stop();
            let r = r.map_err(|e| e.to_string()).map(|x| {
                let a = x.article;
                Pred {
                    text: a.body_text(),
                    title: a.title.map(|t| t.text),
                    author: a.authors.into_iter().map(|t| t.text).collect(),
                    date: a
                        .published
                        .as_ref()
                        .and_then(|s| s.day())
                        .map(str::to_string),
                }
            });
            (dt, r)
        }
        "rs-trafilatura" => {
            let opts = rs_trafilatura::Options {
                url: url.map(str::to_string),
                ..Default::default()
            };
            let t = Timer::start();
            let r = rs_trafilatura::extract_bytes_with_options(bytes, &opts);
            let dt = t.stop();
            let r = r.map_err(|e| e.to_string()).map(|x| Pred {
                text: x.content_text,
                title: x.metadata.title.and_then(nonempty),
                author: x.metadata.author.and_then(nonempty).into_iter().collect(),
                date: x.metadata.date.map(|d| d.date_naive().to_string()),
            });
            (dt, r)
        }
        "trafilatura" => {
            let html = String::from_utf8_lossy(bytes);
            let mut opts = trafilatura::Options::default();
            opts.original_url = url.and_then(|u| url::Url::parse(u).ok());
            let t = Timer::start();
            let r = trafilatura::extract(&html, &opts);
            let dt = t.stop();
            let r = r.map_err(|e| e.to_string()).map(|x| Pred {
                text: x.content_text,
                title: nonempty(x.metadata.title),
                author: nonempty(x.metadata.author).into_iter().collect(),
                date: x.metadata.date.map(|d| d.to_string()),
            });
            (dt, r)
        }
        "dom_smoothie" => {
            let html = String::from_utf8_lossy(bytes);
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            let t = Timer::start();
            // dom_smoothie rejects a URL that is not absolute (one gold row has ""): none then.
            let url = url.filter(|u| url::Url::parse(u).is_ok());
            let r = dom_smoothie::Readability::new(html.as_ref(), url, Some(cfg))
                .and_then(|mut r| r.parse());
            let dt = t.stop();
            let r = r.map_err(|e| e.to_string()).map(|x| Pred {
                text: x.text_content.to_string(),
                title: nonempty(x.title),
                author: x.byline.and_then(nonempty).into_iter().collect(),
                date: x
                    .published_time
                    .and_then(|d| d.get(..10).map(str::to_string)),
            });
            (dt, r)
        }
        other => (Times::default(), Err(format!("unknown extractor {other}"))),
    }
}

/// Sums for one dataset (or all pages).
#[derive(Default, Serialize, Deserialize, Clone)]
struct Sums {
    pages: usize,
    errors: usize,
    panics: usize,
    seconds: f64,
    cpu_seconds: f64,
    bytes: u64,
}

/// What a child reports.
#[derive(Serialize, Deserialize)]
struct Report {
    extractor: String,
    repeat: usize,
    all: Sums,
    datasets: BTreeMap<String, Sums>,
    slowest_ms: f64,
    slowest_page: String,
    peak_rss_kb: u64,
}

/// Peak resident set size of this process (`VmHWM`), in kB.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

#[derive(Serialize)]
struct PredRow<'a> {
    dataset: &'a str,
    id: &'a str,
    text: String,
    title: Option<String>,
    author: Vec<String>,
    date: Option<String>,
    error: Option<String>,
}

/// Child mode: one extractor over every page, `repeat` rounds.
fn child(a: &Args, name: &str) -> Result<Report, String> {
    let (pages, _skipped) = load_gold(&a.dir)?;
    let mut pred = match &a.pred_dir {
        Some(d) => {
            std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
            let p = d.join(format!("{name}.jsonl"));
            Some(BufWriter::new(
                File::create(&p).map_err(|e| format!("{}: {e}", p.display()))?,
            ))
        }
        None => None,
    };
    let preloaded: Vec<Result<Vec<u8>, String>> = if a.preload {
        pages.iter().map(|p| read_page(&p.file)).collect()
    } else {
        Vec::new()
    };
    // Quiet panics: they are counted and reported as errors.
    std::panic::set_hook(Box::new(|_| {}));
    let mut all = Sums::default();
    let mut datasets: BTreeMap<String, Sums> = BTreeMap::new();
    let mut slowest = (Duration::ZERO, String::new());
    for round in 0..a.repeat {
        for (i, p) in pages.iter().enumerate() {
            let loaded;
            let bytes = if a.preload {
                preloaded[i].as_ref().map(|b| b.as_slice())
            } else {
                loaded = read_page(&p.file);
                loaded.as_ref().map(|b| b.as_slice())
            };
            let ds = datasets.entry(p.dataset.clone()).or_default();
            let (dt, result, panicked) = match bytes {
                Err(e) => (Times::default(), Err(format!("read: {e}")), false),
                Ok(b) => match catch_unwind(AssertUnwindSafe(|| {
                    run_extractor(name, b, p.url.as_deref())
                })) {
                    Ok((dt, r)) => (dt, r, false),
                    Err(_) => (Times::default(), Err("panic".to_string()), true),
                },
            };
            let n = bytes.map(|b| b.len() as u64).unwrap_or(0);
            for s in [&mut all, &mut *ds] {
                s.seconds += dt.wall.as_secs_f64();
                s.cpu_seconds += dt.cpu.as_secs_f64();
                if round == 0 {
                    s.pages += 1;
                    s.bytes += n;
                    s.errors += usize::from(result.is_err());
                    s.panics += usize::from(panicked);
                }
            }
            if dt.wall > slowest.0 {
                slowest = (dt.wall, format!("{}/{}", p.dataset, p.id));
            }
            if round == 0
                && let Some(w) = pred.as_mut()
            {
                let (pr, error) = match result {
                    Ok(pr) => (pr, None),
                    Err(e) => (Pred::default(), Some(e)),
                };
                let row = PredRow {
                    dataset: &p.dataset,
                    id: &p.id,
                    text: pr.text,
                    title: pr.title,
                    author: pr.author,
                    date: pr.date,
                    error,
                };
                let line = serde_json::to_string(&row).map_err(|e| e.to_string())?;
                writeln!(w, "{line}").map_err(|e| e.to_string())?;
            }
        }
    }
    if let Some(mut w) = pred {
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(Report {
        extractor: name.to_string(),
        repeat: a.repeat,
        all,
        datasets,
        slowest_ms: slowest.0.as_secs_f64() * 1000.0,
        slowest_page: slowest.1,
        peak_rss_kb: peak_rss_kb(),
    })
}

/// Parent mode: one child process per extractor, one after another.
fn parent(a: &Args) -> Result<Vec<Report>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("current exe: {e}"))?;
    let mut reports = Vec::new();
    for name in &a.extractors {
        let mut cmd = Command::new(&exe);
        cmd.arg(&a.dir)
            .args(["--only", name, "--repeat", &a.repeat.to_string()])
            .env("RAYON_NUM_THREADS", "1")
            .env("OMP_NUM_THREADS", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        if let Some(d) = &a.pred_dir {
            cmd.arg("--pred-dir").arg(d);
        }
        if a.preload {
            cmd.arg("--preload");
        }
        eprintln!("peers: running {name} ...");
        let out = cmd.output().map_err(|e| format!("{name}: spawn: {e}"))?;
        if !out.status.success() {
            eprintln!("peers: {name}: child failed ({})", out.status);
            continue;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        match serde_json::from_str::<Report>(text.trim()) {
            Ok(r) => reports.push(r),
            Err(e) => eprintln!("peers: {name}: bad report: {e}"),
        }
    }
    Ok(reports)
}

/// (pages/s, MB/s) over wall time and pages/s over CPU time.
fn rate(s: &Sums, repeat: usize) -> (f64, f64, f64) {
    let n = (s.pages * repeat) as f64;
    let per = |secs: f64, x: f64| if secs > 0.0 { x / secs } else { 0.0 };
    (
        per(s.seconds, n),
        per(s.seconds, s.bytes as f64 * repeat as f64 / 1e6),
        per(s.cpu_seconds, n),
    )
}

fn print_table(reports: &[Report]) {
    let mut names: Vec<String> = reports
        .iter()
        .flat_map(|r| r.datasets.keys().cloned())
        .collect();
    names.sort();
    names.dedup();
    println!(
        "| extractor | dataset | pages | errors | panics | wall s | pages/s | MB/s | CPU s | pages/s (CPU) | peak RSS MB | slowest ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for r in reports {
        let mut rows: Vec<(&str, &Sums)> = names
            .iter()
            .filter_map(|n| r.datasets.get(n).map(|s| (n.as_str(), s)))
            .collect();
        rows.push(("ALL", &r.all));
        for (ds, s) in rows {
            let (ps, mbs, cps) = rate(s, r.repeat);
            let (rss, slow) = if ds == "ALL" {
                (
                    format!("{:.1}", r.peak_rss_kb as f64 / 1024.0),
                    format!("{:.1} ({})", r.slowest_ms, r.slowest_page),
                )
            } else {
                (String::new(), String::new())
            };
            println!(
                "| {} | {} | {} | {} | {} | {:.2} | {:.1} | {:.1} | {:.2} | {:.1} | {} | {} |",
                r.extractor,
                ds,
                s.pages,
                s.errors,
                s.panics,
                s.seconds,
                ps,
                mbs,
                s.cpu_seconds,
                cps,
                rss,
                slow
            );
        }
    }
    let marsad = reports.iter().find(|r| r.extractor == "marsad");
    let peers: Vec<&Report> = reports.iter().filter(|r| r.extractor != "marsad").collect();
    let Some(m) = marsad else { return };
    let (mp, _, mc) = rate(&m.all, m.repeat);
    let fastest =
        |k: fn(&Report) -> f64| peers.iter().copied().max_by(|x, y| k(x).total_cmp(&k(y)));
    if let Some(f) = fastest(|r| rate(&r.all, r.repeat).0) {
        let (fp, _, _) = rate(&f.all, f.repeat);
        if fp > 0.0 {
            println!(
                "\nmarsad / fastest peer by wall time ({}): {:.1} / {:.1} pages/s = {:.2}x",
                f.extractor,
                mp,
                fp,
                mp / fp
            );
        }
    }
    if let Some(f) = fastest(|r| rate(&r.all, r.repeat).2) {
        let (_, _, fc) = rate(&f.all, f.repeat);
        if fc > 0.0 {
            println!(
                "marsad / fastest peer by CPU time ({}): {:.1} / {:.1} pages/s = {:.2}x",
                f.extractor,
                mc,
                fc,
                mc / fc
            );
        }
    }
    if let Some(f) = peers.iter().min_by_key(|r| r.peak_rss_kb) {
        println!(
            "peak RSS: marsad {:.1} MB; smallest peer ({}) {:.1} MB",
            m.peak_rss_kb as f64 / 1024.0,
            f.extractor,
            f.peak_rss_kb as f64 / 1024.0
        );
    }
}

fn main() -> ExitCode {
    let a = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(name) = a.only.clone() {
        return match child(&a, &name) {
            Ok(r) => match serde_json::to_string(&r) {
                Ok(s) => {
                    println!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("peers: {e}");
                    ExitCode::FAILURE
                }
            },
            Err(e) => {
                eprintln!("peers: {name}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    match parent(&a) {
        Ok(reports) => {
            if a.json {
                match serde_json::to_string_pretty(&reports) {
                    Ok(s) => println!("{s}"),
                    Err(e) => eprintln!("peers: {e}"),
                }
            } else {
                print_table(&reports);
            }
            if reports.len() == a.extractors.len() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("peers: {e}");
            ExitCode::FAILURE
        }
    }
}
