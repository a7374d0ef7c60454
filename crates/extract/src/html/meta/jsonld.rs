//! JSON-LD (`<script type="application/ld+json">`): tolerant parsing and the fields of the
//! page's main item (NewsArticle, BlogPosting, WebPage, Product, DiscussionForumPosting…).
//!
//! Pages ship broken JSON-LD often enough that a strict parser loses real metadata: trailing
//! commas, raw newlines and tabs inside strings, `\'` escapes, HTML comment or CDATA wrappers,
//! several objects one after another. [`parse`] repairs those and reads what it can.

use std::collections::HashMap;

use serde_json::Value;

pub use super::words::TypeClass;
use super::words::type_class;

/// Largest script body read, in bytes.
pub const MAX_LD_BYTES: usize = 2 * 1024 * 1024;
/// Most JSON values kept from one page (all scripts together).
pub const MAX_LD_NODES: usize = 2_000;
/// Deepest nesting walked when flattening `@graph`, arrays and nested items.
pub const MAX_LD_DEPTH: usize = 12;
/// Fewest `Question` items that make a list of questions an FAQ ([`Ld::questions`]).
pub const MIN_FAQ_QUESTIONS: usize = 2;

/// Parses one script body into JSON values, repairing common faults.
///
/// ```
/// use marsad_extract::html::meta::jsonld::parse;
/// let v = parse("{\"headline\": \"عنوان\tالخبر\",}");
/// assert_eq!(v[0]["headline"], "عنوان الخبر");
/// ```
pub fn parse(body: &str) -> Vec<Value> {
    let mut cut = body.len().min(MAX_LD_BYTES);
    while !body.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut s = body[..cut].trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim_start();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim_end();
            }
        }
    }
    if let Ok(v) = serde_json::from_str::<Value>(s) {
        return vec![v];
    }
    let fixed = repair(s);
    let mut out = Vec::new();
    let mut pos = 0;
    let mut rounds = 0;
    while pos < fixed.len() && rounds < 64 {
        rounds += 1;
        let rest = &fixed[pos..];
        let Some(open) = rest.find(['{', '[']) else {
            break;
        };
        let rest = &rest[open..];
        let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
        while let Some(Ok(v)) = stream.next() {
            let empty = match &v {
                Value::Object(o) => o.is_empty(),
                Value::Array(a) => a.is_empty(),
                _ => false,
            };
            if !empty {
                out.push(v);
            }
        }
        let used = stream.byte_offset();
        pos += open + used.max(1);
        while pos < fixed.len() && !fixed.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// How far down the open brackets a closer is matched ([`repair`]); it bounds the work.
const MAX_OPEN_LOOKBACK: usize = 64;

/// Fixes the faults of hand-written JSON: raw control characters in strings become spaces,
/// `\'` becomes `'`, invalid escapes lose their backslash, trailing commas before `}`/`]` go.
/// A quote inside a string that is not followed by what may follow a string (`,` `:` `}` `]`
/// or another string) is the text's own quote, left unescaped by the template:
/// `"headline": "He said "no" today"`. Brackets are balanced: an object or array left open is
/// closed where its parent closes or where the input ends, and a stray closer is dropped.
fn repair(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut in_str = false;
    let mut open: Vec<char> = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if in_str {
            match c {
                '\\' => match chars.peek().copied() {
                    Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u') => {
                        out.push('\\');
                        if let Some(n) = chars.next() {
                            out.push(n);
                        }
                    }
                    Some(n) => {
                        chars.next();
                        if !n.is_control() {
                            out.push(n);
                        }
                    }
                    None => {}
                },
                '"' => {
                    // `""` is a quote closing the text, then the string's end; `"` and
                    // `"` apart are two strings, the comma between them forgotten.
                    let next = chars.clone().find(|n| !n.is_whitespace());
                    let adjacent = chars.peek() == Some(&'"');
                    // A stray stop after a value, then what may follow it
                    // (`"2023-06-14".,"dateModified"`): the string ends; the stop goes.
                    if matches!(next, Some('.' | ';'))
                        && matches!(
                            chars.clone().filter(|n| !n.is_whitespace()).nth(1),
                            Some(',' | '}' | ']')
                        )
                    {
                        in_str = false;
                        out.push('"');
                        while chars.next().is_some_and(|n| !matches!(n, '.' | ';')) {}
                        continue;
                    }
                    if matches!(next, None | Some(',' | ':' | '}' | ']'))
                        || (next == Some('"') && !adjacent)
                    {
                        in_str = false;
                        out.push('"');
                        if next == Some('"') {
                            out.push(',');
                        }
                    } else {
                        out.push_str("\\\"");
                    }
                }
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        } else {
            match c {
                '"' => {
                    in_str = true;
                    out.push('"');
                }
                ',' => {
                    // Drop a trailing comma.
                    let next = chars.clone().find(|n| !n.is_whitespace());
                    if !matches!(next, Some('}' | ']')) {
                        out.push(',');
                    }
                }
                '{' | '[' => {
                    open.push(if c == '{' { '}' } else { ']' });
                    out.push(c);
                }
                '}' | ']' => {
                    // Looked for near the top only: deeper than serde's own limit is not read.
                    if open.iter().rev().take(MAX_OPEN_LOOKBACK).any(|&o| o == c) {
                        while let Some(close) = open.pop() {
                            out.push(close);
                            if close == c {
                                break;
                            }
                        }
                    }
                }
                c => out.push(c),
            }
        }
    }
    if in_str {
        out.push('"');
    }
    while let Some(close) = open.pop() {
        out.push(close);
    }
    out
}

