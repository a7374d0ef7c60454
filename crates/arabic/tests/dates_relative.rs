//! Counted relative expressions ("ago" with قبل and منذ), the duration readings of منذ that
//! are not dates, and the day a bare clock time takes from its sentence.

use marsad_arabic::dates::{DateContext, find_dates};

fn ctx(r: &str) -> DateContext {
    DateContext {
        reference: Some(r.parse().expect("reference")),
        zone: None,
    }
}

fn vals(text: &str, r: &str) -> Vec<(String, String)> {
    find_dates(text, &ctx(r))
        .into_iter()
        .map(|m| (m.text.clone(), m.value_string()))
        .collect()
}

const REF: &str = "2018-02-10T12:00:00+00:00[Europe/London]";

#[test]
fn since_count_reads_ago() {
    assert_eq!(
        vals("مرّ كويكب جديد اكتشف منذ خمسة أيام قرب الأرض", REF),
        vec![("منذ خمسة أيام".into(), "2018-02-05".into())]
    );
    assert_eq!(
        vals(
            "رفض إجراء عملية في عموده الفقري منذ سنتين، واختار العلاج",
            REF
        ),
        vec![("منذ سنتين".into(), "2016".into())]
    );
    assert_eq!(
        vals("أطلقت الفنانة منذ 3 أشهر أغنية جديدة", REF),
        vec![("منذ 3 أشهر".into(), "2017-11".into())]
    );
    assert_eq!(
        vals("وصل الوفد منذ أسبوعين", REF),
        vec![("منذ أسبوعين".into(), "2018-01-27".into())]
    );
}

#[test]
fn ago_count_forms() {
    assert_eq!(
        vals("زار الرئيس المدينة قبل ثلاثة أسابيع", REF),
        vec![("قبل ثلاثة أسابيع".into(), "2018-01-20".into())]
    );
    assert_eq!(
        vals("وقعت الحادثة قبل يومين", REF),
        vec![("قبل يومين".into(), "2018-02-08".into())]
    );
    assert_eq!(
        vals("تأسست الشركة قبل عامين", REF),
        vec![("قبل عامين".into(), "2016".into())]
    );
}

#[test]
fn since_durations_are_not_dates() {
    for s in [
        "الحرب المستمرة منذ سبع سنوات في سوريا",
        "الصراع الدائر منذ ثلاثة أعوام",
        "أعلى مستوى منذ عامين",
        "للمرة الأولى منذ خمسة أعوام",
        "عمل على الألبوم منذ عامين كاملين",
        "القس الذي تحتجزه أنقرة منذ عامين",
        "تقيم في أبوظبي منذ سنتين",
        "يعيش هناك منذ نحو عامين",
        "ومنذ أكثر من عام ينسج الرئيسان علاقة",
        "تقيم في أبوظبي منذ سنوات",
    ] {
        assert_eq!(vals(s, REF), vec![], "{s}");
    }
}

#[test]
fn since_year_is_still_a_year() {
    assert_eq!(
        vals("أدنى مستوياته منذ عام 2001", REF),
        vec![("عام 2001".into(), "2001".into())]
    );
}

#[test]
fn clock_time_takes_day_only_within_its_clause() {
    // the Tuesday close after the comma is another event; the UTC time is today's
    let r = "2018-06-13T12:34:43+00:00[UTC]";
    let v = vals(
        "بلغت الليرة 4.6545 بحلول الساعة 11:09 بتوقيت غرينتش، وهو انخفاض من مستوى إغلاق الثلاثاء",
        r,
    );
    assert_eq!(v[0].1, "2018-06-13T11:09", "{v:?}");
    assert_eq!(v[1], ("الثلاثاء".into(), "2018-06-12".into()));
    // a day in the same clause still dates it
    let v = vals("تبدأ الجلسة الساعة 10:00 الثلاثاء المقبل", r);
    assert_eq!(v[0].1, "2018-06-19T10:00", "{v:?}");
    // an "ago" expression dates its own event, not the clock time
    let r = "2018-02-10T00:10:41+00:00[UTC]";
    let v = vals(
        "كويكب اكتشف منذ خمسة أيام، مر قرب الأرض في الساعة 22:27 بتوقيت غرينتش",
        r,
    );
    assert_eq!(v[1].1, "2018-02-09T22:27", "{v:?}");
}

#[test]
fn generic_ramadan_is_not_a_date() {
    let r = "2018-05-25T12:00:00+02:00[Europe/Paris]";
    for s in [
        "في شارع تجاري غالبا ما يكون مكتظا في شهر رمضان بعد الإفطار",
        "مشيرين إلى أن صيام المصابين لشهر رمضان يؤدي إلى مضاعفات",
        "وعادة ما ترتفع الأسعار خلال شهر رمضان المبارك",
    ] {
        assert_eq!(vals(s, r), vec![], "{s}");
    }
    // this year's Ramadan is still dated
    assert_eq!(
        vals("ولم تظهر إشارة على انحسار العنف خلال شهر رمضان", r),
        vec![("شهر رمضان".into(), "2018-05-16/2018-06-14".into())]
    );
}
