//! `marsad eval arabic dates|datelines|related GOLD --out PRED.jsonl`: runs the Arabic layer (or,
//! for `related`, the flattened-text extractor) over the gold articles and writes the predictions
//! `arabic_eval.py` reads (see its docstring).
//!
//! The article texts are read from `ant-*/articles.jsonl.gz` next to the gold folder (or
//! `--articles DIR`). Dates are resolved against each article's publication time in its
//! outlet's zone (BBC Europe/London, France 24 Europe/Paris, Jawhara FM Africa/Tunis, CNN,
//! Al Arabiya and Sky News Arabia Asia/Dubai), with the Umm al-Qura Hijri calendar for the
//! Saudi-owned Al Arabiya and the tabular one elsewhere — the outlets' conventions, as the gold
//! README documents them.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use marsad_arabic::agencies::find_agencies;
use marsad_arabic::dateline::find_dateline;
use marsad_arabic::dates::{DateContext, DateOptions, HijriVariant, find_dates_with};
use marsad_model::AgencyKind;
use serde_json::{Value, json};

/// Which layer to run.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Task {
    /// Date expressions (gold-dates).
    Dates,
    /// Datelines and agencies credited (gold-datelines).
    Datelines,
    /// Teaser lines moved out of the body by the flattened-text extractor (ant-related): each
    /// article's title line and text go in as flattened text, with no list of teasers.
    Related,
}

/// Arguments of `marsad eval arabic`.
#[derive(clap::Args)]
pub struct EvalArabicArgs {
    /// dates, datelines or related.
    #[arg(value_enum)]
    pub task: Task,
    /// The gold JSON Lines file (gold-dates/dev.jsonl, gold-datelines/dev.jsonl or
    /// ant-related/dev.jsonl).
    pub gold: PathBuf,
    /// Where to write the predictions (JSON Lines).
    #[arg(long)]
    pub out: PathBuf,
    /// Folder holding ant-*/articles.jsonl.gz (default: the gold file's parent's parent).
    #[arg(long)]
    pub articles: Option<PathBuf>,
}

/// Outlet → (IANA zone, Hijri calendar). Keys are the corpus `source` values.
const OUTLETS: &[(&str, &str, HijriVariant)] = &[
    ("alarabia", "Asia/Dubai", HijriVariant::UmmAlQura),
    ("BBC", "Europe/London", HijriVariant::TabularCivil),
    ("CNN", "Asia/Dubai", HijriVariant::TabularCivil),
    ("france24", "Europe/Paris", HijriVariant::TabularCivil),
    ("skynews", "Asia/Dubai", HijriVariant::TabularCivil),
    ("Jawhara FM", "Africa/Tunis", HijriVariant::TabularCivil),
];

struct Article {
    title: String,
    source: String,
    published: String,
    text: String,
}

fn read_gold(path: &Path) -> anyhow::Result<Vec<Value>> {
    let f = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(
            serde_json::from_str(&line).with_context(|| format!("{}:{}", path.display(), i + 1))?,
        );
    }
    Ok(out)
}

fn read_articles(dir: &Path, wanted: &HashSet<String>) -> anyhow::Result<HashMap<String, Article>> {
    let mut out = HashMap::new();
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for e in entries {
        let e = e?;
        let name = e.file_name().to_string_lossy().to_string();
        if !name.starts_with("ant-") {
            continue;
        }
        let p = e.path().join("articles.jsonl.gz");
        if !p.exists() {
            continue;
        }
        let f = File::open(&p).with_context(|| format!("opening {}", p.display()))?;
        let r = BufReader::new(flate2::read::GzDecoder::new(f));
        for line in r.lines() {
            let line = line.with_context(|| format!("reading {}", p.display()))?;
            let v: Value =
                serde_json::from_str(&line).with_context(|| format!("parsing {}", p.display()))?;
            let Some(id) = v.get("id").and_then(Value::as_str) else {
                continue;
            };
            if !wanted.contains(id) {
                continue;
            }
            let s = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            out.insert(
                id.to_string(),
                Article {
                    title: s("title"),
                    source: s("source"),
                    published: s("published"),
                    text: s("text"),
                },
            );
        }
    }
    Ok(out)
}

fn context_for(a: &Article, gold_ref: Option<&str>) -> (DateContext, DateOptions) {
    let (zone, hv) = OUTLETS
        .iter()
        .find(|(s, _, _)| *s == a.source)
        .map(|(_, z, h)| (*z, *h))
        .unwrap_or(("UTC", HijriVariant::TabularCivil));
    let tz = jiff::tz::TimeZone::get(zone).ok();
    let r = if a.published.len() > 10 {
        a.published.as_str()
    } else {
        gold_ref.unwrap_or(&a.published)
    };
    let reference = crate::text_dates::parse_reference(r, tz.as_ref()).ok();
    (
        DateContext {
            reference,
            zone: tz,
        },
        DateOptions { hijri: Some(hv) },
    )
}

