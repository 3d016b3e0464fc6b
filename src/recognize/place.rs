//! Places: gazetteer names (divisions, countries, world places), places composed from a name
//! and a place suffix (罗庄村, 古城街道, 鹤壁东站, 京港澳高速公路, 市人民会堂), and villages the table
//! places in the township written before them (六塘镇广洞村、道莲村), however they are segmented.
//! (What the items of a list share once candidates are chosen is `coordination`'s.)

use super::{Area, Candidate, Detail, Form, SentenceContext};
use crate::gazetteer::{MarkerRole, PlaceKind, WordList};
use crate::grammar::coordination::joined;
use crate::input::is_han;
use crate::model::{Class, EntityKind, Span};
use crate::segment::lexicon::{NameEntry, suffix_at};

/// Place-suffix kinds that make a division-like place (a mention of its own, apart from its area).
fn is_division_kind(kind: PlaceKind) -> bool {
    kind == PlaceKind::Division
}

/// The villages and places the rules composed from their context in any sentence, from the place
/// candidates of every sentence.
pub fn composed_names(ctx: &[SentenceContext<'_>], places: &[Vec<Candidate>]) -> Vec<(Vec<char>, Class, Detail)> {
    let mut names: Vec<(Vec<char>, Class, Detail)> = Vec::new();
    for (s, cands) in ctx.iter().zip(places) {
        for c in cands {
            let detail = match &c.detail {
                Detail::Village { area: Some(_) } => Detail::Village { area: None },
                _ => continue,
            };
            let name = s.chars(&c.span).to_vec();
            if name.len() >= 2 && !names.iter().any(|(n, _, _)| n == &name) {
                names.push((name, c.class, detail));
            }
        }
    }
    names
}

/// Mentions of already composed names that stand bare in this sentence.
pub fn known(s: &SentenceContext<'_>, known: &[(Vec<char>, Class, Detail)], out: &mut Vec<Candidate>) {
    for (name, class, detail) in known {
        let n = name.len();
        let mut i = s.span.start;
        while i + n <= s.span.end {
            // (or after a locative the segmenter glued to it: 到岗坡/n 村村/n 口卡点)
            let glued = || {
                i > s.span.start
                    && s.g.words.has_char(WordList::GluedLocative, s.ch(i - 1))
                    && s.token_at(i).is_some_and(|t| t.span.start == i - 1)
            };
            if s.text[i..i + n] != name[..] || !(s.boundary(i) || glued()) {
                i += 1;
                continue;
            }
            let span = i..i + n;
            if !out.iter().any(|c| c.span.start < span.end && span.start < c.span.end) {
                out.push(Candidate::new(span, s.index, EntityKind::Place, *class, detail.clone()).with_score(2.1));
            }
            i += n;
        }
    }
}

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    let mut places: Vec<Span> = Vec::new();
    gazetteer_places(s, out, &mut places);
    composed_places(s, out, &mut places);
    stack_areas(s, out);
}

/// A building, a zone or a landmark written right after the divisions it lies in is named with
/// them (河北省张家口地区, 广元市长城宾馆, 北京人民大会堂): its span takes them in, and they stay
/// mentions inside it. Divisions themselves keep their own spans (浚县善堂镇 is two places).
fn stack_areas(s: &SentenceContext<'_>, out: &mut [Candidate]) {
    let is_area = |c: &Candidate| {
        c.kind == EntityKind::Place
            && c.form == Form::Name
            && matches!(c.detail, Detail::Division { .. } | Detail::Country(_))
    };
    // (a landmark that begins a longer place is that place's area: 长城 of 长城宾馆)
    let begins_longer = |i: usize| {
        out.iter()
            .any(|c| c.kind == EntityKind::Place && c.span.start == out[i].span.start && c.span.end > out[i].span.end)
    };
    let inner: Vec<bool> = (0..out.len()).map(begins_longer).collect();
    for i in 0..out.len() {
        let stackable = !inner[i]
            && out[i].kind == EntityKind::Place
            && out[i].form == Form::Name
            && match out[i].detail {
                Detail::World(w) => s.g.places[w].kind == crate::gazetteer::WorldKind::Landmark,
                Detail::Place { .. } => out[i].class == Class::Facility,
                _ => false,
            };
        if !stackable {
            continue;
        }
        while let Some(start) = out
            .iter()
            .filter(|a| is_area(a) && a.span.end == out[i].span.start)
            .map(|a| a.span.start)
            .min()
        {
            out[i].span.start = start;
        }
    }
}

