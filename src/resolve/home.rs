//! The home area of an article and of each of its items: the city (and county) the text is about,
//! read from the divisions it names — so that 我市, 市住建局 and 县人民医院 resolve to it.

use crate::gazetteer::{Gazetteer, Level};
use crate::model::{Candidate, Detail, Home};

/// Read the home areas from the division candidates (their first reading) of each item.
pub fn detect(
    g: &Gazetteer,
    cands: &[Candidate],
    item_of: &dyn Fn(usize) -> usize,
    items: usize,
    bylines: &[bool],
) -> Home {
    let d = &g.divisions;
    let mut city_votes: std::collections::HashMap<usize, f64> = Default::default();
    let mut county_votes: Vec<std::collections::HashMap<usize, f64>> = vec![Default::default(); items];
    let mut town_votes: Vec<std::collections::HashMap<usize, f64>> = vec![Default::default(); items];
    // the county of the outlet a dateline names: the item's, whatever other counties it tells of
    let mut dateline_county: Vec<Option<usize>> = vec![None; items];
    let mut short_votes: Vec<std::collections::HashMap<usize, f64>> = vec![Default::default(); items];
    for c in cands {
        let Detail::Division { candidates, short } = &c.detail else {
            continue;
        };
        // a county's short form needs the home area to confirm it: it does not vote for it, but
        // where nothing else says which county the item is about, one named twice in short (宁陕…
        // 宁陕), or once in the dateline (宁陕融媒讯), is the item's county
        if *short && candidates.iter().all(|&i| d.items[i].level >= Level::County) {
            if let [only] = candidates[..] {
                if d.items[only].level == Level::County {
                    let in_byline = bylines.get(c.sentence).copied().unwrap_or(false);
                    *short_votes[item_of(c.sentence)].entry(only).or_default() += if in_byline { 2.0 } else { 1.0 };
                }
            }
            continue;
        }
        // an ambiguous name votes only when all its readings agree on the city
        let cities: Vec<usize> = candidates
            .iter()
            .filter_map(|&i| d.at_level(i, Level::Prefecture))
            .collect();
        let item = item_of(c.sentence);
        // the place of the outlet a dateline names (衡阳县党政门户网讯) is where the paper is at home
        let in_byline = bylines.get(c.sentence).copied().unwrap_or(false);
        let dateline = if in_byline { 3.0 } else { 1.0 };
        if in_byline && candidates.len() == 1 && d.items[candidates[0]].level == Level::County {
            dateline_county[item].get_or_insert(candidates[0]);
        }
        if let Some(&city) = cities.first() {
            if cities.iter().all(|&x| x == city) {
                let w = match d.items[candidates[0]].level {
                    Level::Prefecture => 3.0,
                    Level::County => 2.0,
                    Level::Township => 1.0,
                    _ => 0.5,
                };
                *city_votes.entry(city).or_default() += w * dateline;
            }
        }
        if candidates.len() == 1 {
            let idx = candidates[0];
            match d.items[idx].level {
                Level::County => *county_votes[item].entry(idx).or_default() += dateline,
                Level::Township => {
                    *town_votes[item].entry(idx).or_default() += 1.0;
                    if let Some(county) = d.at_level(idx, Level::County) {
                        *county_votes[item].entry(county).or_default() += 0.5;
                    }
                }
                _ => {}
            }
        }
    }
    // (short forms speak only where no full name does: for the whole article's city, and for
    // items without a county of their own)
    let short_county = |votes: &std::collections::HashMap<usize, f64>| best(votes).filter(|i| votes[i] >= 2.0);
    let city = best(&city_votes).or_else(|| {
        short_votes
            .iter()
            .find_map(short_county)
            .and_then(|c| d.at_level(c, Level::Prefecture))
    });
    let province = city.and_then(|c| d.at_level(c, Level::Province));
    let within_city = |i: usize| city.is_none_or(|c| d.within(i, c));
    let counties = county_votes
        .iter()
        .zip(&dateline_county)
        .map(|(votes, dateline)| {
            if let Some(c) = dateline.filter(|&c| within_city(c)) {
                return Some(c);
            }
            let filtered: std::collections::HashMap<usize, f64> = votes
                .iter()
                .filter(|(i, _)| within_city(**i))
                .map(|(i, v)| (*i, *v))
                .collect();
            // a county named twice, or the only county the item names
            best(&filtered).filter(|i| filtered[i] >= 2.0 || filtered.len() == 1)
        })
        .zip(&short_votes)
        .map(|(county, short)| county.or_else(|| short_county(short).filter(|&c| within_city(c))))
        .collect();
    let townships = town_votes
        .iter()
        .map(|votes| best(votes).filter(|i| votes[i] >= 2.0 && within_city(*i)))
        .collect();
    Home {
        province,
        city,
        counties,
        townships,
    }
}

/// The key with the most votes; ties go to the smaller index (deterministic).
fn best(votes: &std::collections::HashMap<usize, f64>) -> Option<usize> {
    votes
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(k, _)| *k)
}