/// The fields read from one JSON-LD item.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The `@type` (the first known one), as written.
    pub kind: String,
    /// Its class.
    pub class: Option<TypeClass>,
    /// `headline`.
    pub headline: Option<String>,
    /// `name`.
    pub name: Option<String>,
    /// `alternativeHeadline`.
    pub alt_headline: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `datePublished` (or `dateCreated`, `uploadDate`).
    pub published: Option<String>,
    /// `dateModified`.
    pub modified: Option<String>,
    /// Author names (`author`, `creator`), resolved through `@id` references.
    pub authors: Vec<String>,
    /// Whether an author is an organisation.
    pub author_is_org: bool,
    /// The authors' `description`s (their bios, as the page's box under the article shows
    /// them).
    pub author_bios: Vec<String>,
    /// `publisher` name.
    pub publisher: Option<String>,
    /// `url`.
    pub url: Option<String>,
    /// `image` URL.
    pub image: Option<String>,
    /// `inLanguage`.
    pub lang: Option<String>,
    /// `keywords`.
    pub keywords: Vec<String>,
}

/// What JSON-LD says about the page.
#[derive(Debug, Clone, Default)]
pub struct Ld {
    /// Items, in page order.
    pub items: Vec<Item>,
    /// The `WebSite` name, when given.
    pub site: Option<String>,
}

impl Ld {
    /// The page's main item: the first article-like item with a headline or name,
    /// else the first web page item.
    pub fn main(&self) -> Option<&Item> {
        let rank = |it: &Item| -> u8 {
            let k = it.kind.to_ascii_lowercase();
            let newsy = k.contains("article") || k.contains("posting") || k == "report";
            match it.class {
                Some(TypeClass::Article) if newsy => 4,
                Some(TypeClass::Article) => 3,
                Some(TypeClass::Page) => 1,
                _ => 0,
            }
        };
        // The questions of an FAQ are entries of the page, not its main item (a Q&A page's
        // single question is).
        let faq = self
            .items
            .iter()
            .filter(|it| it.kind.eq_ignore_ascii_case("question"))
            .count()
            >= MIN_FAQ_QUESTIONS;
        let mut best: Option<(&Item, u8)> = None;
        for it in &self.items {
            if faq && it.kind.eq_ignore_ascii_case("question") {
                continue;
            }
            let r = rank(it);
            if r == 0 {
                continue;
            }
            let has = it.headline.is_some() || it.name.is_some() || it.published.is_some();
            let r = if has { r * 2 } else { r };
            if best.is_none_or(|(_, b)| r > b) {
                best = Some((it, r));
            }
        }
        best.map(|(it, _)| it)
    }

