//! Dates of facts: the date a sentence states (1月29日, 2020年3月5日), or the one its news item
//! stated last (a dated lead carries through the sentences after it).

use crate::dates::{self, Relative};
use crate::gazetteer::MarkerRole;
use crate::model::Date;
use crate::segment::SentenceContext;

/// The first date written in `chars` (…年…月…日 or …月…日), as written.
pub fn find_date(chars: &[char]) -> Option<String> {
    let n = chars.len();
    let digits = |i: usize| (i..n).take_while(|&k| chars[k].is_ascii_digit()).count();
    let mut i = 0;
    while i < n {
        let d = digits(i);
        if d == 0 || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut j = i + d;
        // an optional year
        if d == 4 && j < n && chars[j] == '年' {
            let m = digits(j + 1);
            if m > 0 {
                j = j + 1 + m;
            } else {
                i = j;
                continue;
            }
        } else if d > 2 {
            i = j;
            continue;
        }
        if j < n && chars[j] == '月' {
            let dd = digits(j + 1);
            if dd > 0 && dd <= 2 && j + 1 + dd < n && matches!(chars[j + 1 + dd], '日' | '号') {
                return Some(chars[i..j + 2 + dd].iter().collect());
            }
        }
        i = j.max(i + 1);
    }
    None
}

/// The date of a sentence: as written, and on the calendar where the article's date (or a year
/// the text gives) says which day it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceDate {
    pub written: Option<String>,
    pub day: Option<Date>,
}

/// A relative date word of the sentence (markers `today`, `yesterday`: 当天, 昨日 …) and what it
/// means.
fn relative_word(s: &SentenceContext<'_>) -> Option<(String, Relative)> {
    let m = &s.g.markers;
    (s.span.start..s.span.end).filter(|&i| s.boundary(i)).find_map(|i| {
        [
            (MarkerRole::Today, Relative::SameDay),
            (MarkerRole::Yesterday, Relative::DayBefore),
        ]
        .into_iter()
        .find_map(|(role, r)| {
            let n = m.at(role, s.text, i, s.span.end)?;
            Some((s.text[i..i + n].iter().collect(), r))
        })
    })
}

/// The date of every sentence: its own, or the last one of its item within the three sentences
/// before it; resolved against `published` (the article's date), else against the first date with
/// a year the text gives.
pub fn sentence_dates(ctx: &[SentenceContext<'_>], published: Option<Date>) -> Vec<SentenceDate> {
    let reference = published.or_else(|| {
        ctx.iter().filter_map(|s| find_date(s.chars(&s.span))).find_map(|w| {
            if w.contains('年') {
                dates::resolve(&w, None)
            } else {
                None
            }
        })
    });
    let mut out: Vec<SentenceDate> = Vec::with_capacity(ctx.len());
    for (i, s) in ctx.iter().enumerate() {
        let carried = (i.saturating_sub(3)..i)
            .rev()
            .filter(|&k| ctx[k].item == s.item && ctx[k].paragraph_of() == s.paragraph_of())
            .find_map(|k| out[k].written.is_some().then(|| out[k].clone()));
        let own = match find_date(s.chars(&s.span)) {
            Some(w) => Some(SentenceDate {
                day: dates::resolve(&w, reference),
                written: Some(w),
            }),
            // 当天, 昨日: the day of the item told so far, or the article's
            None => relative_word(s).and_then(|(w, r)| {
                let base = carried.as_ref().and_then(|c| c.day).or(published)?;
                Some(SentenceDate {
                    day: Some(dates::relative(r, base)),
                    written: Some(w),
                })
            }),
        };
        out.push(own.or(carried).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find_date;

    fn d(s: &str) -> Option<String> {
        find_date(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn dates_as_written() {
        assert_eq!(d("1月29日,张卫东到").as_deref(), Some("1月29日"));
        assert_eq!(d("据悉,2020年3月5日上午").as_deref(), Some("2020年3月5日"));
        assert_eq!(d("共设卡点16个,12月").as_deref(), None);
        assert_eq!(d("捐赠200万元").as_deref(), None);
    }
}