fn gazetteer_places(s: &SentenceContext<'_>, out: &mut Vec<Candidate>, places: &mut Vec<Span>) {
    for h in &s.names {
        let span = h.start..h.end;
        let aligned = s.boundary(h.start) && s.boundary(h.end);
        // a name must start a word (中国 in 发展中国家 is none); it may end inside one (台湾当局),
        // but not in an ethnic group or a language (朝鲜族, 北京话)
        // (or right after a name that starts the word: 英国|伦敦/ns)
        let joined = || s.boundary(h.end) && s.names.iter().any(|o| o.end == h.start && s.boundary(o.start));
        let language = matches!(s.ch(h.end), '族' | '话') && s.token_starting(h.end).is_none_or(|t| t.span.len() == 1);
        if !(s.boundary(h.start) || joined()) || language {
            continue;
        }
        // an abbreviation the dictionary marks as such (港澳/j) refers without naming
        let abbreviation = s.seg.dictionary_tag(&s.slice(&span)) == Some("j");
        let mut divisions = Vec::new();
        let mut short = true;
        let mut other = None;
        for e in h.what {
            match *e {
                NameEntry::Division { idx, short: is_short } => {
                    divisions.push(idx);
                    short &= is_short;
                }
                NameEntry::Country { idx, alias } if other.is_none() && (!alias || aligned) => {
                    other = Some(Detail::Country(idx));
                }
                NameEntry::World { idx, alias } if other.is_none() && (!alias || aligned) => {
                    other = Some(Detail::World(idx));
                }
                _ => {}
            }
        }
        if !divisions.is_empty() {
            if short {
                // a short form must stand as a word of its own (河南 in 河南话 is not the province),
                // but for a province (台湾当局, 香港回归)
                let province = divisions
                    .iter()
                    .any(|&d| s.g.divisions.items[d].level == crate::gazetteer::Level::Province);
                // (the people of a place are written as one word: 温州人/nr)
                let people_of = s.ch(h.end) == '人' && s.boundary(h.end + 1) && s.boundary(h.start);
                if !aligned && !province && !people_of && !followed_by_name_part(s, h.end) {
                    continue;
                }
                // a full name of something else wins (河南 is both 河南省 and 河南蒙古族自治县)
                divisions.retain(|&d| s.g.divisions.items[d].short.iter().any(|x| s.slice(&span) == *x));
            } else {
                // a two-character full name stands as a word of its own too (和县 in 和|县长 is none)
                if span.len() <= 2 && !aligned {
                    continue;
                }
                let name = s.slice(&span);
                divisions.retain(|&d| s.g.divisions.items[d].name == name);
                // and a township's name ends a word (发展乡 in 发展|乡镇企业 is none)
                let townships = divisions
                    .iter()
                    .all(|&d| s.g.divisions.items[d].level >= crate::gazetteer::Level::Township);
                if townships && !s.boundary(h.end) {
                    continue;
                }
            }
            if divisions.is_empty() {
                continue;
            }
            let score = if short { 2.0 } else { 3.0 };
            let c = Candidate::new(
                span.clone(),
                s.index,
                EntityKind::Place,
                Class::Division,
                Detail::Division {
                    candidates: divisions,
                    short,
                },
            )
            .with_score(score);
            out.push(if abbreviation && short {
                c.with_form(Form::Implicit)
            } else {
                c
            });
            places.push(span);
        } else if let Some(detail) = other {
            // a country's short name with the form of its state after it (贝宁共和国, 捷克共和国)
            let mut span = span;
            if matches!(detail, Detail::Country(_)) && !s.ends_with_at(span.end, "共和国") && s.at(span.end, "共和国")
            {
                span.end += 3;
            }
            out.push(
                Candidate::new(span.clone(), s.index, EntityKind::Place, Class::Geographic, detail).with_score(2.5),
            );
            places.push(span);
        }
    }
}

/// A short place name directly followed by a suffix-composed name (鹤壁东站: 鹤壁 is inside 鹤壁东),
/// or by a place suffix that ends the word it is in (吕梁地区/ns).
fn followed_by_name_part(s: &SentenceContext<'_>, end: usize) -> bool {
    let Some(t) = s.token_at(end).filter(|t| t.span.start < end) else {
        return false;
    };
    // (a division's or a feature's suffix makes the word a name of its own: 玉环县, 凤凰岭)
    let suffix_ends_word = suffix_at(&s.lex.place_suffixes, s.text, t.span.end).is_some_and(|si| {
        t.span.end - s.lex.place_suffixes[si].len() == end
            && matches!(
                s.g.place_suffixes[si].kind,
                Some(PlaceKind::Area | PlaceKind::Road | PlaceKind::Facility)
            )
    });
    suffix_ends_word || suffix_at(&s.lex.place_suffixes, s.text, (end + 3).min(s.span.end)).is_some()
}

