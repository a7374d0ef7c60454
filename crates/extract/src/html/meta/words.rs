//! Word lists of the metadata readers, loaded once from `data/meta_*.tsv`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The phrase lists of `data/meta_words.tsv`, by kind.
pub(crate) struct Words {
    /// Words that open a byline ("by", "بقلم").
    pub byline_prefix: Vec<String>,
    pub byline_lead: Vec<String>,
    /// Words joining two names ("and", "&", "و").
    pub joiner: Vec<String>,
    /// Names that open on "و" and are one word, not the conjunction glued to a name ("وليد").
    pub waw_name: Vec<String>,
    /// Words where a byline stops ("published", "min read").
    pub byline_stop: Vec<String>,
    /// Credits naming someone other than the writer ("edited by", "reviewed by").
    pub credit_not_author: Vec<String>,
    /// Labels before a published date.
    pub published_label: Vec<String>,
    /// Labels before a modified date.
    pub modified_label: Vec<String>,
    /// Labels opening a line that dates the whole page ("last updated").
    pub page_update_label: Vec<String>,
    /// Labels after a published date ("tarihinde yayımlandı").
    pub published_suffix: Vec<String>,
    /// Labels after a modified date ("tarihinde güncellendi").
    pub modified_suffix: Vec<String>,
    /// Labels of a thread's or listing's latest activity ("last post"): no document date.
    pub activity_label: Vec<String>,
    /// Whole values that are never an author.
    pub not_author: Vec<String>,
    /// Words of a job title after a name ("writer", "director", "مراسل").
    pub role: Vec<String>,
    /// Words that lead into a job title ("as" in "Jane Doe as founder of …").
    pub role_lead: Vec<String>,
    /// Company-form words after a company name, as keys ("b v", "inc").
    pub legal_form: Vec<String>,
    /// Words that set an outlet after a name ("for" in "Jane Doe For Daily Mail").
    pub byline_affiliation: Vec<String>,
    /// Words of an outlet's desk after its initials ("News" in "BBC News").
    pub outlet_desk: Vec<String>,
    /// Class words of an element whose byline-classed children sign no page (a quotation).
    pub byline_not_inside: Vec<String>,
    /// Class words (whole tokens) of a part of a byline element holding the author's job
    /// title ("author-title", "byline__role"), not their name.
    pub role_class: Vec<String>,
    /// JSON-LD types of a media object ("VideoObject"): its date is the upload's.
    pub media_item: Vec<String>,
    /// Class fragments marking a byline element.
    pub byline_class: Vec<String>,
    /// Class fragments that look like a byline but are not.
    pub byline_class_skip: Vec<String>,
    /// Class fragments marking a date element.
    pub date_class: Vec<String>,
    /// Day names ("sat", "monday").
    pub weekday: Vec<String>,
    /// Words set between a byline's name and its date ("am" in "Von Christian am 03.05.2013").
    pub date_connector: Vec<String>,
    /// Class fragments of a post's headline element ("post-title", "entry-title").
    pub title_class: Vec<String>,
    /// Class/id fragments that mark a story's deck (standfirst) under its headline.
    pub deck_class: Vec<String>,
    /// Words joining a written date's day, month and year ("4th of September", "5 de marzo
    /// de 2024").
    pub date_of: Vec<String>,
    /// Words between a date and its time ("at 10:30", "à 10h30", "a las 10:30", "alle").
    pub time_at: Vec<String>,
    /// Permalink marks appended to headings ("¶").
    pub heading_anchor: Vec<String>,
    /// Nouns of an item count closing a listing's title ("books" in "(77141 books)").
    pub count_noun: Vec<String>,
    /// Page-kind labels inside a page title ("view topic" in "Site • View topic - Headline").
    pub page_label: Vec<String>,
    /// Path segments before a writer's page in a link's address ("author" in
    /// "/author/jane-doe/", "by" in "/by/p535y1").
    pub author_path: Vec<String>,
}

