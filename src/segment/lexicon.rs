//! The automata that find gazetteer words in text (aho-corasick, leftmost-longest), built once
//! per process from the gazetteer tables.

use crate::gazetteer::{CheckpointRole, Gazetteer};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// What a name pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameEntry {
    /// An administrative division by full name (`short` = by a short form such as 鹤壁).
    Division { idx: usize, short: bool },
    /// A country (index into `Gazetteer::countries`).
    Country { idx: usize, alias: bool },
    /// A world place or geographic feature (index into `Gazetteer::places`).
    World { idx: usize, alias: bool },
    /// A known organisation (index into `Gazetteer::organisations`); `weak` aliases are common
    /// words that count only in a list of organisations.
    Org { idx: usize, alias: bool, weak: bool },
}

/// A match of one of the automata, in character offsets of the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<T> {
    pub start: usize,
    pub end: usize,
    pub what: T,
}

/// Compiled automata over the gazetteer.
pub struct Lexicon {
    names: AhoCorasick,
    name_entries: Vec<Vec<NameEntry>>,
    /// each name's index into `name_entries`, for exact lookups
    name_index: HashMap<String, usize>,
    titles: AhoCorasick,
    title_idx: Vec<usize>,
    units: AhoCorasick,
    /// (unit index, is the full name)
    unit_entries: Vec<(usize, bool)>,
    /// checkpoint words that end a checkpoint name, longest first
    pub checkpoint_words: Suffixes,
    pub checkpoint_generic: Vec<Vec<char>>,
    /// organisation suffixes (index into `Gazetteer::org_suffixes`), as chars, longest first
    pub org_suffixes: Suffixes,
    pub place_suffixes: Suffixes,
    /// verbs of event frames, as chars, longest first
    pub verbs: Vec<(Vec<char>, crate::gazetteer::VerbClass)>,
    /// the verbs (indexes into `verbs`, longest first) by their first character
    verbs_by_first: HashMap<char, Vec<usize>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("names", &self.name_entries.len())
            .field("titles", &self.title_idx.len())
            .finish()
    }
}

static GLOBAL: LazyLock<Option<Lexicon>> = LazyLock::new(|| {
    let g = Gazetteer::embedded().ok()?;
    Lexicon::new(g, crate::segment::Segmenter::global()?).ok()
});

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn longest_first<T>(mut v: Vec<(Vec<char>, T)>) -> Vec<(Vec<char>, T)> {
    v.sort_by_key(|(c, _)| std::cmp::Reverse(c.len()));
    v
}