/// The dateline prediction for one text: the first two non-empty lines are tried.
fn dateline_pred(text: &str) -> (Value, Option<String>) {
    let mut off = 0usize;
    let mut tried = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            if let Some(m) = find_dateline(body) {
                let d = &m.dateline;
                return (
                    json!({
                        "start": d.span.start + off,
                        "end": d.span.end + off,
                        "text": d.text,
                        "place": d.place,
                        "country": d.country,
                        "zone": d.zone,
                        "agency": d.agency,
                    }),
                    d.agency.clone(),
                );
            }
            tried += 1;
            if tried >= 2 {
                break;
            }
        }
        off += line.len();
    }
    (Value::Null, None)
}

/// Agencies credited in a text: the dateline agency first, then wire and state agencies and
/// generic "وكالات" credits in order of first mention (outlets are not credits).
fn credited(text: &str, dateline_agency: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(a) = dateline_agency.and_then(marsad_arabic::agencies::lookup) {
        out.push(a.name.to_string());
    }
    for m in find_agencies(text) {
        if m.agency.kind == AgencyKind::Outlet {
            continue;
        }
        let n = m.agency.name.to_string();
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// The flattened-text extractor over an article's title line and text: its related teasers and
/// body text.
fn related_pred(a: &Article) -> Value {
    let input = format!("{}\n{}", a.title, a.text);
    let opts = marsad_extract::Options {
        input: marsad_extract::InputKind::Text,
        ..marsad_extract::Options::default()
    };
    match marsad_extract::extract(input.as_bytes(), &opts) {
        Ok(x) => json!({
            "related": x.article.related.iter().map(|l| l.title.text.clone()).collect::<Vec<_>>(),
            "body": x.article.body_text(),
        }),
        Err(e) => json!({ "related": [], "body": "", "error": e.to_string() }),
    }
}

/// Runs `marsad eval arabic …`.
pub fn run(args: EvalArabicArgs) -> anyhow::Result<ExitCode> {
    let gold = read_gold(&args.gold)?;
    let dir = match &args.articles {
        Some(d) => d.clone(),
        None => args
            .gold
            .canonicalize()
            .with_context(|| format!("resolving {}", args.gold.display()))?
            .parent()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .context("the gold file has no grandparent folder; give --articles")?,
    };
    let mut docs: Vec<String> = Vec::new();
    let mut refs: HashMap<String, String> = HashMap::new();
    for g in &gold {
        // Date and dateline gold name the article "doc", teaser gold "id".
        if let Some(d) = g.get("doc").or_else(|| g.get("id")).and_then(Value::as_str) {
            if !refs.contains_key(d) {
                docs.push(d.to_string());
            }
            let r = g
                .get("ref")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            refs.insert(d.to_string(), r);
        }
    }
    let wanted: HashSet<String> = docs.iter().cloned().collect();
    let arts = read_articles(&dir, &wanted)?;
    let missing = docs.iter().filter(|d| !arts.contains_key(*d)).count();
    let f = File::create(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let mut w = BufWriter::new(f);
    let mut n_pred = 0usize;
    for doc in &docs {
        let Some(a) = arts.get(doc) else { continue };
        let row = match args.task {
            Task::Dates => {
                let (ctx, opts) = context_for(a, refs.get(doc).map(String::as_str));
                let dates: Vec<Value> = find_dates_with(&a.text, &ctx, &opts)
                    .into_iter()
                    .map(|m| {
                        json!({
                            "start": m.span.start,
                            "end": m.span.end,
                            "value": m.value.to_json(),
                            "kind": m.kind.as_str(),
                            "text": m.text,
                        })
                    })
                    .collect();
                n_pred += dates.len();
                json!({ "doc": doc, "dates": dates })
            }
            Task::Datelines => {
                let (dl, agency) = dateline_pred(&a.text);
                if !dl.is_null() {
                    n_pred += 1;
                }
                json!({ "doc": doc, "dateline": dl, "agencies_credited": credited(&a.text, agency.as_deref()) })
            }
            Task::Related => {
                let row = related_pred(a);
                n_pred += row["related"].as_array().map_or(0, Vec::len);
                json!({ "id": doc, "related": row["related"], "body": row["body"] })
            }
        };
        serde_json::to_writer(&mut w, &row)?;
        writeln!(w)?;
    }
    w.flush()?;
    eprintln!(
        "marsad eval arabic: {} articles, {} predictions, {} articles not found under {}",
        docs.len() - missing,
        n_pred,
        missing,
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
