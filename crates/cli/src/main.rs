//! The `marsad` command: extract articles, expose the Arabic layer, evaluate and benchmark.

mod bench_cmd;
mod eval_arabic;
mod eval_extraction;
mod extract_cmd;
mod guard;
mod inputs;
mod text_cmd;
mod text_dates;

use clap::{Parser, Subcommand};

/// Marsad (مرصد): news pages in, structured articles out.
#[derive(Parser)]
#[command(name = "marsad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract articles from HTML pages or flattened text (files, folders, .gz, `-` for stdin).
    Extract(extract_cmd::ExtractArgs),
    /// The Arabic text layer: normalize, tokens, stem, lang, dates, dateline (JSON out).
    Text(text_cmd::TextArgs),
    /// Write predictions for the shared scorers.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Benchmarks.
    #[command(subcommand)]
    Bench(bench_cmd::BenchCommand),
    /// Print the JSON Schema of the article output.
    Schema,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Extract every page listed in the gold.jsonl files below DIR and write predictions for
    /// `extraction_eval.py`.
    Extraction(eval_extraction::EvalExtractionArgs),
    /// Run the Arabic layer over gold articles and write predictions for `arabic_eval.py`.
    Arabic(eval_arabic::EvalArabicArgs),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract_cmd::run(a),
        Command::Text(a) => text_cmd::run(a),
        Command::Eval(EvalCommand::Extraction(a)) => eval_extraction::run(a),
        Command::Eval(EvalCommand::Arabic(a)) => eval_arabic::run(a),
        Command::Bench(c) => bench_cmd::run(c),
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&marsad_model::article_schema()).unwrap_or_default()
            );
            Ok(std::process::ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("marsad: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}