impl Lexicon {
    /// The process-wide lexicon over the embedded gazetteer.
    pub fn global() -> Option<&'static Lexicon> {
        GLOBAL.as_ref()
    }

    pub fn new(g: &Gazetteer, seg: &crate::segment::Segmenter) -> Result<Self, aho_corasick::BuildError> {
        let mut names: HashMap<String, Vec<NameEntry>> = HashMap::new();
        // a name that is also a common word of jieba's dictionary (合作, 和平, 资源, 城区) is no name
        // by itself; place names the dictionary tags as places (北京/ns) are kept
        // (jieba tags many foreign places as names: 伊拉克/nrt, 莫斯科/nr)
        let common = |name: &str, short: bool| {
            seg.dictionary_tag(name).is_some_and(|t| {
                let proper = t.starts_with("ns") || t.starts_with("nr") || t.starts_with("nt") || t == "j";
                !(proper || (!short && t == "nz"))
            })
        };
        // jieba's own tags are too unreliable to judge province or city names by (大连/d, 合肥/n,
        // 约旦/d): only the short forms of counties, which often are common words, are judged
        let county_short = |e: &NameEntry| match *e {
            NameEntry::Division { idx, short: true } => g.divisions.items[idx].level >= crate::gazetteer::Level::County,
            _ => false,
        };
        let add = |name: &str, e: NameEntry, names: &mut HashMap<String, Vec<NameEntry>>| {
            let weak = matches!(e, NameEntry::Org { weak: true, .. });
            let judged = county_short(&e) || matches!(e, NameEntry::Org { alias: true, .. });
            if name.chars().count() >= 2 && (weak || !judged || !common(name, true)) {
                names.entry(name.to_owned()).or_default().push(e);
            }
        };
        for (idx, d) in g.divisions.items.iter().enumerate() {
            // two-character names that are generic words of places (东区, 城区) are no names
            let generic = d.name.chars().count() <= 2
                && g.place_suffixes
                    .iter()
                    .filter(|x| x.kind != Some(crate::gazetteer::PlaceKind::Named))
                    .any(|x| d.name.ends_with(&x.text) || d.name.ends_with('区'));
            // townships named after what they are (新材料产业园, 红旗农场) are left to the suffix rules
            let odd_township = d.level == crate::gazetteer::Level::Township
                && !g.words.ends_any(crate::gazetteer::WordList::TownshipEnding, &d.name);
            if generic || odd_township {
                continue;
            }
            add(&d.name, NameEntry::Division { idx, short: false }, &mut names);
            for s in &d.short {
                add(s, NameEntry::Division { idx, short: true }, &mut names);
            }
        }
        for (idx, p) in g.countries.iter().enumerate() {
            add(&p.name, NameEntry::Country { idx, alias: false }, &mut names);
            for a in &p.aliases {
                add(a, NameEntry::Country { idx, alias: true }, &mut names);
            }
        }
        for (idx, p) in g.places.iter().enumerate() {
            add(&p.name, NameEntry::World { idx, alias: false }, &mut names);
            for a in &p.aliases {
                add(a, NameEntry::World { idx, alias: true }, &mut names);
            }
        }
        for (idx, o) in g.organisations.iter().enumerate() {
            add(
                &o.name,
                NameEntry::Org {
                    idx,
                    alias: false,
                    weak: false,
                },
                &mut names,
            );
            for a in &o.aliases {
                add(
                    a,
                    NameEntry::Org {
                        idx,
                        alias: true,
                        weak: false,
                    },
                    &mut names,
                );
            }
            for a in &o.weak {
                add(
                    a,
                    NameEntry::Org {
                        idx,
                        alias: true,
                        weak: true,
                    },
                    &mut names,
                );
            }
        }
        let mut names: Vec<(String, Vec<NameEntry>)> = names.into_iter().collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        let names_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(names.iter().map(|(n, _)| n))?;

        let titles_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(g.titles.iter().map(|t| &t.text))?;

        let mut units: HashMap<String, (usize, bool)> = HashMap::new();
        for (idx, u) in g.org_units.iter().enumerate() {
            units.insert(u.bare_full(), (idx, true));
            for s in &u.short {
                units.entry(s.clone()).or_insert((idx, false));
            }
        }
        let mut units: Vec<(String, (usize, bool))> = units.into_iter().collect();
        units.sort();
        let units_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(units.iter().map(|(n, _)| n))?;

        let checkpoint_words = longest_first(
            g.checkpoint_words
                .iter()
                .filter(|(_, r)| *r == CheckpointRole::Checkpoint)
                .map(|(w, _)| (chars(w), ()))
                .collect(),
        );
        let checkpoint_generic = longest_first(
            g.checkpoint_words
                .iter()
                .filter(|(_, r)| *r == CheckpointRole::Generic)
                .map(|(w, _)| (chars(w), ()))
                .collect(),
        );
        let mut verbs = longest_first(g.verbs.iter().map(|(w, k)| (chars(w), *k)).collect());
        // (same-length words in a fixed order, whatever the map's)
        verbs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut verbs_by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, (w, _)) in verbs.iter().enumerate() {
            if let Some(&c) = w.first() {
                verbs_by_first.entry(c).or_default().push(i);
            }
        }
        let name_index = names.iter().enumerate().map(|(i, (n, _))| (n.clone(), i)).collect();
        Ok(Lexicon {
            names: names_ac,
            name_index,
            name_entries: names.into_iter().map(|(_, e)| e).collect(),
            titles: titles_ac,
            title_idx: (0..g.titles.len()).collect(),
            units: units_ac,
            unit_entries: units.into_iter().map(|(_, e)| e).collect(),
            checkpoint_words: Suffixes::new(checkpoint_words.into_iter().map(|(c, _)| c).collect()),
            checkpoint_generic: checkpoint_generic.into_iter().map(|(c, _)| c).collect(),
            org_suffixes: Suffixes::new(g.org_suffixes.iter().map(|s| chars(&s.text)).collect()),
            place_suffixes: Suffixes::new(g.place_suffixes.iter().map(|s| chars(&s.text)).collect()),
            verbs,
            verbs_by_first,
        })
    }

    /// Gazetteer names in `text` (leftmost-longest), with the names a match that does not stand
    /// on word boundaries hides (`aligned(start, end)` in character offsets): its longest prefix
    /// that ends on a boundary (伦敦 of 伦敦市 in 伦敦市民) and, for a match that does not start a
    /// word, the first name that starts inside it on a boundary (中国 under 扬中 in 赞扬中国). Such added names may overlap the match that hid them.
    pub fn names_aligned(&self, text: &Searchable, aligned: impl Fn(usize, usize) -> bool) -> Vec<Hit<&[NameEntry]>> {
        let mut out = Vec::new();
        for m in self.names.find_iter(&text.string) {
            let (start, end) = (text.char_at(m.start()), text.char_at(m.end()));
            out.push(Hit {
                start,
                end,
                what: self.name_entries[m.pattern().as_usize()].as_slice(),
            });
            if aligned(start, end) {
                continue;
            }
            let matched = &text.string[m.range()];
            let cuts: Vec<usize> = matched.char_indices().skip(2).map(|(b, _)| b).collect();
            let prefix = cuts.into_iter().rev().find_map(|b| {
                let e = text.char_at(m.start() + b);
                let i = *self.name_index.get(&matched[..b])?;
                aligned(start, e).then_some((e, i))
            });
            if let Some((e, i)) = prefix {
                out.push(Hit {
                    start,
                    end: e,
                    what: self.name_entries[i].as_slice(),
                });
            }
            // (a match that starts a word hides nothing that starts later in it: 团中央|书记处)
            if aligned(start, start) {
                continue;
            }
            let next = m.start() + matched.chars().next().map_or(1, char::len_utf8);
            let inner = self
                .names
                .find_iter(aho_corasick::Input::new(&text.string).range(next..))
                .next()
                .filter(|n| n.start() < m.end())
                .map(|n| (text.char_at(n.start()), n))
                .filter(|&(ns, _)| aligned(ns, ns));
            if let Some((ns, n)) = inner {
                out.push(Hit {
                    start: ns,
                    end: text.char_at(n.end()),
                    what: self.name_entries[n.pattern().as_usize()].as_slice(),
                });
            }
        }
        out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        out
    }

    /// The longest verb that starts at `i` in `text` (before `end`), with its class.
    pub fn verb_at(&self, text: &[char], i: usize, end: usize) -> Option<(usize, crate::gazetteer::VerbClass)> {
        let first = *text.get(i)?;
        self.verbs_by_first.get(&first)?.iter().find_map(|&k| {
            let (w, class) = &self.verbs[k];
            (i + w.len() <= end && text[i..i + w.len()] == w[..]).then_some((w.len(), *class))
        })
    }

    /// Every verb that starts at `i` in `text` (before `end`), longest first, with its class.
    pub fn verbs_at<'s>(
        &'s self,
        text: &'s [char],
        i: usize,
        end: usize,
    ) -> impl Iterator<Item = (usize, crate::gazetteer::VerbClass)> + 's {
        text.get(i)
            .and_then(|c| self.verbs_by_first.get(c))
            .into_iter()
            .flatten()
            .filter_map(move |&k| {
                let (w, class) = &self.verbs[k];
                (i + w.len() <= end && text[i..i + w.len()] == w[..]).then_some((w.len(), *class))
            })
    }

    /// What a gazetteer name stands for, looked up by the whole name.
    pub fn lookup(&self, name: &str) -> &[NameEntry] {
        self.name_index
            .get(name)
            .map_or(&[], |&i| self.name_entries[i].as_slice())
    }

    /// Gazetteer names in `text` (leftmost-longest, non-overlapping).
    pub fn names(&self, text: &Searchable) -> Vec<Hit<&[NameEntry]>> {
        self.names_aligned(text, |_, _| true)
    }

    /// Role titles in `text` (index into `Gazetteer::titles`).
    pub fn titles(&self, text: &Searchable) -> Vec<Hit<usize>> {
        self.titles
            .find_iter(&text.string)
            .map(|m| Hit {
                start: text.char_at(m.start()),
                end: text.char_at(m.end()),
                what: self.title_idx[m.pattern().as_usize()],
            })
            .collect()
    }

    /// Standard government and party bodies (`(unit index, full name?)`).
    pub fn units(&self, text: &Searchable) -> Vec<Hit<(usize, bool)>> {
        self.units
            .find_iter(&text.string)
            .map(|m| Hit {
                start: text.char_at(m.start()),
                end: text.char_at(m.end()),
                what: self.unit_entries[m.pattern().as_usize()],
            })
            .collect()
    }
}