fn composed_places(s: &SentenceContext<'_>, out: &mut Vec<Candidate>, places: &mut Vec<Span>) {
    for e in s.span.start + 1..=s.span.end {
        let Some(si) = suffix_at(&s.lex.place_suffixes, s.text, e) else {
            continue;
        };
        let suffix = &s.lex.place_suffixes[si];
        let suffix_start = e - suffix.len();
        if suffix_start < s.span.start {
            continue;
        }
        // already a gazetteer name ending here (石林镇), or inside one
        if places
            .iter()
            .any(|p| p.start <= suffix_start && e <= p.end && p.end == e)
            || places.iter().any(|p| p.start < e && e < p.end)
        {
            continue;
        }
        let Some(kind) = s.g.place_suffixes[si].kind else {
            continue;
        };
        if kind == PlaceKind::Named {
            if let Some(c) = named(s, places, suffix_start, e) {
                places.push(c.span.clone());
                out.push(c);
            }
            continue;
        }
        if kind == PlaceKind::Feature {
            if let Some(c) = feature(s, places, suffix_start, e) {
                places.push(c.span.clone());
                out.push(c);
            }
            continue;
        }
        if kind == PlaceKind::Division && (s.ends_with_at(e, "村") || s.ends_with_at(e, "社区")) {
            if let Some(c) = village_after_its_township(s, out, suffix_start, e) {
                places.push(c.span.clone());
                out.push(c);
                continue;
            }
        }
        // the suffix must end a word (路 in 路口 is no road), unless the word is the segmenter's
        // guess at unknown text (罗庄 村因)
        let guessed = |t: &crate::model::Token| !s.seg.has_word(&s.slice(&t.span));
        // a village of the table may end inside a word the segmenter got wrong (西马庄村 村口)
        let in_table = |n: usize| {
            suffix_start >= s.span.start + n && !s.g.villages.lookup(&s.slice(&(suffix_start - n..e))).is_empty()
        };
        let village = kind == PlaceKind::Division
            && (s.ends_with_at(e, "村") || s.ends_with_at(e, "社区"))
            && (2..=4).any(in_table);
        let guessed_end = kind == PlaceKind::Division && s.token_at(e).is_some_and(guessed);
        if !(s.boundary(e) || guessed_end || village) {
            continue;
        }
        // and begin one, unless it ends a place word (返乡 is no 乡) or is a village of the table
        // read as one word (刘庄村/nr)
        if let Some(t) = s.token_at(suffix_start).filter(|t| t.span.start < suffix_start) {
            let whole_village =
                village && t.tag.starts_with("nr") && t.span.end == e && in_table(suffix_start - t.span.start);
            // (or a building the dictionary knows with its place: 中国美术馆/nt, 天津站/nz)
            let known_building = kind == PlaceKind::Facility
                && matches!(t.tag.as_str(), "nt" | "nz")
                && t.span.end == e
                && places.iter().any(|p| p.start == t.span.start);
            if !t.tag.starts_with("ns") && !guessed(t) && !whole_village && !known_building {
                continue;
            }
        }
        // (a settlement named by the common word of a facility after its township: 沙坪镇码头村,
        // 城关镇车站社区 — the facility read there is the settlement's name)
        if kind == PlaceKind::Division && (s.ends_with_at(e, "村") || s.ends_with_at(e, "社区")) {
            let facility = out.iter().position(|c| {
                c.kind == EntityKind::Place
                    && c.class == Class::Facility
                    && c.span.end == suffix_start
                    && matches!(&c.detail, Detail::Place { area: Some(Area::Place(a)) } if a.end < suffix_start)
            });
            if let Some(k) = facility {
                let f = out.remove(k);
                places.retain(|p| *p != f.span);
            }
        }
        // (a division's short form written right before a settlement word is the settlement's
        // name, not its area: 朝阳 of 业州镇朝阳社区 is no 朝阳市)
        let shorts: Vec<Span> = if kind == PlaceKind::Division {
            out.iter()
                .filter(|c| matches!(c.detail, Detail::Division { short: true, .. }) && c.span.end == suffix_start)
                .map(|c| c.span.clone())
                .collect()
        } else {
            Vec::new()
        };
        let usable: Vec<Span>;
        let areas: &[Span] = if shorts.is_empty() {
            places
        } else {
            usable = places.iter().filter(|p| !shorts.contains(p)).cloned().collect();
            &usable
        };
        if let Some(c) = compose(s, areas, suffix_start, e, kind) {
            if kind == PlaceKind::Road {
                // the places a road's name abbreviates (港澳 in 京港澳高速) are not mentioned
                out.retain(|k| {
                    !(k.kind == EntityKind::Place && c.span.start <= k.span.start && k.span.end <= suffix_start)
                });
                places.retain(|p| !(c.span.start <= p.start && p.end <= suffix_start));
            }
            places.push(c.span.clone());
            out.push(c);
        }
    }
}

/// Score of a village the table places in the township written before it: above the people the
/// person model proposes for its text (贾庄村 of 槐阳镇北苏村、铁屯村、贾庄村值守点), as a list's
/// places are.
const TOWNSHIP_VILLAGE: f32 = 4.5;

/// A village of the table written right after its township (陶辛镇三太村, 新圩镇四联村, 汪桥镇邓家村),
/// or listed after a village of it (六塘镇广洞村、道莲村、保联村): the table holds the pair, so the
/// name stands whatever the segmenter made of it (联村/n, a verb, a number) and whatever word it begins
/// with (a number, 上, 下), which the rules for names it does not know must refuse (三个村, 上下村).
fn village_after_its_township(
    s: &SentenceContext<'_>,
    out: &[Candidate],
    suffix_start: usize,
    end: usize,
) -> Option<Candidate> {
    for n in 1..=4 {
        if suffix_start < s.span.start + n {
            break;
        }
        let start = suffix_start - n;
        let codes = s.g.villages.lookup(&s.slice(&(start..end)));
        if codes.is_empty() {
            continue;
        }
        let Some(township) = township_before(s, out, start) else {
            continue;
        };
        let Detail::Division { candidates, .. } = &township.detail else {
            continue;
        };
        let its_own = codes.iter().any(|village| {
            candidates.iter().any(|&d| {
                let t = &s.g.divisions.items[d];
                t.level == crate::gazetteer::Level::Township && village.get(..t.code.len()) == Some(t.code.as_str())
            })
        });
        if its_own {
            let area = Some(township.span.clone());
            return Some(
                Candidate::new(
                    start..end,
                    s.index,
                    EntityKind::Place,
                    Class::Division,
                    Detail::Village { area },
                )
                .with_score(TOWNSHIP_VILLAGE),
            );
        }
    }
    None
}

