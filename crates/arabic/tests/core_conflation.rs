//! Conflation of word families built from the ANT corpus (`../shared`; skipped when absent).
//!
//! Families are listed in `tests/data/core_conflation_families.tsv`; every distinct corpus word
//! that is a member plus proclitics and/or a pronoun suffix joins its family, weighted by its
//! count. For each stemmer (ours = `stem::stem`; ours-search = `stem::search_term`, what the
//! search analyzer indexes; tantivy's Snowball) we report
//! - conflation: share of the family's word occurrences whose stem is the family's most common
//!   stem (micro over all occurrences, and the macro mean over families),
//! - merged pairs: families whose most common stems are equal (over-conflation),
//! - distinct stems per family (1 is ideal).
//!
//! Run: `cargo test --release -p marsad-arabic --features tantivy --test core_conflation -- --nocapture`
//! (without the feature only our stemmer is measured).

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::Path;

use marsad_arabic::normalize::normalize;
use marsad_arabic::stem::stem;

const PREFIXES: &[&str] = &[
    "", "و", "ف", "ب", "ك", "ل", "ال", "لل", "وال", "فال", "بال", "كال", "وبال", "وكال", "فبال",
    "ولل", "فلل", "وب", "ول", "فب", "فل", "وك",
];
const SUFFIXES: &[&str] = &["", "ه", "ها", "هم", "هما", "كم", "نا", "ي"];

fn families() -> Vec<Vec<String>> {
    include_str!("data/core_conflation_families.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('|').map(|w| w.trim().to_string()).collect())
        .collect()
}

/// Family index of a normalised corpus word, if any (first match in list order).
fn family_of(w: &str, index: &HashMap<String, usize>) -> Option<usize> {
    for p in PREFIXES {
        let Some(rest) = w.strip_prefix(p) else {
            continue;
        };
        for s in SUFFIXES {
            if let Some(core) = rest.strip_suffix(s)
                && let Some(&f) = index.get(core)
            {
                return Some(f);
            }
        }
    }
    None
}

fn word_counts(root: &Path) -> Option<HashMap<String, u64>> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for corpus in ["ant-multisource", "ant-jawharafm"] {
        let f = std::fs::File::open(root.join(corpus).join("articles.jsonl.gz")).ok()?;
        for line in BufReader::new(flate2::read::GzDecoder::new(f)).lines() {
            let line = line.ok()?;
            let v: serde_json::Value = serde_json::from_str(&line).ok()?;
            let text = format!(
                "{} {}",
                v["title"].as_str().unwrap_or(""),
                v["text"].as_str().unwrap_or("")
            );
            for w in text.split(|c: char| {
                !(c.is_alphanumeric() || ('\u{064B}'..='\u{0670}').contains(&c) || c == 'ـ')
            }) {
                if !w.is_empty()
                    && w.chars()
                        .next()
                        .is_some_and(|c| ('\u{0621}'..='\u{064A}').contains(&c))
                {
                    *counts.entry(w.to_string()).or_insert(0) += 1;
                }
            }
        }
    }
    Some(counts)
}

struct Report {
    micro: f64,
    macro_: f64,
    merged: usize,
    stems_per_family: f64,
}

fn measure(
    fams: &[Vec<String>],
    members: &[Vec<(String, u64)>],
    stemmer: &mut dyn FnMut(&str) -> String,
) -> Report {
    let mut majority: Vec<String> = Vec::new();
    let (mut hit, mut total) = (0u64, 0u64);
    let mut macro_sum = 0.0;
    let mut stems_sum = 0usize;
    let mut used = 0usize;
    for m in members {
        let mut by_stem: HashMap<String, u64> = HashMap::new();
        let mut n = 0;
        for (w, c) in m {
            *by_stem.entry(stemmer(w)).or_insert(0) += c;
            n += c;
        }
        let best = by_stem
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, c)| (s.clone(), *c));
        let Some((s, c)) = best else {
            majority.push(String::new());
            continue;
        };
        hit += c;
        total += n;
        macro_sum += c as f64 / n as f64;
        stems_sum += by_stem.len();
        used += 1;
        majority.push(s);
    }
    let mut merged = 0;
    for i in 0..majority.len() {
        for j in i + 1..majority.len() {
            if !majority[i].is_empty() && majority[i] == majority[j] {
                merged += 1;
                println!(
                    "    merged: {:?} and {:?} → {}",
                    fams[i][0], fams[j][0], majority[i]
                );
            }
        }
    }
    Report {
        micro: hit as f64 / total.max(1) as f64,
        macro_: macro_sum / used.max(1) as f64,
        merged,
        stems_per_family: stems_sum as f64 / used.max(1) as f64,
    }
}

#[test]
fn conflation_over_ant_families() {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/arabic"
    ));
    if !root.join("ant-multisource").exists() {
        eprintln!("conflation: {} not found; skipping", root.display());
        return;
    }
    let Some(counts) = word_counts(root) else {
        eprintln!("conflation: could not read the ANT files; skipping");
        return;
    };
    let fams = families();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, f) in fams.iter().enumerate() {
        for w in f {
            index.entry(w.clone()).or_insert(i);
        }
    }
    let mut members: Vec<Vec<(String, u64)>> = vec![Vec::new(); fams.len()];
    let mut seen: HashSet<String> = HashSet::new();
    for (w, c) in &counts {
        if let Some(f) = family_of(&normalize(w), &index)
            && seen.insert(w.clone())
        {
            members[f].push((w.clone(), *c));
        }
    }
    let words: usize = members.iter().map(Vec::len).sum();
    let occ: u64 = members.iter().flatten().map(|(_, c)| c).sum();
    println!(
        "conflation: {} families, {words} distinct surface words, {occ} occurrences",
        fams.len()
    );

    let mut results: Vec<(&str, Report)> = Vec::new();
    println!("  ours:");
    results.push((
        "ours",
        measure(&fams, &members, &mut |w| stem(w).into_owned()),
    ));
    // What the search analyzer indexes: the light stem plus the verb folds.
    println!("  ours (search term):");
    results.push((
        "ours-search",
        measure(&fams, &members, &mut |w| {
            marsad_arabic::stem::search_term(&normalize(w)).to_string()
        }),
    ));
    #[cfg(feature = "tantivy")]
    {
        use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
        let mut snow = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Arabic))
            .build();
        println!("  snowball:");
        results.push((
            "snowball",
            measure(&fams, &members, &mut |w| {
                let mut ts = snow.token_stream(w);
                let mut out = String::new();
                while ts.advance() {
                    out.push_str(&ts.token().text);
                }
                out
            }),
        ));
    }
    println!("stemmer\tconflation(micro)\tconflation(macro)\tstems/family\tmerged pairs");
    for (name, r) in &results {
        println!(
            "{name}\t{:.4}\t{:.4}\t{:.2}\t{}",
            r.micro, r.macro_, r.stems_per_family, r.merged
        );
    }
    let ours = &results[0].1;
    assert!(ours.micro > 0.8, "conflation {:.3}", ours.micro);
}
