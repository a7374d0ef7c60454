//! Prints the text extractor's decision for every line of one file (plain or .gz).
//!
//! ```text
//! cargo run --release -p marsad-extract --example text_explain -- FILE [URL]
//! ```

use std::io::Read;

use marsad_extract::{InputKind, Options, extract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: text_explain FILE [URL]");
        std::process::exit(2);
    };
    let mut raw = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut raw)?;
    } else {
        raw = std::fs::read(path)?;
    }
    let opts = Options {
        input: InputKind::Text,
        explain: true,
        url: args.get(1).cloned(),
        ..Options::default()
    };
    let x = extract(&raw, &opts)?;
    for e in &x.explain {
        println!("{e}");
    }
    let a = &x.article;
    println!("title: {:?}", a.title.as_ref().map(|t| &t.text));
    println!("published: {:?}", a.published.as_ref().map(|s| &s.local));
    println!("related: {}", a.related.len());
    Ok(())
}