/// The division written right before `at`, or before the list of villages `at` goes on with
/// (六塘镇 for 道莲村 in 六塘镇广洞村、道莲村; a list's separators are `grammar::coordination`'s).
fn township_before<'c>(s: &SentenceContext<'_>, out: &'c [Candidate], at: usize) -> Option<&'c Candidate> {
    let mut at = at;
    // (a list of a dozen villages at most)
    for _ in 0..12 {
        let division = out
            .iter()
            .find(|c| c.kind == EntityKind::Place && c.span.end == at && matches!(c.detail, Detail::Division { .. }));
        if division.is_some() {
            return division;
        }
        let village = out.iter().find(|c| {
            c.kind == EntityKind::Place && matches!(c.detail, Detail::Village { .. }) && joined(s, c.span.end, at)
        })?;
        at = village.span.start;
    }
    None
}

/// A number that names a day, and after it places (八一大闸, 五一广场, 七一水库): it begins a name,
/// where other numbers count (三座泵站, 两个村).
fn commemorated_day(s: &SentenceContext<'_>, t: &crate::model::Token) -> bool {
    s.g.words.has(WordList::CommemoratedDay, &s.slice(&t.span))
}

/// A natural feature, or a foreign or former division, that no table holds: a word the segmenter
/// reads as a place name as a whole (大亚湾/ns, 凤凰岭/ns, 明尼苏达州/ns), or the feature word after
/// such a name that no table knows either (塔里木/ns 河). Common words (城市, 大海, 各乡镇) and
/// generic ones (亚太地区, 沿海地区) are none.
fn feature(s: &SentenceContext<'_>, places: &[Span], suffix_start: usize, end: usize) -> Option<Candidate> {
    let whole = s
        .token_at(suffix_start)
        .filter(|t| t.span.start < suffix_start && t.span.end == end && t.tag == "ns");
    let span = match whole {
        Some(t) => t.span.clone(),
        None => {
            let name = s.token_ending(suffix_start).filter(|t| {
                t.tag == "ns" && t.span.len() >= 2 && s.token_starting(suffix_start).is_some_and(|x| x.span.end == end)
            })?;
            if places.iter().any(|p| p.start < suffix_start && name.span.start < p.end) {
                return None;
            }
            name.span.start..end
        }
    };
    let word = s.slice(&span);
    let first = word.chars().next()?;
    if span.len() < 3
        || s.g.words.has_char(WordList::PlaceNotFirst, first)
        || s.g.words.has(WordList::PlaceKindEnding, &word)
        || s.g.words.starts_any(WordList::PlaceGenericModifier, &word)
        || places.iter().any(|p| p.start < span.end && span.start < p.end)
    {
        return None;
    }
    Some(
        Candidate::new(
            span,
            s.index,
            EntityKind::Place,
            Class::Geographic,
            Detail::Place { area: None },
        )
        .with_score(1.8),
    )
}

/// A former or foreign division, or a named building, that no table holds: a word of the
/// segmenter's dictionary, read as a place or a name as a whole (锡山市/ns, 玉环县/ns,
/// 安大略省/ns, 雷神庙/nr), with a name of its own before the suffix.
fn named(s: &SentenceContext<'_>, places: &[Span], suffix_start: usize, end: usize) -> Option<Candidate> {
    let t = s
        .token_at(suffix_start)
        .filter(|t| t.span.start < suffix_start && t.span.end == end && (t.tag == "ns" || t.tag == "nr"))?;
    let word = s.slice(&t.span);
    let first = word.chars().next()?;
    if t.span.len() < 3
        || s.seg.word_freq(&word).is_none()
        || s.g.words.has_char(WordList::PlaceNotFirst, first)
        || s.g.words.starts_any(WordList::PlaceGenericModifier, &word)
        || s.g.words.ends_any(WordList::PlaceKindEnding, &word)
        || places.iter().any(|p| p.start < t.span.end && t.span.start < p.end)
    {
        return None;
    }
    Some(
        Candidate::new(
            t.span.clone(),
            s.index,
            EntityKind::Place,
            Class::Geographic,
            Detail::Place { area: None },
        )
        .with_score(1.8),
    )
}

