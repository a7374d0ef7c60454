//! `marsad text`: the Arabic text layer for scripts and outside scoring. Text comes as an
//! argument or on stdin; output is JSON with UTF-8 byte offsets into that text (with `--lines`,
//! one JSON object per input line, offsets into the line).

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use marsad_arabic::normalize::{self, Options};
use marsad_arabic::tokenize::TokenKind;
use marsad_arabic::{lang, stem, stopwords, tokenize};
use serde_json::{Value, json};

/// Largest input read from stdin or given as an argument.
pub const MAX_INPUT_BYTES: usize = 256 * 1024 * 1024;

/// Arguments of `marsad text`.
#[derive(clap::Args)]
pub struct TextArgs {
    #[command(subcommand)]
    command: TextCommand,
}

#[derive(clap::Subcommand)]
enum TextCommand {
    /// Normalise (alef, yaa, taa marbuta, harakat, tatweel, digits, bidi marks...), with the map
    /// from each normalised character back to its original byte offset.
    Normalize(NormalizeArgs),
    /// Tokens with byte offsets, normalised form, proclitics, base, stem and stopword flag.
    Tokens(InputArgs),
    /// The light stem of every word, with byte offsets.
    Stem(InputArgs),
    /// Language (BCP 47) and writing direction.
    Lang(InputArgs),
    /// Dates: absolute, Hijri and relative, resolved against a reference time.
    Dates(crate::text_dates::DatesArgs),
    /// Dateline (place, agency) at the start of a text, and credits.
    Dateline(crate::text_dates::DatelineArgs),
}

#[derive(clap::Args)]
struct InputArgs {
    /// The text (read from stdin when absent).
    text: Option<String>,
    /// Treat each input line as a separate text: one JSON object per line (JSON Lines).
    #[arg(long)]
    lines: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Mode {
    /// Every rule (the default for matching and search).
    Match,
    /// Keep letters as written (no alef/yaa/taa marbuta/case folding).
    Display,
}

#[derive(clap::Args)]
struct NormalizeArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Which rule set.
    #[arg(long, value_enum, default_value_t = Mode::Match)]
    mode: Mode,
}

/// Runs `marsad text ...`.
pub fn run(args: TextArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        TextCommand::Normalize(a) => {
            let opts = match a.mode {
                Mode::Match => Options::MATCH,
                Mode::Display => Options::DISPLAY,
            };
            emit(&a.input, |t| normalize_json(t, &opts))
        }
        TextCommand::Tokens(a) => emit(&a, tokens_json),
        TextCommand::Stem(a) => emit(&a, stem_json),
        TextCommand::Lang(a) => emit(&a, lang_json),
        TextCommand::Dates(a) => crate::text_dates::run_dates(a),
        TextCommand::Dateline(a) => crate::text_dates::run_dateline(a),
    }
}

fn read_input(a: &InputArgs) -> anyhow::Result<String> {
    read_text(a.text.as_deref())
}

/// The text given as an argument, else stdin (UTF-8, at most [`MAX_INPUT_BYTES`]).
pub(crate) fn read_text(text: Option<&str>) -> anyhow::Result<String> {
    if let Some(t) = text {
        anyhow::ensure!(
            t.len() <= MAX_INPUT_BYTES,
            "input of {} bytes is longer than the limit of {MAX_INPUT_BYTES} bytes",
            t.len()
        );
        return Ok(t.to_string());
    }
    let mut buf = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES as u64 + 1)
        .read_to_end(&mut buf)
        .context("reading stdin")?;
    anyhow::ensure!(
        buf.len() <= MAX_INPUT_BYTES,
        "stdin is longer than the limit of {MAX_INPUT_BYTES} bytes"
    );
    let s = normalize::str_from_bytes(&buf).context("stdin")?;
    Ok(s.to_string())
}

fn emit(a: &InputArgs, f: impl Fn(&str) -> Value) -> anyhow::Result<ExitCode> {
    let text = read_input(a)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.lines {
        for (i, line) in text.lines().enumerate() {
            let mut v = f(line);
            if let Value::Object(m) = &mut v {
                m.insert("line".into(), json!(i + 1));
            }
            serde_json::to_writer(&mut out, &v)?;
            writeln!(out)?;
        }
    } else {
        serde_json::to_writer_pretty(&mut out, &f(&text))?;
        writeln!(out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn normalize_json(text: &str, opts: &Options) -> Value {
    let n = normalize::normalize_mapped(text, opts);
    let norm = n.text();
    // One entry per normalised character: its original [start, end).
    let map: Vec<[usize; 2]> = norm
        .char_indices()
        .map(|(i, c)| {
            let (a, b) = n.original_span(i, i + c.len_utf8());
            [a, b]
        })
        .collect();
    json!({ "text": norm, "changed": !n.is_unchanged(), "map": map })
}

fn tokens_json(text: &str) -> Value {
    let toks: Vec<Value> = tokenize::tokenize(text)
        .map(|t| {
            json!({
                "surface": t.surface,
                "start": t.start,
                "end": t.end,
                "norm": t.norm,
                "kind": match t.kind { TokenKind::Word => "word", TokenKind::Number => "number" },
                "clitics": t.clitics(),
                "base": t.base(),
                "base_start": t.base_start(),
                "stem": stem::stem_normalized(&t.norm),
                "stopword": stopwords::is_stopword_normalized(&t.norm),
            })
        })
        .collect();
    json!({ "tokens": toks })
}

fn stem_json(text: &str) -> Value {
    let toks: Vec<Value> = tokenize::tokenize(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| {
            json!({
                "surface": t.surface,
                "start": t.start,
                "end": t.end,
                "stem": stem::stem_normalized(&t.norm),
            })
        })
        .collect();
    json!({ "stems": toks })
}

fn lang_json(text: &str) -> Value {
    let dir = lang::dir_of(text).map(|d| serde_json::to_value(d).unwrap_or(Value::Null));
    json!({
        "lang": lang::detect(text).map(lang::Lang::code),
        "dir": dir,
    })
}
