//! Known-item search over the ANT corpus: each article's title is the query, its own body the
//! target; a hit is the article itself or any article with byte-identical text. Reports MRR@10
//! (and hits@1, hits@10) for three analyzers over the same tantivy BM25 index setup:
//!
//! - `plain`: tantivy's SimpleTokenizer + LowerCaser,
//! - `snowball`: SimpleTokenizer + LowerCaser + Stemmer(Language::Arabic) (tantivy's Snowball),
//! - `ours`: `marsad_arabic::analyzer::analyzer()` (normalise, clitics, light stem, verb folds
//!   `stem::fold_verb_prefix` and `stem::fold_taa_suffix`),
//!
//! plus `ours-nofold` (the same without the verb folds), `ours/qstop` (stopwords dropped from
//! the query only; the MIT list holds content words, and this cost MRR), `ours+stopwords`
//! (`analyzer_with_stopwords()`, the MIT list dropped) and
//! `ours-tok+snowball` (our tokenizer, normalisation and stopwords, Snowball stems) to separate
//! the stemmer from the rest.
//!
//! Query: the title's analyzed terms as BM25 `Should` clauses; with `--phrases`, also a phrase
//! clause for each pair of neighbouring title terms (positions indexed).
//!
//! Run: `cargo run --release -p marsad-arabic --features tantivy --example known_item [-- --sample N] [--phrases] [--only NAME,…] [--dump PATH]`
//! (needs `../shared/data/arabic/ant-*`; all articles with a non-empty title and text are used
//! unless `--sample N` takes every k-th one deterministically).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use marsad_arabic::analyzer::{ArabicTokenizer, StopwordFilter, analyzer, analyzer_with_stopwords};
use marsad_arabic::stem::stem_normalized;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{
    IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::{Index, TantivyDocument, Term, doc};

struct Article {
    title: String,
    text: String,
}

fn load(root: &Path) -> Result<Vec<Article>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for corpus in ["ant-multisource", "ant-jawharafm"] {
        let f = std::fs::File::open(root.join(corpus).join("articles.jsonl.gz"))?;
        let r = BufReader::new(flate2::read::GzDecoder::new(f));
        for line in r.lines() {
            let v: serde_json::Value = serde_json::from_str(&line?)?;
            let title = v["title"].as_str().unwrap_or("").to_string();
            let text = v["text"].as_str().unwrap_or("").to_string();
            if !title.trim().is_empty() && !text.trim().is_empty() {
                out.push(Article { title, text });
            }
        }
    }
    Ok(out)
}

/// Post-processing of an analyzer's tokens (example-only: ablations and ideas tried before they
/// move into the library).
#[derive(Clone)]
struct Post {
    inner: TextAnalyzer,
    f: fn(&str) -> Option<String>,
}

struct VecStream {
    toks: Vec<Token>,
    i: usize,
    cur: Token,
}

impl Tokenizer for Post {
    type TokenStream<'a> = VecStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecStream {
        let mut toks = Vec::new();
        let mut s = self.inner.token_stream(text);
        while s.advance() {
            let mut t = s.token().clone();
            if let Some(r) = (self.f)(&t.text) {
                t.text = r;
            }
            toks.push(t);
        }
        drop(s);
        VecStream {
            toks,
            i: 0,
            cur: Token::default(),
        }
    }
}

impl TokenStream for VecStream {
    fn advance(&mut self) -> bool {
        if self.i >= self.toks.len() {
            return false;
        }
        self.cur = std::mem::take(&mut self.toks[self.i]);
        self.i += 1;
        true
    }
    fn token(&self) -> &Token {
        &self.cur
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.cur
    }
}