fn compose(
    s: &SentenceContext<'_>,
    places: &[Span],
    suffix_start: usize,
    end: usize,
    kind: PlaceKind,
) -> Option<Candidate> {
    let division = is_division_kind(kind);
    // a road named by abbreviations (京港澳高速公路): no area of its own
    if kind == PlaceKind::Road && (s.ends_with_at(end, "高速") || s.ends_with_at(end, "高速公路")) {
        let start = name_part_start(s, suffix_start, end, kind)?;
        return Some(
            Candidate::new(
                start..end,
                s.index,
                EntityKind::Place,
                Class::Facility,
                Detail::Place { area: None },
            )
            .with_score(2.4),
        );
    }
    // a place written right before, with at most 4 name characters in between
    let area = places
        .iter()
        .filter(|p| p.end <= suffix_start && suffix_start - p.end <= 4 && p.end > s.span.start)
        .max_by_key(|p| p.end)
        .filter(|p| s.chars(&(p.end..suffix_start)).iter().all(|&c| is_han(c)))
        .cloned();
    let (name_start, area) = match area {
        Some(p) => (p.end, Some(p)),
        None => (name_part_start(s, suffix_start, end, kind)?, None),
    };
    let name_chars = s.chars(&(name_start..suffix_start));
    let proper_first = s
        .token_starting(name_start)
        .is_some_and(|t| t.tag.starts_with("ns") || t.tag == "nz" || commemorated_day(s, t));
    if let Some(&first) = name_chars.first() {
        if s.g.words.has_char(WordList::PlaceNotFirst, first) && !proper_first {
            return None;
        }
    }
    if name_chars.iter().any(|&c| !is_han(c) && !c.is_ascii_alphanumeric()) {
        return None;
    }
    // a division or a road needs a name of its own (社区 after 红旗街街道 is no community, 云南省
    // 公路 no road)
    let suffix_len = end - suffix_start;
    let generic_road =
        kind == PlaceKind::Road && suffix_len >= 2 && !s.ends_with_at(end, "大街") && !s.ends_with_at(end, "大道");
    if (division || generic_road) && name_chars.is_empty() {
        return None;
    }
    // and a building's or a road's name after its area holds no verb or function word
    // (武昌区开办中华路, 沙溪修高速公路, 伊斯坦布尔最大的清真寺)
    if area.is_some()
        && !division
        && s.tokens.iter().any(|t| {
            t.span.start >= name_start
                && t.span.end <= suffix_start
                && matches!(t.tag.as_str(), "v" | "uj" | "ul" | "p" | "c" | "r" | "d")
        })
    {
        return None;
    }
    if area.is_none() && name_chars.is_empty() {
        // a bare zone word (示范区) may stand for a zone named before it
        return (kind == PlaceKind::Area && suffix_len >= 3 && s.boundary(suffix_start)).then(|| {
            Candidate::new(
                suffix_start..end,
                s.index,
                EntityKind::Place,
                Class::Facility,
                Detail::Place { area: None },
            )
            .with_form(Form::Nominal)
            .with_score(0.4)
        });
    }
    // a scope character before a facility (市人民会堂)
    let scope = (area.is_none() && !division && name_start > s.span.start)
        .then(|| s.ch(name_start - 1))
        .filter(|c| s.g.words.has_char(WordList::UpperScopeCharacter, *c) && !is_bound_before(s, name_start - 1));
    let class = if division { Class::Division } else { Class::Facility };
    let (span, detail, form) = match (&area, scope) {
        (Some(p), _) if division => (
            name_start..end,
            if kind == PlaceKind::Division && (s.ends_with_at(end, "村") || s.ends_with_at(end, "社区")) {
                Detail::Village { area: Some(p.clone()) }
            } else {
                Detail::Place {
                    area: Some(Area::Place(p.clone())),
                }
            },
            Form::Name,
        ),
        (Some(p), _) => (
            p.start..end,
            Detail::Place {
                area: Some(Area::Place(p.clone())),
            },
            Form::Name,
        ),
        (None, Some(c)) => (
            name_start - 1..end,
            Detail::Place {
                area: Some(Area::Scope(c)),
            },
            Form::Implicit,
        ),
        (None, None) => {
            if division && (s.ends_with_at(end, "村") || s.ends_with_at(end, "社区")) {
                (name_start..end, Detail::Village { area: None }, Form::Name)
            } else {
                (name_start..end, Detail::Place { area: None }, Form::Name)
            }
        }
    };
    // a bare village name must be known to the village table or read as a place name by jieba
    if area.is_none() && detail == (Detail::Village { area: None }) {
        let name = s.slice(&span);
        let tagged_place = s
            .token_starting(span.start)
            .is_some_and(|t| t.span.end == span.end && t.tag == "ns");
        if s.g.villages.lookup(&name).is_empty() && !tagged_place {
            return None;
        }
    }
    Some(
        Candidate::new(span, s.index, EntityKind::Place, class, detail)
            .with_form(form)
            .with_score(2.2),
    )
}

