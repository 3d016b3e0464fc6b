//! Calendar dates: an article's date as inputs write it (2020-02-03, 2020/2/3,
//! 2020-02-03T08:00:00+08:00, 2020年2月3日), and the dates of facts as the text writes them
//! (1月29日, 2020年3月5日, 当天, 昨日) resolved against the article's date — the year, and the
//! month across a year's turn (12月30日 in an article of 2021-01-05 is 2020-12-30).

use crate::model::Date;

/// The digits of `s` as runs, in order (2020年2月3日 → 2020, 2, 3).
fn numbers(s: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut cur: Option<u32> = None;
    for c in s.chars() {
        match c.to_digit(10) {
            Some(d) => cur = Some(cur.unwrap_or(0).saturating_mul(10).saturating_add(d)),
            None => {
                if let Some(n) = cur.take() {
                    out.push(n);
                }
            }
        }
    }
    if let Some(n) = cur {
        out.push(n);
    }
    out
}

fn days_in(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date of the calendar, or none.
pub fn date(year: i32, month: u32, day: u32) -> Option<Date> {
    ((1..=12).contains(&month) && day >= 1 && day <= days_in(year, month) && (1000..=9999).contains(&year))
        .then_some(Date { year, month, day })
}

/// The day before.
pub fn previous_day(d: Date) -> Date {
    if d.day > 1 {
        return Date { day: d.day - 1, ..d };
    }
    let (year, month) = if d.month == 1 {
        (d.year - 1, 12)
    } else {
        (d.year, d.month - 1)
    };
    Date {
        year,
        month,
        day: days_in(year, month),
    }
}

/// An article's date as an input writes it: the date, and the whole value when it gives a time
/// too (an `xsd:dateTime` in ISO 8601: 2020-02-03T08:00:00+08:00).
pub fn published(s: &str) -> Option<(Date, Option<String>)> {
    let s = s.trim();
    let n = numbers(s);
    let (y, m, d) = (*n.first()?, *n.get(1)?, *n.get(2)?);
    let day = date(i32::try_from(y).ok()?, m, d)?;
    // an ISO date-time as such (2020-02-03T08:00:00, with a zone or not), else 2020-02-03 08:00:00
    // written with a space
    let time = if s.len() >= 19 && s.is_char_boundary(10) && (s[10..].starts_with('T') || s[10..].starts_with(' ')) {
        let t = s.replacen(' ', "T", 1);
        let ok = t[11..]
            .chars()
            .take(8)
            .enumerate()
            .all(|(i, c)| if i % 3 == 2 { c == ':' } else { c.is_ascii_digit() });
        ok.then_some(t)
    } else {
        None
    };
    Some((day, time))
}

/// The date of a fact written `written` (1月29日, 2020年3月5日, 2月3日上午), in an article of
/// `reference`: the year the text gives, else the one that puts the date nearest the article (the
/// month across a year's turn). `None` when the text gives no year and there is no reference.
pub fn resolve(written: &str, reference: Option<Date>) -> Option<Date> {
    let n = numbers(written);
    match (n.as_slice(), written.contains('年')) {
        ([y, m, d, ..], true) => date(i32::try_from(*y).ok()?, *m, *d),
        ([m, d, ..], false) => {
            let r = reference?;
            // the year that puts the date nearest the article: a month written after the
            // article's by more than half a year is of the year before, one before it by more
            // than half a year of the year after
            let year = if *m > r.month + 6 {
                r.year - 1
            } else if *m + 6 < r.month {
                r.year + 1
            } else {
                r.year
            };
            date(year, *m, *d)
        }
        _ => None,
    }
}

/// A date the text gives relative to the day told so far (its words are markers of the lexicon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// 当天, 今日: that day.
    SameDay,
    /// 昨日: the day before.
    DayBefore,
}

/// A relative date against the date of its item or article.
pub fn relative(r: Relative, reference: Date) -> Date {
    match r {
        Relative::SameDay => reference,
        Relative::DayBefore => previous_day(reference),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date { year: y, month: m, day }
    }

    #[test]
    fn an_articles_date_as_inputs_write_it() {
        assert_eq!(published("2020-02-03"), Some((d(2020, 2, 3), None)));
        assert_eq!(published("2020/2/3"), Some((d(2020, 2, 3), None)));
        assert_eq!(published("2020年2月3日"), Some((d(2020, 2, 3), None)));
        assert_eq!(
            published("2020-02-03T08:00:00+08:00"),
            Some((d(2020, 2, 3), Some("2020-02-03T08:00:00+08:00".into())))
        );
        assert_eq!(
            published("2020-02-03 08:30:00"),
            Some((d(2020, 2, 3), Some("2020-02-03T08:30:00".into())))
        );
        assert_eq!(published("2020-02-30"), None);
        assert_eq!(published("昨天"), None);
    }

    #[test]
    fn a_facts_date_takes_the_articles_year_across_its_turn() {
        let r = Some(d(2020, 2, 5));
        assert_eq!(resolve("1月29日", r), Some(d(2020, 1, 29)));
        assert_eq!(resolve("2月3日上午", r), Some(d(2020, 2, 3)));
        assert_eq!(resolve("2019年12月30日", r), Some(d(2019, 12, 30)));
        assert_eq!(resolve("12月30日", Some(d(2021, 1, 5))), Some(d(2020, 12, 30)));
        assert_eq!(resolve("1月2日", Some(d(2020, 12, 28))), Some(d(2021, 1, 2)));
        assert_eq!(resolve("1月29日", None), None);
        assert_eq!(resolve("2月30日", r), None);
    }

    #[test]
    fn relative_dates() {
        assert_eq!(relative(Relative::SameDay, d(2020, 3, 1)), d(2020, 3, 1));
        assert_eq!(relative(Relative::DayBefore, d(2020, 3, 1)), d(2020, 2, 29));
        assert_eq!(relative(Relative::DayBefore, d(2021, 1, 1)), d(2020, 12, 31));
    }
}