/// Words that end names (chars, in the order of their table: longest first), indexed by their last
/// character: a lookup at every position of a text compares only the words that can end there.
#[derive(Debug, Clone, Default)]
pub struct Suffixes {
    words: Vec<Vec<char>>,
    by_last: HashMap<char, Vec<usize>>,
}

impl Suffixes {
    pub fn new(words: Vec<Vec<char>>) -> Self {
        let mut by_last: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(&c) = w.last() {
                by_last.entry(c).or_default().push(i);
            }
        }
        Suffixes { words, by_last }
    }
}

impl std::ops::Index<usize> for Suffixes {
    type Output = Vec<char>;
    fn index(&self, i: usize) -> &Vec<char> {
        &self.words[i]
    }
}

/// Index of the first (longest) word of `words` that ends at `end` in `text`.
pub fn suffix_at(words: &Suffixes, text: &[char], end: usize) -> Option<usize> {
    let last = *text.get(end.checked_sub(1)?)?;
    words.by_last.get(&last)?.iter().copied().find(|&i| {
        let w = &words.words[i];
        w.len() <= end && text[end - w.len()..end] == w[..]
    })
}

/// A stretch of text prepared for the automata: a `String` plus a byte → char offset table.
/// Offsets reported are absolute (the stretch's first char has index `base`).
#[derive(Debug)]
pub struct Searchable {
    pub string: String,
    byte_to_char: Vec<u32>,
    base: usize,
}