/// Where the name part before a place suffix begins when no place is written before it.
fn name_part_start(s: &SentenceContext<'_>, suffix_start: usize, end: usize, kind: PlaceKind) -> Option<usize> {
    let mut start = suffix_start;
    let mut tokens = 0;
    // a road is named by the abbreviations of the places it joins (京港澳高速, 安罗高速): the run
    // of name characters before the suffix, from a word boundary
    if kind == PlaceKind::Road && (s.ends_with_at(end, "高速") || s.ends_with_at(end, "高速公路")) {
        let mut st = suffix_start;
        while st > s.span.start
            && suffix_start - st < 4
            && is_han(s.ch(st - 1))
            && !s.g.words.has_char(WordList::PlaceNotFirst, s.ch(st - 1))
        {
            st -= 1;
        }
        while st < suffix_start && !s.boundary(st) {
            st += 1;
        }
        st = after_locative(s, st, suffix_start);
        // one common word (信息高速公路, 经济高速) names no road
        let one_word = s
            .token_starting(st)
            .filter(|t| t.span.end == suffix_start)
            .is_some_and(|t| s.seg.has_word(&s.slice(&t.span)) && !matches!(t.tag.as_str(), "ns" | "j" | "nz"));
        return (st < suffix_start && !one_word).then_some(st);
    }
    // villages: the longest name in the village table (up to 4 characters before the suffix)
    if s.ends_with_at(end, "村") || s.ends_with_at(end, "社区") {
        let suffix: String = s.slice(&(suffix_start..end));
        for n in (2..=4).rev() {
            if suffix_start < s.span.start + n {
                continue;
            }
            let st = suffix_start - n;
            let name: String = s.slice(&(st..suffix_start)) + &suffix;
            // a modifier (广大社区, 各个村) is no village's name, whatever the table holds
            let modifier = s
                .token_starting(st)
                .filter(|t| t.span.end == suffix_start)
                .is_some_and(|t| {
                    s.g.words.has(WordList::PlaceGenericModifier, &s.slice(&t.span))
                        || matches!(
                            t.tag.as_str(),
                            "a" | "ad" | "b" | "d" | "m" | "r" | "v" | "vn" | "f" | "s" | "c" | "p"
                        )
                });
            if s.boundary(st) && !modifier && !s.g.villages.lookup(&name).is_empty() {
                return Some(st);
            }
        }
    }
    // the suffix ends a longer word (新材料产业园): the word's beginning is name material
    if let Some(t) = s.token_at(suffix_start).filter(|t| t.span.start < suffix_start) {
        start = t.span.start;
        tokens += 1;
    }
    while start > s.span.start && tokens < 4 {
        let Some(t) = s.token_ending(start) else {
            break;
        };
        // an organisation's word (市场监督管理局/nt) or a scope character (市 in 市人民会堂) ends
        // a place's name part
        let text_of = s.slice(&t.span);
        let scope_char = text_of.chars().count() == 1
            && text_of
                .chars()
                .next()
                .is_some_and(|c| s.g.words.has_char(WordList::UpperScopeCharacter, c));
        if t.tag == "nt" || (scope_char && !is_bound_before(s, t.span.start)) {
            break;
        }
        // a word right after a title is a person's name, however the segmenter tags it (区委书记
        // 李伟到/nr 鹿楼/nr 乡), and so is a name glued to a locative verb
        let after_title = s.titles.iter().any(|x| x.end == t.span.start);
        // (a verb of the sentence ends it: 逐个环节检查|开发区, 严格检查|重点地区)
        let frame_verb = s
            .lex
            .verbs
            .iter()
            .any(|(w, _)| w.len() == t.span.len() && s.chars(&t.span) == &w[..]);
        if frame_verb {
            break;
        }
        let glued_verb = t.span.len() >= 2 && s.g.words.has_char(WordList::GluedLocative, s.ch(t.span.end - 1));
        if tokens > 0 && (after_title || glued_verb) {
            break;
        }
        let proper = matches!(t.tag.as_str(), "ns" | "nz" | "nr" | "nrt" | "nrfg" | "j") || commemorated_day(s, t);
        let common = matches!(t.tag.as_str(), "n" | "vn" | "an" | "b" | "f" | "s" | "a" | "m" | "l");
        let text = s.slice(&t.span);
        if text.chars().any(|c| !is_han(c) && !c.is_ascii_alphanumeric()) {
            break;
        }
        if proper
            || (common
                && (kind == PlaceKind::Area || kind == PlaceKind::Facility || kind == PlaceKind::Division)
                && tokens < 3)
        {
            // a name does not begin with a determiner or a number (全村, 各社区), but a proper
            // word may (上海): such a word ends the name part
            if !proper
                && text
                    .chars()
                    .next()
                    .is_some_and(|c| s.g.words.has_char(WordList::PlaceNotFirst, c))
                && tokens > 0
            {
                break;
            }
            start = t.span.start;
            tokens += 1;
            if proper && kind == PlaceKind::Road {
                break;
            }
        } else {
            break;
        }
    }
    let start = after_locative(s, start, suffix_start);
    if start == suffix_start {
        return None;
    }
    // a generic modifier first makes no name (省级产业集聚区)
    if let Some(t) = s.token_starting(start) {
        let number = t.tag == "m" && !commemorated_day(s, t);
        if s.g.words.has(WordList::PlaceGenericModifier, &s.slice(&t.span)) || number || t.tag == "r" {
            return None;
        }
    }
    // roads and divisions need a proper name part; facilities one, or two words (城乡一体化示范区)
    let proper = s.tokens.iter().any(|t| {
        t.span.start >= start
            && t.span.end <= suffix_start
            && (matches!(t.tag.as_str(), "ns" | "nz" | "nr" | "j" | "nrt" | "nrfg")
                || !s.seg.has_word(&s.slice(&t.span))
                || commemorated_day(s, t))
    });
    // a facility after a scope character (市人民会堂) needs no proper name
    let scoped = start > s.span.start
        && s.g.words.has_char(WordList::UpperScopeCharacter, s.ch(start - 1))
        && !is_bound_before(s, start - 1);
    let zone = kind == PlaceKind::Area && tokens >= 2;
    let scoped_facility = scoped && kind == PlaceKind::Facility;
    if !(proper || zone || scoped_facility) {
        return None;
    }
    Some(start)
}

/// A name does not begin with the verb that goes to it (赴|呼大高速, 前往|安慈高速): the start
/// after a locative word, where two name characters or more are left.
fn after_locative(s: &SentenceContext<'_>, start: usize, suffix_start: usize) -> usize {
    match s.g.markers.at(MarkerRole::Locative, s.text, start, suffix_start) {
        Some(n) if start + n + 2 <= suffix_start => start + n,
        _ => start,
    }
}

