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
//! Multi-field variants (each field its own analyzer, part of the body and query boost):
//! `ours+coarse[.2|.4|1]` adds a field analysed by `coarse_analyzer()` (skeleton terms; default
//! boost `COARSE_BOOST`), `coarse` is that field alone; `ours+coord{W}` adds a constant W·idf per
//! matched title term; `ours+lead{B}` / `plain+lead.6` / `snowball+lead.6` index the lead (first
//! non-empty line) again in a field boosted by B, `ours+head.6` the first 400 bytes — a schema
//! choice, not an analyzer one, reported apart.
//!
//! Word pairs (`shingle_analyzer()`, see `ShingleFilter`): `ours+sh{B}` adds a field of the
//! body's pairs at boost B, `ours+shs.6` pairs with stopwords dropped first, and
//! `ours+lead.6+sh{B}[+leadsh{B}]` the same next to the lead field (pairs of the lead too).
//!
//! `--overlap PATH`: share of each title's distinct terms found in its own body (plain,
//! snowball, ours), zero-overlap count (targets no term method can find); PATH lists the
//! title words whose `ours` term is missing from the body.
//!
//! `--headroom`: for every query whose target is not ranked first, whether the top-ranked body
//! holds at least as many of the title's distinct terms (this variant's first analyzer) as the
//! target's body does; no weighting of those terms can lift such a target above it on term
//! coverage alone. Prints the share and the MRR@10 reached if every other miss went to rank 1.
//!
//! Query: the title's analyzed terms as BM25 `Should` clauses; with `--phrases`, also a phrase
//! clause for each pair of neighbouring title terms (positions indexed).
//!
//! Run: `cargo run --release -p marsad-arabic --features tantivy --example known_item [-- --sample N] [--phrases] [--only NAME,…] [--dump PATH] [--overlap PATH] [--headroom]`
//! (needs `../shared/data/arabic/ant-*`; all articles with a non-empty title and text are used
//! unless `--sample N` takes every k-th one deterministically).

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Instant;

use marsad_arabic::analyzer::{
    ArabicTokenizer, COARSE_BOOST, ShingleFilter, StemFilter, StopwordFilter, analyzer,
    analyzer_with_stopwords, coarse_analyzer, shingle_analyzer,
};
use marsad_arabic::stem::stem_normalized;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::{Index, TantivyDocument, Term};

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

/// A search variant: one or more body fields, each with its analyzer, query boost and the part
/// of the body it indexes.
type Variant = (&'static str, Vec<(TextAnalyzer, f32, fn(&str) -> &str)>);

fn whole(t: &str) -> &str {
    t
}

/// The lead: the body's first non-empty line (the lede paragraph in news copy).
fn lead(t: &str) -> &str {
    t.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// The first 400 bytes of the body (at a char boundary), whatever its line structure.
fn head400(t: &str) -> &str {
    let mut e = t.len().min(400);
    while !t.is_char_boundary(e) {
        e -= 1;
    }
    &t[..e]
}

fn variants() -> Vec<Variant> {
    let mut v: Vec<Variant> = analyzers()
        .into_iter()
        .map(|(n, a)| (n, vec![(a, 1.0, whole as fn(&str) -> &str)]))
        .collect();
    // A second body field analysed by `coarse_analyzer()` (skeleton terms), at several boosts.
    for (name, boost) in [
        ("ours+coarse.2", 0.2f32),
        ("ours+coarse.4", 0.4),
        ("ours+coarse", COARSE_BOOST),
        ("ours+coarse1", 1.0),
    ] {
        v.push((
            name,
            vec![(analyzer(), 1.0, whole), (coarse_analyzer(), boost, whole)],
        ));
    }
    v.push(("coarse", vec![(coarse_analyzer(), 1.0, whole)]));
    // Query-side coordination (a constant idf per matched title term on top of BM25).
    for name in ["ours+coord0.3", "ours+coord1", "ours+coord3"] {
        v.push((name, vec![(analyzer(), 1.0, whole)]));
    }
    // Schema, not analyzer: the lead (first non-empty line) indexed again in its own field.
    for (name, boost) in [
        ("ours+lead.3", 0.3f32),
        ("ours+lead.6", 0.6),
        ("ours+lead1", 1.0),
    ] {
        v.push((
            name,
            vec![(analyzer(), 1.0, whole), (analyzer(), boost, lead)],
        ));
    }
    v.push((
        "ours+head.6",
        vec![(analyzer(), 1.0, whole), (analyzer(), 0.6, head400)],
    ));
    v.push((
        "ours+lead.6+coarse",
        vec![
            (analyzer(), 1.0, whole),
            (analyzer(), 0.6, lead),
            (coarse_analyzer(), COARSE_BOOST, whole),
        ],
    ));
    // Word pairs (`shingle_analyzer()`): the title's own phrasing, in the body and the lead.
    let shs = || {
        TextAnalyzer::builder(ArabicTokenizer::default())
            .filter(StopwordFilter)
            .filter(StemFilter)
            .filter(ShingleFilter)
            .build()
    };
    for (name, boost) in [("ours+sh.3", 0.3f32), ("ours+sh.6", 0.6), ("ours+sh1", 1.0)] {
        v.push((
            name,
            vec![(analyzer(), 1.0, whole), (shingle_analyzer(), boost, whole)],
        ));
    }
    v.push((
        "ours+shs.6",
        vec![(analyzer(), 1.0, whole), (shs(), 0.6, whole)],
    ));
    for (name, sb, lb) in [
        ("ours+lead.6+sh.3", 0.3f32, 0.0f32),
        ("ours+lead.6+sh.6", 0.6, 0.0),
        ("ours+lead.6+sh.6+leadsh.3", 0.6, 0.3),
        ("ours+lead.6+sh.6+leadsh.6", 0.6, 0.6),
    ] {
        let mut f = vec![
            (analyzer(), 1.0, whole as fn(&str) -> &str),
            (analyzer(), 0.6, lead),
            (shingle_analyzer(), sb, whole),
        ];
        if lb > 0.0 {
            f.push((shingle_analyzer(), lb, lead));
        }
        v.push((name, f));
    }
    let plain = || {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build()
    };
    let snow = || {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Arabic))
            .build()
    };
    v.push((
        "plain+lead.6",
        vec![(plain(), 1.0, whole), (plain(), 0.6, lead)],
    ));
    v.push((
        "snowball+lead.6",
        vec![(snow(), 1.0, whole), (snow(), 0.6, lead)],
    ));
    v
}