impl Searchable {
    pub fn new(text: &[char], base: usize) -> Self {
        let string: String = text.iter().collect();
        let mut byte_to_char = vec![0u32; string.len() + 1];
        let mut ci = 0u32;
        for (bi, c) in string.char_indices() {
            byte_to_char[bi..bi + c.len_utf8()].fill(ci);
            ci += 1;
        }
        byte_to_char[string.len()] = ci;
        Searchable {
            string,
            byte_to_char,
            base,
        }
    }

    /// The absolute char offset of a byte offset of `string`.
    pub fn char_at(&self, byte: usize) -> usize {
        self.base + self.byte_to_char[byte] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(s: &str) -> Vec<(usize, usize)> {
        let lex = Lexicon::global().expect("lexicon");
        let chars: Vec<char> = s.chars().collect();
        lex.names(&Searchable::new(&chars, 10))
            .into_iter()
            .map(|h| (h.start, h.end))
            .collect()
    }

    #[test]
    fn leftmost_longest_with_char_offsets() {
        // 鹤壁市 (not 鹤壁), offsets in chars, shifted by the base
        assert_eq!(find("在鹤壁市和浚县"), vec![(11, 14), (15, 17)]);
    }

    #[test]
    fn suffix_lookups() {
        let words = Suffixes::new(vec![chars("检查站"), chars("站")]);
        let text = chars("高速检查站");
        assert_eq!(suffix_at(&words, &text, 5), Some(0));
        assert_eq!(suffix_at(&words, &text, 2), None);
    }
}