    /// The questions of the page's FAQ (`FAQPage` → `Question` names, as the page asks
    /// them: "ما مواعيد المعرض؟"), when it lists at least [`MIN_FAQ_QUESTIONS`]; a Q&A page's
    /// single question is its headline, not an FAQ.
    ///
    /// ```
    /// use marsad_extract::html::meta::jsonld::read;
    /// let ld = read(&[r#"{"@type":"FAQPage","mainEntity":[
    ///   {"@type":"Question","name":"ما مواعيد المعرض؟","acceptedAnswer":{"@type":"Answer","text":"من العاشرة صباحاً."}},
    ///   {"@type":"Question","name":"هل الدخول مجاني؟","acceptedAnswer":{"@type":"Answer","text":"نعم."}}]}"#]);
    /// assert_eq!(ld.questions(), vec!["ما مواعيد المعرض؟", "هل الدخول مجاني؟"]);
    /// ```
    pub fn questions(&self) -> Vec<&str> {
        let qs: Vec<&str> = self
            .items
            .iter()
            .filter(|it| it.kind.eq_ignore_ascii_case("question"))
            .filter_map(|it| it.name.as_deref())
            .collect();
        if qs.len() >= MIN_FAQ_QUESTIONS {
            qs
        } else {
            Vec::new()
        }
    }

    /// The first page-like item (WebPage and friends), else the first item with no type at
    /// all that dates something (`{"datePublished":"1995-03-05T08:37:00"}`: a template that
    /// left the type out describes the page).
    pub fn page(&self) -> Option<&Item> {
        self.items
            .iter()
            .find(|it| it.class == Some(TypeClass::Page))
            .or_else(|| {
                self.items.iter().find(|it| {
                    it.kind.is_empty() && (it.published.is_some() || it.modified.is_some())
                })
            })
    }
}

/// Longest headline or name (bytes) read as one: a longer value is a body pasted in the wrong
/// field, or a string the size limit cut open.
pub const MAX_HEADLINE_BYTES: usize = 2_048;

/// The string of `o[key]` ([`str_of`]) when it is no longer than [`MAX_HEADLINE_BYTES`].
fn title_of(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    o.get(key)
        .and_then(str_of)
        .filter(|t| t.len() <= MAX_HEADLINE_BYTES)
}

/// A string from a JSON value: the string itself, the first string of an array, or the
/// `name` / `@value` / `url` of an object.
fn str_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(a) => return a.iter().find_map(str_of),
        Value::Object(o) => {
            return ["name", "@value", "url", "text", "contentUrl"]
                .iter()
                .find_map(|k| o.get(*k).and_then(str_of));
        }
        _ => return None,
    };
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

fn types(o: &serde_json::Map<String, Value>) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn best_class(ts: &[String]) -> (String, Option<TypeClass>) {
    let mut best: Option<(String, TypeClass)> = None;
    for t in ts {
        if let Some(c) = type_class(t) {
            let better = match (&best, c) {
                (None, _) => true,
                (Some((_, TypeClass::Article)), _) => false,
                (Some(_), TypeClass::Article) => true,
                _ => false,
            };
            if better {
                best = Some((t.clone(), c));
            }
        }
    }
    match best {
        Some((t, c)) => (t, Some(c)),
        None => (ts.first().cloned().unwrap_or_default(), None),
    }
}