fn analyzers() -> Vec<(&'static str, TextAnalyzer)> {
    vec![
        (
            "plain",
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .build(),
        ),
        (
            "snowball",
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(Stemmer::new(Language::Arabic))
                .build(),
        ),
        ("ours", analyzer()),
        ("ours/qstop", analyzer()),
        (
            "ours-nofold",
            TextAnalyzer::from(Post {
                inner: TextAnalyzer::from(ArabicTokenizer::default()),
                f: |t| Some(stem_normalized(t).to_string()),
            }),
        ),
        ("ours+stopwords", analyzer_with_stopwords()),
        (
            "ours-tok+snowball",
            TextAnalyzer::builder(ArabicTokenizer::default())
                .filter(StopwordFilter)
                .filter(Stemmer::new(Language::Arabic))
                .build(),
        ),
    ]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/arabic"
    ));
    if !root.join("ant-multisource").exists() {
        eprintln!("known_item: {} not found; skipping", root.display());
        return Ok(());
    }
    let args: Vec<String> = std::env::args().collect();
    let sample: Option<usize> = args
        .iter()
        .position(|a| a == "--sample")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok());
    let mut debug: usize = args
        .iter()
        .position(|a| a == "--debug")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let phrases = args.iter().any(|a| a == "--phrases");
    // `--dump PATH`: one line per query and analyzer: name, query index, rank (0 = not in the
    // top 10), the top-10 article indices (for offline failure analysis).
    let mut dump: Option<std::io::BufWriter<std::fs::File>> = match args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
    {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let only: Option<&str> = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(String::as_str);

    let t0 = Instant::now();
    let arts = load(root)?;
    // Group ids of identical texts: a hit is any article with the same text.
    let mut group_of_text: HashMap<&str, u64> = HashMap::new();
    let groups: Vec<u64> = arts
        .iter()
        .map(|a| {
            let n = group_of_text.len() as u64;
            *group_of_text.entry(a.text.as_str()).or_insert(n)
        })
        .collect();
    let queries: Vec<usize> = match sample {
        Some(n) if n > 0 && n < arts.len() => {
            let step = arts.len() / n;
            (0..n).map(|i| i * step).collect()
        }
        _ => (0..arts.len()).collect(),
    };
    eprintln!(
        "{} articles ({} distinct texts), {} queries, loaded in {:.1}s",
        arts.len(),
        group_of_text.len(),
        queries.len(),
        t0.elapsed().as_secs_f64()
    );

    println!("analyzer\tqueries\tMRR@10\thits@1\thits@10\tindex_s\tsearch_s");
    for (name, mut an) in analyzers() {
        if only.is_some_and(|o| !o.split(',').any(|x| x == name)) {
            continue;
        }
        let mut sb = Schema::builder();
        let body = sb.add_text_field(
            "body",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(name)
                    .set_index_option(if phrases {
                        IndexRecordOption::WithFreqsAndPositions
                    } else {
                        IndexRecordOption::WithFreqs
                    }),
            ),
        );
        let group = sb.add_u64_field("group", NumericOptions::default().set_stored());
        let idx = sb.add_u64_field("idx", NumericOptions::default().set_stored());
        let index = Index::create_in_ram(sb.build());
        index.tokenizers().register(name, an.clone());
        let t1 = Instant::now();
        let mut w = index.writer_with_num_threads(1, 200_000_000)?;
        for (i, (a, g)) in arts.iter().zip(&groups).enumerate() {
            w.add_document(doc!(body => a.text.as_str(), group => *g, idx => i as u64))?;
        }
        w.commit()?;
        let index_s = t1.elapsed().as_secs_f64();
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let t2 = Instant::now();
        let (mut rr, mut h1, mut h10) = (0.0f64, 0usize, 0usize);
        for &qi in &queries {
            let mut terms: Vec<String> = Vec::new();
            let mut seq: Vec<(usize, String)> = Vec::new();
            let title = arts[qi].title.as_str();
            let mut ts = an.token_stream(title);
            while ts.advance() {
                let tok = ts.token();
                // `NAME/qstop`: stopwords dropped from the query only (the index keeps them).
                if name.ends_with("/qstop")
                    && title
                        .get(tok.offset_from..tok.offset_to)
                        .is_some_and(marsad_arabic::stopwords::is_stopword)
                {
                    continue;
                }
                let t = ts.token().text.clone();
                seq.push((ts.token().position, t.clone()));
                if !terms.contains(&t) {
                    terms.push(t);
                }
            }
            let mut subs: Vec<(Occur, Box<dyn Query>)> = terms
                .iter()
                .map(|t| {
                    let q: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(body, t),
                        IndexRecordOption::WithFreqs,
                    ));
                    (Occur::Should, q)
                })
                .collect();
            if phrases {
                for w in seq.windows(2) {
                    let (p0, t0) = &w[0];
                    let (p1, t1) = &w[1];
                    if p1 > p0 && p1 - p0 <= 3 {
                        let q: Box<dyn Query> = Box::new(PhraseQuery::new_with_offset(vec![
                            (0, Term::from_field_text(body, t0)),
                            (p1 - p0, Term::from_field_text(body, t1)),
                        ]));
                        subs.push((Occur::Should, q));
                    }
                }
            }
            if subs.is_empty() {
                continue;
            }
            let q = BooleanQuery::new(subs);
            let top = searcher.search(&q, &TopDocs::with_limit(10).order_by_score())?;
            if debug > 0 {
                let first: Option<TantivyDocument> =
                    top.first().and_then(|(_, a)| searcher.doc(*a).ok());
                let fg = first
                    .as_ref()
                    .and_then(|d| d.get_first(group))
                    .and_then(|v| v.as_u64());
                if fg != Some(groups[qi]) {
                    debug -= 1;
                    let fi = first
                        .as_ref()
                        .and_then(|d| d.get_first(idx))
                        .and_then(|v| v.as_u64())
                        .unwrap_or(0) as usize;
                    let cut = |s: &str| s.chars().take(160).collect::<String>();
                    eprintln!(
                        "MISS q={:?}\n  terms={terms:?}\n  target={:?}\n  top1 title={:?}\n  top1={:?}",
                        arts[qi].title,
                        cut(&arts[qi].text),
                        arts[fi].title,
                        cut(&arts[fi].text)
                    );
                }
            }
            let mut found = 0usize;
            let mut ids: Vec<u64> = Vec::new();
            for (rank, (_, addr)) in top.iter().enumerate() {
                let d: TantivyDocument = searcher.doc(*addr)?;
                ids.push(
                    d.get_first(idx)
                        .and_then(|v| v.as_u64())
                        .unwrap_or(u64::MAX),
                );
                let g = d.get_first(group).and_then(|v| v.as_u64());
                if found == 0 && g == Some(groups[qi]) {
                    found = rank + 1;
                    rr += 1.0 / (rank as f64 + 1.0);
                    h10 += 1;
                    if rank == 0 {
                        h1 += 1;
                    }
                }
            }
            if let Some(w) = dump.as_mut() {
                use std::io::Write;
                let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
                writeln!(w, "{name}\t{qi}\t{found}\t{}", ids.join(","))?;
            }
        }
        let n = queries.len() as f64;
        println!(
            "{name}\t{}\t{:.4}\t{:.4}\t{:.4}\t{index_s:.1}\t{:.1}",
            queries.len(),
            rr / n,
            h1 as f64 / n,
            h10 as f64 / n,
            t2.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
