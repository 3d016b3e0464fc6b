//! Segment: jieba-rs with every gazetteer name loaded as a user word, so that names survive
//! segmentation, and with the gazetteer's tag for every word it knows (`ns` places, `nt`
//! organisations, `title` role titles) — jieba keeps its own tag for words it already had.

pub mod context;
pub mod lexicon;

pub use context::{SentenceContext, contexts};
pub use lexicon::Lexicon;

use crate::gazetteer::Gazetteer;
use crate::model::{Span, Token};
use jieba_rs::Jieba;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Tag given to role titles (市委书记, 队长).
pub const TITLE_TAG: &str = "title";

/// A jieba instance taught the gazetteer.
pub struct Segmenter {
    jieba: Jieba,
    tags: HashMap<String, &'static str>,
    /// jieba's own tag of every gazetteer word its bundled dictionary already had (合作 → v)
    dictionary_tags: HashMap<String, String>,
    /// gazetteer words added to jieba's dictionary
    added: std::collections::HashSet<String>,
}

impl std::fmt::Debug for Segmenter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Segmenter")
            .field("user_words", &self.tags.len())
            .finish()
    }
}

static GLOBAL: LazyLock<Option<Segmenter>> = LazyLock::new(|| Gazetteer::embedded().ok().map(Segmenter::new));

impl Segmenter {
    /// The process-wide segmenter built from the embedded gazetteer (built once: ~0.5 s).
    pub fn global() -> Option<&'static Segmenter> {
        GLOBAL.as_ref()
    }

    pub fn new(g: &Gazetteer) -> Self {
        let mut s = Segmenter {
            jieba: Jieba::new(),
            tags: HashMap::new(),
            dictionary_tags: HashMap::new(),
            added: Default::default(),
        };
        for d in &g.divisions.items {
            s.add(&d.name, "ns");
            for short in &d.short {
                s.add(short, "ns");
            }
        }
        for p in g.countries.iter().chain(&g.places) {
            s.add(&p.name, "ns");
            for a in &p.aliases {
                s.add(a, "ns");
            }
        }
        for o in &g.organisations {
            s.add(&o.name, "nt");
            for a in &o.aliases {
                s.add(a, "nt");
            }
        }
        for u in &g.org_units {
            s.add(&u.bare_full(), "nt");
            for a in &u.short {
                s.add(a, "nt");
            }
        }
        for t in &g.titles {
            s.add(&t.text, TITLE_TAG);
        }
        for (w, _) in &g.checkpoint_words {
            s.add(w, "n");
        }
        s
    }

    /// Add a word with its tag. A word jieba already knows keeps its frequency, and its own tag is
    /// remembered (see [`Segmenter::dictionary_tag`]).
    fn add(&mut self, word: &str, tag: &'static str) {
        let len = word.chars().count();
        if len < 2 {
            return;
        }
        self.tags.insert(word.to_owned(), tag);
        if self.added.contains(word) || self.dictionary_tags.contains_key(word) {
            return;
        }
        if self.jieba.has_word(word) {
            if let [t] = self.jieba.tag(word, false).as_slice() {
                self.dictionary_tags.insert(word.to_owned(), t.tag.to_owned());
            }
        } else {
            // a modest frequency: the word wins where nothing better reads the text, and does not
            // tear common words apart (交通运输部 must not eat 交通运输部门)
            let freq = 20 * len;
            self.jieba.add_word(word, Some(freq), Some(tag));
            self.added.insert(word.to_owned());
        }
    }

    /// jieba's own tag of a gazetteer word it knew before the gazetteer was added (合作 → v): a
    /// place's short form that is also a common word is no name by itself.
    pub fn dictionary_tag(&self, word: &str) -> Option<&str> {
        self.dictionary_tags.get(word).map(String::as_str)
    }

    /// The gazetteer's tag of a word, if it is a gazetteer word.
    pub fn gazetteer_tag(&self, word: &str) -> Option<&'static str> {
        self.tags.get(word).copied()
    }

    /// Segment and tag the characters `text[span]`; token spans are absolute.
    pub fn tag(&self, text: &[char], span: &Span) -> Vec<Token> {
        let s: String = text[span.clone()].iter().collect();
        self.jieba
            .tag(&s, true)
            .into_iter()
            .map(|t| Token {
                span: span.start + t.start..span.start + t.end,
                tag: self
                    .gazetteer_tag(t.word)
                    .map_or_else(|| t.tag.to_owned(), str::to_owned),
            })
            .collect()
    }

    /// Whether jieba's dictionary (bundled plus gazetteer) has the word.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// How often jieba's dictionary saw the word (None: not a word of it).
    pub fn word_freq(&self, word: &str) -> Option<usize> {
        self.jieba.has_word(word).then(|| self.jieba.suggest_freq(word))
    }

    /// The tag of a word of the dictionary (部门 → n), gazetteer words included.
    pub fn word_tag(&self, word: &str) -> Option<String> {
        if !self.jieba.has_word(word) {
            return None;
        }
        match self.jieba.tag(word, false).as_slice() {
            [t] => Some(t.tag.to_owned()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(String, String)> {
        let seg = Segmenter::global().expect("segmenter");
        let chars: Vec<char> = s.chars().collect();
        seg.tag(&chars, &(0..chars.len()))
            .into_iter()
            .map(|t| (chars[t.span].iter().collect(), t.tag))
            .collect()
    }

    #[test]
    fn gazetteer_names_survive_segmentation() {
        let got = words("山城区石林镇罗庄村和浚县善堂镇");
        assert!(got.contains(&("石林镇".into(), "ns".into())), "{got:?}");
        assert!(got.contains(&("善堂镇".into(), "ns".into())), "{got:?}");
    }

    #[test]
    fn titles_are_tagged_as_titles() {
        let got = words("市委书记马富国到浚县督导");
        assert_eq!(got[0], ("市委书记".to_owned(), TITLE_TAG.to_owned()), "{got:?}");
    }

    #[test]
    fn spans_are_absolute() {
        let seg = Segmenter::global().expect("segmenter");
        let chars: Vec<char> = "甲。浚县人民医院".chars().collect();
        let toks = seg.tag(&chars, &(2..chars.len()));
        assert_eq!(toks[0].span.start, 2);
        assert_eq!(toks.last().map(|t| t.span.end), Some(chars.len()));
    }
}