/// A scope character bound to the word before it (城市, 全市, 各县区, 超市) is no scope.
pub fn is_bound_before(s: &SentenceContext<'_>, i: usize) -> bool {
    if i <= s.span.start {
        return false;
    }
    let prev = s.ch(i - 1);
    if s.g.words.has_char(WordList::ScopeBinder, prev) {
        return true;
    }
    // the segmenter reads it as part of the word before (城市, 超市; but 当市 is its mistake)
    s.token_at(i).is_some_and(|t| {
        t.span.start < i && s.seg.has_word(&s.slice(&t.span)) && !s.g.words.has_char(WordList::ScopeOpener, prev)
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::recognized;

    fn places(text: &str) -> Vec<String> {
        recognized(text).into_iter().filter(|m| m.starts_with("LOC")).collect()
    }

    #[test]
    fn divisions_are_found_in_full_and_short() {
        let found = places("鹤壁市淇滨区和浚县");
        assert!(found.contains(&"LOC Name 鹤壁市".to_owned()), "{found:?}");
        assert!(found.contains(&"LOC Name 淇滨区".to_owned()), "{found:?}");
        assert!(found.contains(&"LOC Name 浚县".to_owned()), "{found:?}");
    }

    #[test]
    fn a_toll_station_after_a_road_is_a_place_of_its_own() {
        let found = places("京港澳高速公路鹤壁北收费站车流量大。");
        assert!(found.contains(&"LOC Name 京港澳高速公路".to_owned()), "{found:?}");
        assert!(found.contains(&"LOC Name 鹤壁北收费站".to_owned()), "{found:?}");
    }

    #[test]
    fn languages_and_ethnic_groups_are_no_places() {
        assert_eq!(places("他会说北京话,是朝鲜族。"), Vec::<String>::new());
    }

    #[test]
    fn a_name_a_longer_misreading_hides_is_found() {
        // 扬中 (a city) across 赞扬|中国; the alias 伦敦市 across 伦敦|市民
        assert_eq!(places("他们赞扬中国。"), vec!["LOC Name 中国"]);
        assert_eq!(places("一位伦敦市民说。"), vec!["LOC Name 伦敦"]);
        // a country and its city written as one word (英国伦敦/ns)
        assert_eq!(places("英国伦敦一家法院"), vec!["LOC Name 英国", "LOC Name 伦敦"]);
        // the people of a place (温州人/nr); a word after 话 is no language (中国话剧)
        assert_eq!(places("温州人的精神"), vec!["LOC Name 温州"]);
        assert_eq!(places("中国话剧九十年"), vec!["LOC Name 中国"]);
    }

    #[test]
    fn a_modifier_is_no_village_name() {
        assert_eq!(places("广大社区居民积极配合。"), Vec::<String>::new());
        // a verb before a word that begins with 村 (加强|村级), whatever villages the table holds
        assert_eq!(places("加强村级组织建设,实现村村通。"), Vec::<String>::new());
    }

    #[test]
    fn a_village_of_the_table_after_its_township_is_found_however_it_is_segmented() {
        // (township, village of it in the table): names that begin with a number, with 上 or 下,
        // X家村, common words, names the segmenter glues to the suffix (联村/n) or reads as a verb
        let table = [
            ("陶辛镇", "三太村"),   // 安徽 芜湖
            ("新圩镇", "四联村"),   // (联村/n)
            ("中湖乡", "三家峪村"), // 河北
            ("干岔子乡", "胜利村"), // 黑龙江
            ("桥梓镇", "上王峪村"), // 北京 怀柔
            ("霞浦街道", "上傅村"), // 浙江
            ("二曲街道", "八一村"), // 陕西 周至
            ("汪桥镇", "邓家村"),   // 湖北 洪湖
            ("东姚镇", "下郊村"),   // 山西 夏县
            ("绥东镇", "六里村"),   // 黑龙江
            ("茗山乡", "上汪村"),   // 江西 德兴
            ("樟市镇", "五星村"),   // 湖南 桃江
            ("常信乡", "团结村"),   // 云南 马龙
            ("新民镇", "五家子村"), // 辽宁
            ("邹岗镇", "八汊村"),   // 湖北 仙桃
        ];
        for (township, village) in table {
            let found = places(&format!("工作组深入{township}{village}实地调研。"));
            assert!(
                found.contains(&format!("LOC Name {village}")),
                "{township}{village}: {found:?}"
            );
            assert!(
                found.contains(&format!("LOC Name {township}")),
                "{township}{village}: {found:?}"
            );
        }
        // and villages of the table listed after one of their township's (广西, 山东)
        let found = places("工作组深入六塘镇广洞村、道莲村、保联村调研。");
        assert_eq!(
            found,
            [
                "LOC Name 六塘镇",
                "LOC Name 广洞村",
                "LOC Name 道莲村",
                "LOC Name 保联村"
            ]
        );
        let found = places("工作组深入六塘镇广洞村和道莲村调研。");
        assert!(found.contains(&"LOC Name 道莲村".to_owned()), "{found:?}");
        let found = places("他来到接山镇尹山庄村、辛庄村、下套村走访。");
        assert!(found.contains(&"LOC Name 下套村".to_owned()), "{found:?}");
        // such a village is no person, even inside a checkpoint's name (河南, 安徽, 山东)
        for (text, village) in [
            ("检查组先后来到槐阳镇北苏村、铁屯村、贾庄村值守点等地。", "贾庄村"),
            ("检查组先后来到浮岗镇韦岗村、双庙村、张楼村值守点等地。", "张楼村"),
            ("检查组先后来到马集镇牛庄村、裴庄村、姚堂村值守点等地。", "姚堂村"),
        ] {
            let entities = crate::testing::entities(&crate::testing::extract(text));
            assert!(entities.contains(&format!("LOC {village}")), "{entities:?}");
            assert!(!entities.contains(&format!("PER {village}")), "{entities:?}");
        }
        // counts, scopes and the villagers of a township are no village of it
        for text in [
            "陶辛镇三个村都已完成。",
            "陶辛镇各村积极响应。",
            "陶辛镇村干部参加会议。",
        ] {
            assert_eq!(places(text), vec!["LOC Name 陶辛镇"], "{text}");
        }
    }

    #[test]
    fn a_number_that_names_a_day_begins_a_place_other_numbers_count() {
        for (text, place) in [
            ("县长来到七一泵站查看排涝情况。", "七一泵站"),
            ("五一大闸开闸泄洪。", "五一大闸"),
            ("市民沿着五四大街游行。", "五四大街"),
            ("防汛人员在六一电排站值守。", "六一电排站"),
        ] {
            assert_eq!(places(text), vec![format!("LOC Name {place}")], "{text}");
        }
        for text in [
            "他们检查了三座泵站和两处大闸。",
            "全县三大泵站运行正常。",
            "两个村的干部参加。",
        ] {
            assert_eq!(places(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_building_or_zone_after_its_divisions_is_named_with_them() {
        assert_eq!(places("会议在北京人民大会堂举行。"), vec!["LOC Name 北京人民大会堂"]);
        assert_eq!(places("河北省张家口地区发生地震。"), vec!["LOC Name 河北省张家口地区"]);
        assert_eq!(places("他住在广元市长城宾馆。"), vec!["LOC Name 广元市长城宾馆"]);
        // a building the dictionary knows as one word with its place
        assert_eq!(places("画展在中国美术馆开幕。"), vec!["LOC Name 中国美术馆"]);
        // (and it is no organisation, though 厅 ends organisations: 北京音乐厅/nt)
        assert_eq!(
            crate::testing::recognized("新年音乐会在北京音乐厅举行。"),
            vec!["LOC Name 北京音乐厅"]
        );
        // divisions keep their own names
        assert_eq!(places("浚县善堂镇"), vec!["LOC Name 浚县", "LOC Name 善堂镇"]);
    }

    #[test]
    fn a_country_is_named_with_the_form_of_its_state() {
        assert_eq!(places("贝宁共和国总统访华。"), vec!["LOC Name 贝宁共和国"]);
        assert_eq!(places("中华人民共和国成立。"), vec!["LOC Name 中华人民共和国"]);
    }

    #[test]
    fn a_road_or_building_needs_a_name_of_its_own() {
        // a road named after a place is one (南京路); a place's roads in general are none
        assert_eq!(places("上海南京路步行街"), vec!["LOC Name 上海南京路"]);
        assert_eq!(places("云南省公路建设加快。"), vec!["LOC Name 云南省"]);
        // what stands between the place and the suffix is a clause, not a name
        assert_eq!(
            places("伊斯坦布尔最大的清真寺叫苏利曼清真寺。"),
            vec!["LOC Name 伊斯坦布尔", "LOC Name 苏利曼清真寺"]
        );
        // railway lines are no places (People's Daily tags them as other names)
        assert_eq!(places("南昆铁路全线通车。"), Vec::<String>::new());
    }

    #[test]
    fn a_division_of_the_table_stands_as_a_word() {
        // 和县 across 和|县长, 发展乡 across 发展|乡镇企业, the kind word 自治州 alone
        assert_eq!(places("他和县长一起去。"), Vec::<String>::new());
        assert_eq!(places("发展乡镇企业。"), Vec::<String>::new());
        assert_eq!(places("自治州党委书记说。"), Vec::<String>::new());
        assert_eq!(places("安徽省和县的干部"), vec!["LOC Name 安徽省", "LOC Name 和县"]);
    }

    #[test]
    fn natural_features_the_segmenter_reads_as_names_are_places() {
        let found = places("游客登上凤凰岭远眺大亚湾,又沿着塔里木河走到明尼苏达州。");
        for name in ["凤凰岭", "大亚湾", "塔里木河", "明尼苏达州"] {
            assert!(found.contains(&format!("LOC Name {name}")), "{name}: {found:?}");
        }
        assert_eq!(places("城市里的孩子没见过大海。"), Vec::<String>::new());
    }

    #[test]
    fn former_and_foreign_divisions_the_dictionary_knows_are_places() {
        // no table of 2023 holds them: 锡山市 became a district, 玉环县 a city
        let found = places("锡山市和玉环县的代表来到加拿大安大略省。");
        for name in ["锡山市", "玉环县", "安大略省"] {
            assert!(found.contains(&format!("LOC Name {name}")), "{name}: {found:?}");
        }
        // a word saying what kind of place it is names none
        assert_eq!(places("实施科教兴市战略,建设农业大省。"), Vec::<String>::new());
        // a former prefecture the segmenter reads as one word with its suffix (吕梁地区/ns)
        assert_eq!(places("吕梁地区的干部"), vec!["LOC Name 吕梁地区"]);
        // and the divisions of the table are still theirs (淇县 is no generic word of places)
        assert_eq!(places("淇县和浚县"), vec!["LOC Name 淇县", "LOC Name 浚县"]);
    }
}
