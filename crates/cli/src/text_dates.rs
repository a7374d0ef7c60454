//! `marsad text dates` and `marsad text dateline`: the Arabic date and dateline readers for
//! scripts. Text comes as an argument or on stdin; output is JSON with UTF-8 byte offsets into
//! that text.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use marsad_arabic::dateline::{find_credit, find_dateline};
use marsad_arabic::dates::{DateContext, DateOptions, HijriVariant, find_dates_with, parse_stamp};
use marsad_arabic::{agencies, places};
use serde_json::{Value, json};

/// Hijri calendar choice on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum HijriArg {
    /// Umm al-Qura for Asia/Riyadh, tabular otherwise.
    Auto,
    /// Arithmetical (tabular) calendar, civil epoch.
    Tabular,
    /// Saudi Umm al-Qura table.
    UmmAlQura,
}

/// Arguments of `marsad text dates`.
#[derive(clap::Args)]
pub struct DatesArgs {
    /// The text (read from stdin when absent).
    pub text: Option<String>,
    /// Reference time (RFC 3339, e.g. 2020-09-08T06:49:00+03:00, or with [Zone]); relative
    /// expressions are not reported without it.
    #[arg(long = "ref")]
    pub reference: Option<String>,
    /// The outlet's IANA zone (or an Arabic city name) for the reference day.
    #[arg(long)]
    pub zone: Option<String>,
    /// Hijri calendar.
    #[arg(long, value_enum, default_value_t = HijriArg::Auto)]
    pub hijri: HijriArg,
    /// Read the whole text as one stamp line ("2020.09.08 | 06:49 دمشق") instead.
    #[arg(long)]
    pub stamp: bool,
}

/// Arguments of `marsad text dateline`.
#[derive(clap::Args)]
pub struct DatelineArgs {
    /// The text (read from stdin when absent); the dateline is looked for on its first two
    /// non-empty lines, the credit at its end.
    pub text: Option<String>,
}

/// Parses `--zone`: an IANA name or an Arabic place.
pub fn parse_zone(z: &str) -> anyhow::Result<jiff::tz::TimeZone> {
    if let Ok(tz) = jiff::tz::TimeZone::get(z) {
        return Ok(tz);
    }
    let p = places::lookup(z).with_context(|| format!("unknown time zone or place: {z}"))?;
    jiff::tz::TimeZone::get(p.zone).with_context(|| format!("zone {}", p.zone))
}

/// Parses `--ref`: RFC 3339 with offset, with a `[Zone]` annotation, or a date (midnight UTC).
pub fn parse_reference(
    r: &str,
    zone: Option<&jiff::tz::TimeZone>,
) -> anyhow::Result<jiff::ZonedDateTime> {
    if let Ok(z) = r.parse::<jiff::ZonedDateTime>() {
        return Ok(z);
    }
    if let Ok(ts) = r.parse::<jiff::Timestamp>() {
        let tz = zone.cloned().unwrap_or(jiff::tz::TimeZone::UTC);
        return Ok(ts.to_zoned_datetime(tz));
    }
    if let Ok(d) = r.parse::<jiff::civil::Date>() {
        let tz = zone.cloned().unwrap_or(jiff::tz::TimeZone::UTC);
        return d
            .to_zoned_datetime(tz)
            .with_context(|| format!("reference {r}"));
    }
    anyhow::bail!("--ref {r:?} is not an RFC 3339 time")
}

/// The date matches of `text` as JSON.
pub fn dates_json(text: &str, ctx: &DateContext, opts: &DateOptions) -> Value {
    let dates: Vec<Value> = find_dates_with(text, ctx, opts)
        .into_iter()
        .map(|m| {
            let mut v = json!({
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "kind": m.kind.as_str(),
                "value": m.value.to_json(),
                "calendar": m.calendar,
            });
            if let (Value::Object(o), Some(hv)) = (&mut v, m.hijri_variant) {
                o.insert("hijri_variant".into(), json!(hv.as_str()));
            }
            if let (Value::Object(o), Some(z)) = (&mut v, &m.zone) {
                o.insert("zone".into(), json!(z));
            }
            v
        })
        .collect();
    json!({ "dates": dates })
}

/// Runs `marsad text dates`.
pub fn run_dates(args: DatesArgs) -> anyhow::Result<ExitCode> {
    let text = crate::text_cmd::read_text(args.text.as_deref())?;
    let out = if args.stamp {
        let s = parse_stamp(text.trim_end_matches('\n'), args.zone.as_deref());
        json!({ "stamp": s })
    } else {
        let zone = args.zone.as_deref().map(parse_zone).transpose()?;
        let reference = args
            .reference
            .as_deref()
            .map(|r| parse_reference(r, zone.as_ref()))
            .transpose()?;
        let ctx = DateContext { reference, zone };
        let opts = DateOptions {
            hijri: match args.hijri {
                HijriArg::Auto => None,
                HijriArg::Tabular => Some(HijriVariant::TabularCivil),
                HijriArg::UmmAlQura => Some(HijriVariant::UmmAlQura),
            },
        };
        dates_json(&text, &ctx, &opts)
    };
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    serde_json::to_writer_pretty(&mut w, &out)?;
    writeln!(w)?;
    Ok(ExitCode::SUCCESS)
}

/// The dateline of a text (first two non-empty lines), with byte offsets into the text.
pub fn dateline_json(text: &str) -> Value {
    let mut dl = Value::Null;
    let mut consumed = Value::Null;
    let mut off = 0usize;
    let mut tried = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            if let Some(m) = find_dateline(body) {
                let mut d = serde_json::to_value(&m.dateline).unwrap_or(Value::Null);
                if let Value::Object(o) = &mut d {
                    o.insert(
                        "span".into(),
                        json!([m.dateline.span.start + off, m.dateline.span.end + off]),
                    );
                }
                dl = d;
                consumed = json!(off + m.consumed);
                break;
            }
            tried += 1;
            if tried >= 2 {
                break;
            }
        }
        off += line.len();
    }
    let credit = find_credit(text).map(|c| {
        json!({
            "span": [c.span.start, c.span.end],
            "agency": c.agency,
            "name": c.name,
            "kind": c.kind,
        })
    });
    let mentioned: Vec<Value> = agencies::find_agencies(text)
        .into_iter()
        .map(|m| json!({ "span": [m.span.start, m.span.end], "name": m.agency.name, "kind": m.agency.kind }))
        .collect();
    json!({ "dateline": dl, "consumed": consumed, "credit": credit, "agencies": mentioned })
}

/// Runs `marsad text dateline`.
pub fn run_dateline(args: DatelineArgs) -> anyhow::Result<ExitCode> {
    let text = crate::text_cmd::read_text(args.text.as_deref())?;
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    serde_json::to_writer_pretty(&mut w, &dateline_json(&text))?;
    writeln!(w)?;
    Ok(ExitCode::SUCCESS)
}