/// Title-term overlap with the own body, per analyzer (see `--overlap`).
fn overlap(arts: &[Article], queries: &[usize], out: &Path) -> std::io::Result<()> {
    use std::collections::HashSet;
    use std::io::Write;
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    println!("analyzer\tqueries\tzero_overlap\tall_terms\tmean_share\tshare<0.5");
    for (name, mut an) in analyzers() {
        if !matches!(name, "plain" | "snowball" | "ours") {
            continue;
        }
        let (mut zero, mut all, mut low, mut sum) = (0usize, 0usize, 0usize, 0.0f64);
        for &qi in queries {
            let mut body: HashSet<String> = HashSet::new();
            let mut ts = an.token_stream(&arts[qi].text);
            while ts.advance() {
                body.insert(ts.token().text.clone());
            }
            drop(ts);
            let title = arts[qi].title.as_str();
            let mut seen: HashSet<String> = HashSet::new();
            let mut missing: Vec<&str> = Vec::new();
            let mut found = 0usize;
            let mut ts = an.token_stream(title);
            while ts.advance() {
                let t = ts.token();
                if !seen.insert(t.text.clone()) {
                    continue;
                }
                if body.contains(&t.text) {
                    found += 1;
                } else {
                    missing.push(title.get(t.offset_from..t.offset_to).unwrap_or(""));
                }
            }
            let n = seen.len();
            if n == 0 {
                continue;
            }
            let share = found as f64 / n as f64;
            sum += share;
            zero += usize::from(found == 0);
            all += usize::from(found == n);
            low += usize::from(share < 0.5);
            if name == "ours" {
                writeln!(w, "{qi}\t{n}\t{found}\t{}", missing.join(" "))?;
            }
        }
        let q = queries.len() as f64;
        println!(
            "{name}\t{}\t{zero}\t{all}\t{:.4}\t{low}",
            queries.len(),
            sum / q
        );
    }
    Ok(())
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
    let headroom = args.iter().any(|a| a == "--headroom");
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

    // `--overlap PATH`: how many of each title's analyzed terms occur in its own body (ours):
    // an upper bound for any method matching these terms (a target sharing no term with its
    // title cannot be found at all); PATH gets the title words whose term is missing.
    if let Some(p) = args
        .iter()
        .position(|a| a == "--overlap")
        .and_then(|i| args.get(i + 1))
    {
        overlap(&arts, &queries, Path::new(p))?;
    }
    println!("analyzer\tqueries\tMRR@10\thits@1\thits@10\tindex_s\tsearch_s");
    for (name, mut fields) in variants() {
        if only.is_some_and(|o| !o.split(',').any(|x| x == name)) {
            continue;
        }
        let mut sb = Schema::builder();
        let body_fields: Vec<Field> = (0..fields.len())
            .map(|k| {
                sb.add_text_field(
                    &format!("body{k}"),
                    TextOptions::default().set_indexing_options(
                        TextFieldIndexing::default()
                            .set_tokenizer(&format!("{name}#{k}"))
                            .set_index_option(if phrases {
                                IndexRecordOption::WithFreqsAndPositions
                            } else {
                                IndexRecordOption::WithFreqs
                            }),
                    ),
                )
            })
            .collect();
        let group = sb.add_u64_field("group", NumericOptions::default().set_stored());
        let idx = sb.add_u64_field("idx", NumericOptions::default().set_stored());
        let index = Index::create_in_ram(sb.build());
        for (k, (an, _, _)) in fields.iter().enumerate() {
            index
                .tokenizers()
                .register(&format!("{name}#{k}"), an.clone());
        }
        let t1 = Instant::now();
        let mut w = index.writer_with_num_threads(1, 200_000_000)?;
        for (i, (a, g)) in arts.iter().zip(&groups).enumerate() {
            let mut d = TantivyDocument::default();
            for (f, (_, _, part)) in body_fields.iter().zip(&fields) {
                d.add_text(*f, part(a.text.as_str()));
            }
            d.add_u64(group, *g);
            d.add_u64(idx, i as u64);
            w.add_document(d)?;
        }
        w.commit()?;
        let index_s = t1.elapsed().as_secs_f64();
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let t2 = Instant::now();
        let (mut rr, mut h1, mut h10) = (0.0f64, 0usize, 0usize);
        // `--headroom`: misses, misses whose top-1 body covers ≥ the target's title terms, and
        // the reciprocal ranks the other misses have now.
        let (mut misses, mut covered, mut other_rr) = (0usize, 0usize, 0.0f64);
        let n_docs = searcher.num_docs() as f32;
        let coord: Option<f32> = name
            .find("+coord")
            .and_then(|i| name[i + 6..].split('+').next())
            .and_then(|x| x.parse().ok());
        for &qi in &queries {
            let title = arts[qi].title.as_str();
            let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut terms: Vec<String> = Vec::new();
            for (k, (an, boost, _)) in fields.iter_mut().enumerate() {
                let field = body_fields[k];
                let mut fterms: Vec<String> = Vec::new();
                let mut seq: Vec<(usize, String)> = Vec::new();
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
                    if !fterms.contains(&t) {
                        fterms.push(t);
                    }
                }
                for t in &fterms {
                    let term = Term::from_field_text(field, t);
                    // `+coordW`: a constant W·idf per matched title term on top of BM25, so
                    // matching more distinct title terms counts more than repeating one.
                    if k == 0
                        && let Some(c) = coord
                    {
                        let df = searcher.doc_freq(&term)? as f32;
                        let idf = (1.0 + (n_docs - df + 0.5) / (df + 0.5)).ln();
                        let q: Box<dyn Query> = Box::new(ConstScoreQuery::new(
                            Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic)),
                            c * idf,
                        ));
                        subs.push((Occur::Should, q));
                    }
                    let q: Box<dyn Query> =
                        Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                    let q: Box<dyn Query> = if *boost == 1.0 {
                        q
                    } else {
                        Box::new(BoostQuery::new(q, *boost))
                    };
                    subs.push((Occur::Should, q));
                }
                if phrases && k == 0 {
                    for w in seq.windows(2) {
                        let (p0, t0) = &w[0];
                        let (p1, t1) = &w[1];
                        if p1 > p0 && p1 - p0 <= 3 {
                            let q: Box<dyn Query> = Box::new(PhraseQuery::new_with_offset(vec![
                                (0, Term::from_field_text(field, t0)),
                                (p1 - p0, Term::from_field_text(field, t1)),
                            ]));
                            subs.push((Occur::Should, q));
                        }
                    }
                }
                if k == 0 {
                    terms = fterms;
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
            if headroom
                && found != 1
                && let Some(&top1) = ids.first()
            {
                let an = &mut fields[0].0;
                let t = &arts[top1 as usize].text;
                let held = |an: &mut TextAnalyzer, body: &str| {
                    let mut got: Vec<&String> = Vec::new();
                    let mut ts = an.token_stream(body);
                    while ts.advance() {
                        if let Some(q) = terms.iter().find(|q| **q == ts.token().text)
                            && !got.contains(&q)
                        {
                            got.push(q);
                        }
                    }
                    got.len()
                };
                misses += 1;
                if held(an, t) >= held(an, &arts[qi].text) {
                    covered += 1;
                } else if found > 0 {
                    other_rr += 1.0 / found as f64;
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
        if headroom && misses > 0 {
            let bound = rr - other_rr + (misses - covered) as f64;
            println!(
                "{name}\theadroom: {misses} targets not first; top-1 body holds >= the target's \
                 title terms in {covered} ({:.1}%); MRR@10 if all others went first: {:.4}",
                100.0 * covered as f64 / misses as f64,
                bound / n
            );
        }
    }
    Ok(())
}