/// Collects every object with a `@type` (through `@graph`, arrays and nested values).
fn flatten<'v>(v: &'v Value, depth: usize, out: &mut Vec<&'v serde_json::Map<String, Value>>) {
    if depth > MAX_LD_DEPTH || out.len() >= MAX_LD_NODES {
        return;
    }
    match v {
        Value::Array(a) => {
            for x in a {
                flatten(x, depth + 1, out);
            }
        }
        Value::Object(o) => {
            // (A top-level object without a type that dates something is kept for
            // [`Ld::page`].)
            if o.contains_key("@type")
                || (depth <= 1
                    && (o.contains_key("datePublished") || o.contains_key("dateModified")))
            {
                out.push(o);
            }
            if let Some(g) = o.get("@graph") {
                flatten(g, depth + 1, out);
            }
            for key in [
                "mainEntity",
                "mainEntityOfPage",
                "itemReviewed",
                "hasPart",
                "subjectOf",
            ] {
                if let Some(x) = o.get(key)
                    && !x.is_string()
                {
                    flatten(x, depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Most author bios read from one item.
const MAX_AUTHOR_BIOS: usize = 8;

/// The `description`s of the author objects in `v` (an object, a list, `@id` references).
fn bios_of(
    v: &Value,
    ids: &HashMap<&str, &serde_json::Map<String, Value>>,
    out: &mut Vec<String>,
    depth: usize,
) {
    if depth > 4 || out.len() >= MAX_AUTHOR_BIOS {
        return;
    }
    match v {
        Value::Array(a) => {
            for x in a {
                bios_of(x, ids, out, depth + 1);
            }
        }
        Value::Object(o) => {
            let o = match o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| ids.get(id))
            {
                Some(r) if o.get("description").is_none() => *r,
                _ => o,
            };
            if let Some(d) = o.get("description").and_then(str_of) {
                out.push(d);
            }
        }
        _ => {}
    }
}

/// Adds a name as the page wrote it, without the markup a CMS may have left in it
/// (`By <a href="/profiles/amir-vera">Amir Vera</a>` is "By Amir Vera").
fn push_name(out: &mut Vec<String>, s: &str) {
    let s = if s.contains('<') {
        super::clean::collapse(&super::without_tags(s))
    } else {
        s.trim().to_string()
    };
    if !s.is_empty() {
        out.push(s);
    }
}

fn names_of(
    v: &Value,
    ids: &HashMap<&str, &serde_json::Map<String, Value>>,
    out: &mut Vec<String>,
    is_org: &mut bool,
    depth: usize,
) {
    if depth > 4 || out.len() > 32 {
        return;
    }
    match v {
        Value::String(s) if !s.trim().starts_with("http") => push_name(out, s),
        Value::Array(a) => {
            for x in a {
                names_of(x, ids, out, is_org, depth + 1);
            }
        }
        Value::Object(o) => {
            let mut o = o;
            if o.get("name").is_none()
                && let Some(id) = o.get("@id").and_then(Value::as_str)
                && let Some(r) = ids.get(id)
            {
                o = r;
            }
            if matches!(best_class(&types(o)).1, Some(TypeClass::Org)) {
                *is_org = true;
            }
            if let Some(n) = o.get("name") {
                match n {
                    Value::String(s) => push_name(out, s),
                    other => names_of(other, ids, out, is_org, depth + 1),
                }
            } else if let Some(g) = o.get("givenName").and_then(str_of) {
                let f = o.get("familyName").and_then(str_of).unwrap_or_default();
                out.push(format!("{g} {f}").trim().to_string());
            }
        }
        _ => {}
    }
}

/// Reads the JSON-LD scripts' bodies of a page.
///
/// ```
/// use marsad_extract::html::meta::jsonld::read;
/// let ld = read(&[r##"{"@context":"https://schema.org","@graph":[
///   {"@type":"WebSite","@id":"#w","name":"عنب بلدي"},
///   {"@type":"Person","@id":"#p","name":"هبة"},
///   {"@type":"NewsArticle","headline":"عنوان","datePublished":"2020-09-08T06:49:00+03:00",
///    "author":{"@id":"#p"},"publisher":{"@id":"#w"}}]}"##]);
/// let main = ld.main().unwrap();
/// assert_eq!(main.headline.as_deref(), Some("عنوان"));
/// assert_eq!(main.authors, vec!["هبة".to_string()]);
/// assert_eq!(ld.site.as_deref(), Some("عنب بلدي"));
/// ```
pub fn read(bodies: &[&str]) -> Ld {
    let values: Vec<Value> = bodies.iter().flat_map(|b| parse(b)).collect();
    let mut objs = Vec::new();
    for v in &values {
        flatten(v, 0, &mut objs);
    }
    let mut ids: HashMap<&str, &serde_json::Map<String, Value>> = HashMap::new();
    for o in &objs {
        if let Some(id) = o.get("@id").and_then(Value::as_str) {
            // Keep the richest definition of an id.
            let better = ids.get(id).is_none_or(|old| old.len() < o.len());
            if better {
                ids.insert(id, o);
            }
        }
    }
    let mut ld = Ld::default();
    for o in &objs {
        let (kind, class) = best_class(&types(o));
        if class == Some(TypeClass::Site) && ld.site.is_none() {
            ld.site = o.get("name").and_then(str_of);
        }
        let mut it = Item {
            kind,
            class,
            headline: title_of(o, "headline"),
            name: title_of(o, "name"),
            alt_headline: title_of(o, "alternativeHeadline"),
            description: o.get("description").and_then(str_of),
            published: ["datePublished", "dateCreated", "uploadDate", "startDate"]
                .iter()
                .find_map(|k| o.get(*k).and_then(str_of)),
            modified: o.get("dateModified").and_then(str_of),
            url: o.get("url").and_then(str_of),
            image: o.get("image").and_then(str_of),
            lang: o.get("inLanguage").and_then(str_of),
            ..Item::default()
        };
        for key in ["author", "creator"] {
            if let Some(a) = o.get(key) {
                names_of(a, &ids, &mut it.authors, &mut it.author_is_org, 0);
                bios_of(a, &ids, &mut it.author_bios, 0);
            }
            if !it.authors.is_empty() {
                break;
            }
        }
        if let Some(p) = o.get("publisher") {
            let mut names = Vec::new();
            let mut org = false;
            names_of(p, &ids, &mut names, &mut org, 0);
            it.publisher = names.into_iter().next();
        }
        match o.get("keywords") {
            Some(Value::String(s)) => {
                it.keywords = s
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            Some(Value::Array(a)) => it.keywords = a.iter().filter_map(str_of).collect(),
            _ => {}
        }
        ld.items.push(it);
    }
    if ld.site.is_none() {
        ld.site = ld.main().and_then(|m| m.publisher.clone());
    }
    // Else an organisation the page describes at its top level (not an article's author or
    // publisher): the site's owner.
    if ld.site.is_none() {
        ld.site = values.iter().find_map(top_level_org_name);
    }
    ld
}

/// The name (else `legalName`) of the first organisation among a script's top-level values:
/// the value itself, an array's members or an `@graph`'s.
fn top_level_org_name(v: &Value) -> Option<String> {
    let of = |o: &serde_json::Map<String, Value>| -> Option<String> {
        (best_class(&types(o)).1 == Some(TypeClass::Org))
            .then(|| {
                o.get("name")
                    .or_else(|| o.get("legalName"))
                    .and_then(str_of)
            })
            .flatten()
    };
    match v {
        Value::Object(o) => of(o).or_else(|| match o.get("@graph") {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_object).find_map(of),
            _ => None,
        }),
        Value::Array(a) => a.iter().filter_map(Value::as_object).find_map(of),
        _ => None,
    }
}

/// The key whose string holds an article's whole text.
const BODY_KEY: &str = "\"articleBody\"";

/// The paragraphs of the longest `articleBody` in a JSON-LD script body, read from the raw
/// text so that each keeps the bytes it takes there (offsets into `raw`).
///
/// A page built by its scripts may carry its article only there. The string's line breaks
/// part paragraphs; markup some sites leave in it (`<p>`, `<br>`) does too, and its other
/// tags are dropped (a paragraph cut out of markup has the span of the whole line it came
/// from). Escapes are decoded.
///
/// ```
/// use marsad_extract::html::meta::jsonld::article_body;
/// let raw = r#"{"@type":"NewsArticle","articleBody":"أعلنت الوزارة اليوم.\n\nوقال المتحدث \"نعم\"."}"#;
/// let ps = article_body(raw);
/// assert_eq!(ps.len(), 2);
/// assert_eq!(ps[0].0, "أعلنت الوزارة اليوم.");
/// assert_eq!(ps[1].0, "وقال المتحدث \"نعم\".");
/// assert_eq!(&raw[ps[0].1.clone()], "أعلنت الوزارة اليوم.");
/// ```
pub fn article_body(raw: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let raw = &raw[..floor_boundary(raw, raw.len().min(MAX_LD_BYTES))];
    let mut best: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut best_chars = 0;
    for (at, _) in raw.match_indices(BODY_KEY) {
        let rest = &raw[at + BODY_KEY.len()..];
        let after_colon = rest.trim_start().strip_prefix(':').map(str::trim_start);
        let Some(value) = after_colon.and_then(|v| v.strip_prefix('"')) else {
            continue;
        };
        let start = raw.len() - value.len();
        let ps = string_lines(raw, start);
        let chars: usize = ps.iter().map(|(t, _)| t.chars().count()).sum();
        if chars > best_chars {
            best_chars = chars;
            best = ps;
        }
    }
    best
}

/// Largest char boundary of `s` at or below `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The lines of the JSON string literal whose text starts at byte `start` of `raw` (just
/// after its opening quote), decoded, whitespace collapsed, empty ones left out; markup in a
/// line parts it further.
fn string_lines(raw: &str, start: usize) -> Vec<(String, std::ops::Range<usize>)> {
    let b = raw.as_bytes();
    let mut out = Vec::new();
    let mut line = String::new();
    let mut line_start = start;
    let mut i = start;
    let mut flush = |line: &mut String, from: usize, to: usize| {
        for piece in without_markup(line) {
            let t = super::clean::collapse_whole(&piece);
            if !t.is_empty() {
                out.push((t, from..to));
            }
        }
        line.clear();
    };
    while i < b.len() {
        match b[i] {
            b'"' => break,
            b'\\' => {
                let Some(&e) = b.get(i + 1) else { break };
                let at = i;
                i += 2;
                match e {
                    b'n' | b'r' => {
                        flush(&mut line, line_start, at);
                        line_start = i;
                    }
                    b't' => line.push(' '),
                    b'u' => {
                        let hex = |j: usize| {
                            raw.get(j..j + 4)
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                        };
                        let Some(u) = hex(i) else { continue };
                        i += 4;
                        let c = if (0xD800..0xDC00).contains(&u)
                            && raw.get(i..i + 2) == Some("\\u")
                            && let Some(lo) = hex(i + 2).filter(|l| (0xDC00..0xE000).contains(l))
                        {
                            i += 6;
                            char::from_u32(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00))
                        } else {
                            char::from_u32(u)
                        };
                        line.push(c.unwrap_or('\u{FFFD}'));
                    }
                    _ => {
                        // The escaped character itself (a quote, a slash); a stray backslash
                        // before a letter of any script keeps that letter whole.
                        let ch = raw
                            .get(at + 1..)
                            .and_then(|r| r.chars().next())
                            .unwrap_or(' ');
                        line.push(ch);
                        i = at + 1 + ch.len_utf8();
                    }
                }
            }
            b'\n' | b'\r' => {
                flush(&mut line, line_start, i);
                i += 1;
                line_start = i;
            }
            _ => {
                let c = raw[i..].chars().next().unwrap_or(' ');
                line.push(c);
                i += c.len_utf8();
            }
        }
    }
    flush(&mut line, line_start, i);
    out
}

/// The pieces of a line that holds markup: block tags (`p`, `br`, `div`, `li`, headings)
/// part it, other tags go, and entities are decoded. A line without `<` is itself.
fn without_markup(line: &str) -> Vec<String> {
    if !line.contains('<') {
        return vec![line.to_string()];
    }
    let mut out = vec![String::new()];
    let mut rest = line;
    while let Some(open) = rest.find('<') {
        if let Some(cur) = out.last_mut() {
            cur.push_str(&rest[..open]);
        }
        let tail = &rest[open + 1..];
        let Some(close) = tail.find('>') else {
            if let Some(cur) = out.last_mut() {
                cur.push_str(&rest[open..]);
            }
            rest = "";
            break;
        };
        let name: String = tail[..close]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // Not a tag ("a < b > c"): kept as text.
            if let Some(cur) = out.last_mut() {
                cur.push_str(&rest[..open + 2 + close]);
            }
        } else if matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote"
        ) {
            out.push(String::new());
        }
        rest = &tail[close + 1..];
    }
    if let Some(cur) = out.last_mut() {
        cur.push_str(rest);
    }
    out.into_iter()
        .map(|p| super::super::dom::decode_entities(&p).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_body_markup_escapes_and_faults() {
        // Markup left in the string parts it; entities are decoded.
        let ps =
            article_body(r#"{"articleBody":"<p>First &amp; one.</p><p>Second <b>bold</b>.</p>"}"#);
        let texts: Vec<&str> = ps.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, vec!["First & one.", "Second bold."]);
        // A surrogate pair is one character; a lone or short escape gives U+FFFD or is skipped.
        let ps = article_body(r#"{"articleBody":"Smile \ud83d\ude00 and \ud83d alone \u12"}"#);
        assert_eq!(ps[0].0, "Smile \u{1F600} and \u{FFFD} alone 12");
        // A string cut short ends where the input does; the longest body wins.
        let ps = article_body(r#"{"articleBody":"short"} {"articleBody":"a longer body, cut"#);
        assert_eq!(ps[0].0, "a longer body, cut");
        assert!(article_body(r#"{"articleBody": 12}"#).is_empty());
        // A backslash before a letter outside ASCII keeps the letter whole.
        let ps = article_body("{\"articleBody\":\"أ\\مر \\м\"}");
        assert_eq!(ps[0].0, "أمر м");
        assert!(article_body("").is_empty());
        // A paragraph longer than any metadata field is read whole.
        let long = "وقال المتحدث إن المحادثات مستمرة. ".repeat(200);
        let ps = article_body(&format!("{{\"articleBody\":\"{long}\"}}"));
        assert_eq!(ps[0].0, long.trim());
    }

    #[test]
    fn an_faq_under_subject_of_is_read_and_its_questions_are_not_the_main_item() {
        // Yoast and Rank Math set the FAQ as the web page's `subjectOf`.
        let ld = read(&[r#"{"@graph":[{"@type":"WebPage","name":"PWA development",
            "subjectOf":[{"@type":"FAQPage","mainEntity":[
              {"@type":"Question","name":"Who uses PWAs?","acceptedAnswer":{"@type":"Answer","text":"Shops."}},
              {"@type":"Question","name":"What does a PWA cost?","acceptedAnswer":{"@type":"Answer","text":"It depends."}}]}]}]}"#]);
        assert_eq!(
            ld.questions(),
            vec!["Who uses PWAs?", "What does a PWA cost?"]
        );
        assert_eq!(ld.main().map(|it| it.kind.as_str()), Some("WebPage"));
        // A Q&A page's one question is its main item.
        let qa = read(&[
            r#"{"@type":"QAPage","mainEntity":{"@type":"Question","name":"Why is DNS on UDP?"}}"#,
        ]);
        assert!(qa.questions().is_empty());
        assert_eq!(qa.main().map(|it| it.kind.as_str()), Some("Question"));
    }

    #[test]
    fn malformed_json_is_repaired() {
        // Trailing commas, a raw newline in a string, an invalid escape.
        let v = parse("{\"@type\": \"NewsArticle\", \"headline\": \"a\nb \\' c\", \"x\": [1,2,],}");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["headline"], "a b ' c");
        // Two objects one after another, and one separated by a comma.
        let v = parse("{\"a\":1}\n{\"b\":2}, {\"c\":3}");
        assert_eq!(v.len(), 3);
        // Comment wrapper.
        let v = parse("<!-- {\"a\":1} -->");
        assert_eq!(v.len(), 1);
        // Quotes of the text left unescaped, one of them just before the string's end.
        let v = parse(r#"{"headline":"He said "no" today","articleBody":"She "agreed."", "x":1}"#);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["headline"], "He said \"no\" today");
        assert_eq!(v[0]["articleBody"], "She \"agreed.\"");
        // A stray stop after a value (trafilatura's json_metadata tests); a quoted sentence
        // ending the text keeps its stop.
        let v = parse(r#"{"name":"Example","datePublished":"2023-06-14".,"x":"y"}"#);
        assert_eq!(v[0]["datePublished"], "2023-06-14");
        assert_eq!(v[0]["x"], "y");
        let v = parse(r#"{"articleBody":"She said "yes". Then left."}"#);
        assert_eq!(v[0]["articleBody"], "She said \"yes\". Then left.");
        // Two strings with the comma between them forgotten stay two strings.
        let v = parse("{\"a\":\"x\"\n \"b\":\"y\"}");
        assert_eq!(
            (v[0]["a"].as_str(), v[0]["b"].as_str()),
            (Some("x"), Some("y"))
        );
        // An object left open closes with its parent; a stray closer goes.
        let v = parse(
            r#"{"@type":"LiveBlogPosting","headline":"Live","liveBlogUpdate":[{"headline":"One","video":{"x":1},]}}"#,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0]["headline"], "Live");
        assert_eq!(v[0]["liveBlogUpdate"][0]["headline"], "One");
        let v = parse(r#"{"headline":"Cut short","author":{"name":"Jane"#);
        assert_eq!(v[0]["author"]["name"], "Jane");
        // Garbage.
        assert!(parse("not json at all }}{{").is_empty());
        assert!(parse("").is_empty());
        let deep = "[".repeat(10_000);
        let _ = parse(&deep);
    }

    #[test]
    fn an_authors_name_written_as_markup_is_its_text() {
        let ld = read(&[
            r#"{"@type":"NewsArticle","headline":"Live updates","author":{"@type":"Person",
            "name":"By <a href=\"/profiles/amir-vera\">Amir Vera</a>, <a href=\"/x\">Tara Subramaniam</a> and Adam Renton, CNN"}}"#,
        ]);
        assert_eq!(
            ld.main().unwrap().authors,
            ["By Amir Vera, Tara Subramaniam and Adam Renton, CNN"]
        );
    }

    #[test]
    fn a_top_level_organisation_names_the_site() {
        // A shop's or a service's page describing only its owner (trafilatura's tests).
        let ld = read(&[
            r#"{"@context":"http://schema.org","@type":"Organization","legalName":"Safety Insurance Group, Inc.","url":"https://www.safetyinsurance.com"}"#,
        ]);
        assert_eq!(ld.site.as_deref(), Some("Safety Insurance Group, Inc."));
        let ld = read(&[
            r#"{"@graph":[{"@type":"WebPage","name":"الرئيسية"},{"@type":"NewsMediaOrganization","name":"عنب بلدي"}]}"#,
        ]);
        assert_eq!(ld.site.as_deref(), Some("عنب بلدي"));
        // An article's author that is an organisation is not the site.
        let ld = read(&[
            r#"{"@type":"NewsArticle","headline":"خبر","author":{"@type":"Organization","name":"رويترز"}}"#,
        ]);
        assert_eq!(ld.site, None);
    }

    #[test]
    fn graph_and_references() {
        let ld = read(&[r#"{"@context":"https://schema.org","@graph":[
          {"@type":"Organization","@id":"https://x/#org","name":"The Daily"},
          {"@type":"WebSite","@id":"https://x/#website","name":"The Daily","publisher":{"@id":"https://x/#org"}},
          {"@type":"WebPage","@id":"https://x/a","name":"Headline | The Daily","datePublished":"2024-01-01"},
          {"@type":["Article","NewsArticle"],"headline":"Headline","author":[{"@id":"https://x/#jane"},{"@type":"Person","name":"Bob Roe"}],
           "datePublished":"2024-01-02T10:00:00-05:00","dateModified":"2024-01-03","keywords":"a, b"},
          {"@type":"Person","@id":"https://x/#jane","name":"Jane Doe"}
        ]}"#]);
        let m = ld.main().unwrap();
        assert_eq!(m.headline.as_deref(), Some("Headline"));
        assert_eq!(m.authors, vec!["Jane Doe", "Bob Roe"]);
        assert_eq!(m.published.as_deref(), Some("2024-01-02T10:00:00-05:00"));
        assert_eq!(m.modified.as_deref(), Some("2024-01-03"));
        assert_eq!(m.keywords, vec!["a", "b"]);
        assert_eq!(ld.site.as_deref(), Some("The Daily"));
        assert_eq!(
            ld.page().unwrap().name.as_deref(),
            Some("Headline | The Daily")
        );
    }

    #[test]
    fn arrays_of_items_and_orgs() {
        let ld = read(&[
            r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","name":"Post","author":{"@type":"Organization","name":"Acme"}}]"#,
        ]);
        let m = ld.main().unwrap();
        assert_eq!(m.name.as_deref(), Some("Post"));
        assert!(m.author_is_org);
    }
}