/// The word lists.
pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut w = Words {
        byline_prefix: Vec::new(),
        byline_lead: Vec::new(),
        joiner: Vec::new(),
        waw_name: Vec::new(),
        byline_stop: Vec::new(),
        credit_not_author: Vec::new(),
        published_label: Vec::new(),
        modified_label: Vec::new(),
        page_update_label: Vec::new(),
        published_suffix: Vec::new(),
        modified_suffix: Vec::new(),
        activity_label: Vec::new(),
        not_author: Vec::new(),
        role: Vec::new(),
        role_lead: Vec::new(),
        legal_form: Vec::new(),
        byline_affiliation: Vec::new(),
        outlet_desk: Vec::new(),
        byline_not_inside: Vec::new(),
        role_class: Vec::new(),
        media_item: Vec::new(),
        byline_class: Vec::new(),
        byline_class_skip: Vec::new(),
        date_class: Vec::new(),
        weekday: Vec::new(),
        date_connector: Vec::new(),
        date_of: Vec::new(),
        title_class: Vec::new(),
        deck_class: Vec::new(),
        time_at: Vec::new(),
        heading_anchor: Vec::new(),
        count_noun: Vec::new(),
        page_label: Vec::new(),
        author_path: Vec::new(),
    };
    for (kind, phrase) in crate::data::tsv_rows(include_str!("../../../data/meta_words.tsv")) {
        let list = match kind {
            "byline_prefix" => &mut w.byline_prefix,
            "byline_lead" => &mut w.byline_lead,
            "joiner" => &mut w.joiner,
            "waw_name" => &mut w.waw_name,
            "byline_stop" => &mut w.byline_stop,
            "credit_not_author" => &mut w.credit_not_author,
            "published_label" => &mut w.published_label,
            "modified_label" => &mut w.modified_label,
            "page_update_label" => &mut w.page_update_label,
            "published_suffix" => &mut w.published_suffix,
            "modified_suffix" => &mut w.modified_suffix,
            "activity_label" => &mut w.activity_label,
            "not_author" => &mut w.not_author,
            "role" => &mut w.role,
            "role_lead" => &mut w.role_lead,
            "legal_form" => &mut w.legal_form,
            "byline_affiliation" => &mut w.byline_affiliation,
            "outlet_desk" => &mut w.outlet_desk,
            "byline_not_inside" => &mut w.byline_not_inside,
            "role_class" => &mut w.role_class,
            "media_item" => &mut w.media_item,
            "byline_class" => &mut w.byline_class,
            "byline_class_skip" => &mut w.byline_class_skip,
            "date_class" => &mut w.date_class,
            "weekday" => &mut w.weekday,
            "date_connector" => &mut w.date_connector,
            "date_of" => &mut w.date_of,
            "title_class" => &mut w.title_class,
            "deck_class" => &mut w.deck_class,
            "time_at" => &mut w.time_at,
            "heading_anchor" => &mut w.heading_anchor,
            "count_noun" => &mut w.count_noun,
            "page_label" => &mut w.page_label,
            "author_path" => &mut w.author_path,
            _ => continue,
        };
        list.push(phrase.to_lowercase());
    }
    // Longest first, so "written by" wins over "by".
    for list in [
        &mut w.byline_prefix,
        &mut w.byline_lead,
        &mut w.byline_stop,
        &mut w.published_label,
        &mut w.modified_label,
        &mut w.activity_label,
    ] {
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    w
});

/// Month names to month numbers (`data/meta_months.tsv`).
pub(crate) static MONTHS: LazyLock<HashMap<String, u8>> = LazyLock::new(|| {
    crate::data::tsv_rows(include_str!("../../../data/meta_months.tsv"))
        .filter_map(|(name, n)| Some((name.to_lowercase(), n.parse().ok()?)))
        .collect()
});

/// What a zone abbreviation after a time stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Zone {
    /// A fixed UTC offset in seconds ("EST" is -05:00 all year).
    Fixed(i32),
    /// A region's zone, whose offset depends on the day ("ET": New York's, -05:00 in winter
    /// and -04:00 in summer). Written in capitals only ("et" is a word in French).
    Region(&'static str),
}

/// Zone abbreviations to what they stand for (`data/meta_zones.tsv`).
pub(crate) static ZONES: LazyLock<HashMap<String, Zone>> = LazyLock::new(|| {
    crate::data::tsv_rows(include_str!("../../../data/meta_zones.tsv"))
        .filter_map(|(name, v)| {
            let z = match parse_offset(v) {
                Some(off) => Zone::Fixed(off),
                None if v.contains('/') => Zone::Region(v),
                None => return None,
            };
            Some((name.to_lowercase(), z))
        })
        .collect()
});

/// What a schema.org type stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeClass {
    /// The page's main content item (NewsArticle, BlogPosting, Product…).
    Article,
    /// A web page wrapper (WebPage, CollectionPage…).
    Page,
    /// The website.
    Site,
    /// A person.
    Person,
    /// An organisation.
    Org,
}

/// schema.org types (`data/meta_jsonld_types.tsv`), lower-case.
pub(crate) static TYPES: LazyLock<HashMap<String, TypeClass>> = LazyLock::new(|| {
    crate::data::tsv_rows(include_str!("../../../data/meta_jsonld_types.tsv"))
        .filter_map(|(name, class)| {
            let c = match class {
                "article" => TypeClass::Article,
                "page" => TypeClass::Page,
                "site" => TypeClass::Site,
                "person" => TypeClass::Person,
                "org" => TypeClass::Org,
                _ => return None,
            };
            Some((name.to_lowercase(), c))
        })
        .collect()
});

/// The class of a schema.org type name ("NewsArticle", "schema:Person",
/// "https://schema.org/WebPage"), if known.
pub(crate) fn type_class(name: &str) -> Option<TypeClass> {
    let name = name.trim();
    let short = name.rsplit(['/', ':', '#']).next().unwrap_or(name);
    if short.len() > 64 {
        return None;
    }
    TYPES.get(&short.to_ascii_lowercase()).copied()
}

/// Parses "+03:00", "-0500", "+05:30" into seconds east of UTC.
pub(crate) fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(WORDS.byline_prefix.iter().any(|p| p == "بقلم"));
        assert!(WORDS.byline_prefix.iter().any(|p| p == "by"));
        assert_eq!(MONTHS.get("september"), Some(&9));
        assert_eq!(ZONES.get("est"), Some(&Zone::Fixed(-18000)));
        assert_eq!(ZONES.get("et"), Some(&Zone::Region("America/New_York")));
        assert_eq!(type_class("NewsArticle"), Some(TypeClass::Article));
        assert_eq!(
            type_class("https://schema.org/WebPage"),
            Some(TypeClass::Page)
        );
        assert_eq!(type_class("schema:Person"), Some(TypeClass::Person));
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+03:00"), Some(10800));
        assert_eq!(parse_offset("-0500"), Some(-18000));
        assert_eq!(parse_offset("+05:30"), Some(19800));
        assert_eq!(parse_offset("03:00"), None);
        assert_eq!(parse_offset("+99"), None);
    }
}
