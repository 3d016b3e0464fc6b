//! What every rule needs to know about one sentence: its characters, its tokens and the gazetteer
//! words found in it, with boundary lookups in absolute character offsets.

use super::Segmenter;
use super::lexicon::{Hit, Lexicon, NameEntry, Searchable};
use crate::gazetteer::Gazetteer;
use crate::model::{Sentence, SentenceKind, Span, Token};

/// A dictionary frequency below which a word may be a name or a name's short form.
pub const RARE_WORD: usize = 200;

/// One sentence prepared for recognition.
#[derive(Debug)]
pub struct SentenceContext<'a> {
    pub index: usize,
    pub span: Span,
    pub kind: SentenceKind,
    pub item: usize,
    pub paragraph: usize,
    /// The whole document's normalised text (spans are absolute).
    pub text: &'a [char],
    pub tokens: Vec<Token>,
    pub g: &'a Gazetteer,
    pub lex: &'a Lexicon,
    pub seg: &'a Segmenter,
    pub names: Vec<Hit<&'a [NameEntry]>>,
    pub titles: Vec<Hit<usize>>,
    pub units: Vec<Hit<(usize, bool)>>,
    /// token index starting / ending at each position of the sentence (relative), or usize::MAX
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl<'a> SentenceContext<'a> {
    pub fn new(
        index: usize,
        sentence: &Sentence,
        text: &'a [char],
        g: &'a Gazetteer,
        lex: &'a Lexicon,
        seg: &'a Segmenter,
    ) -> Self {
        let span = sentence.span.clone();
        let tokens = seg.tag(text, &span);
        let searchable = Searchable::new(&text[span.clone()], span.start);
        let n = span.len() + 1;
        let mut starts = vec![usize::MAX; n];
        let mut ends = vec![usize::MAX; n];
        for (i, t) in tokens.iter().enumerate() {
            starts[t.span.start - span.start] = i;
            ends[t.span.end - span.start] = i;
        }
        let mut ctx = SentenceContext {
            index,
            kind: sentence.kind,
            item: sentence.item,
            paragraph: sentence.paragraph,
            text,
            names: Vec::new(),
            titles: lex.titles(&searchable),
            units: lex.units(&searchable),
            tokens,
            g,
            lex,
            seg,
            starts,
            ends,
            span,
        };
        ctx.names = lex.names_aligned(&searchable, |a, b| ctx.boundary(a) && ctx.boundary(b));
        ctx
    }

    /// The paragraph the sentence belongs to.
    pub fn paragraph_of(&self) -> usize {
        self.paragraph
    }

    /// Character at an absolute position, or a space outside the sentence.
    pub fn ch(&self, i: usize) -> char {
        if i >= self.span.start && i < self.span.end {
            self.text[i]
        } else {
            ' '
        }
    }

    /// Characters before position `i` inside the sentence, as a string of at most `n`.
    pub fn before(&self, i: usize, n: usize) -> String {
        let s = i.saturating_sub(n).max(self.span.start);
        self.text[s..i.max(s)].iter().collect()
    }

    /// Characters from position `i` inside the sentence, as a string of at most `n`.
    pub fn after(&self, i: usize, n: usize) -> String {
        let e = (i + n).min(self.span.end);
        self.text[i.min(e)..e].iter().collect()
    }

    pub fn slice(&self, span: &Span) -> String {
        self.text[span.clone()].iter().collect()
    }

    pub fn chars(&self, span: &Span) -> &'a [char] {
        &self.text[span.clone()]
    }

    /// The token starting at `i`.
    pub fn token_starting(&self, i: usize) -> Option<&Token> {
        self.rel(i)
            .and_then(|r| self.starts.get(r))
            .filter(|&&t| t != usize::MAX)
            .map(|&t| &self.tokens[t])
    }

    /// The token ending at `i`.
    pub fn token_ending(&self, i: usize) -> Option<&Token> {
        self.rel(i)
            .and_then(|r| self.ends.get(r))
            .filter(|&&t| t != usize::MAX)
            .map(|&t| &self.tokens[t])
    }

    /// Index of the token ending at `i`.
    pub fn token_index_ending(&self, i: usize) -> Option<usize> {
        self.rel(i)
            .and_then(|r| self.ends.get(r))
            .copied()
            .filter(|&t| t != usize::MAX)
    }

    /// The token that contains position `i`.
    pub fn token_at(&self, i: usize) -> Option<&Token> {
        self.tokens.iter().find(|t| t.span.start <= i && i < t.span.end)
    }

    /// Whether a token boundary falls at `i` (sentence edges count).
    pub fn boundary(&self, i: usize) -> bool {
        i == self.span.start || i == self.span.end || self.token_starting(i).is_some() || self.token_ending(i).is_some()
    }

    fn rel(&self, i: usize) -> Option<usize> {
        (i >= self.span.start && i <= self.span.end).then(|| i - self.span.start)
    }

    /// Whether the dictionary does not know the text of `span` or knows it as a rare word (seen
    /// fewer than [`RARE_WORD`] times): a word that may be a name (恩来, 佩里 — not 文明, 明年).
    pub fn rare_word(&self, span: &Span) -> bool {
        self.seg.word_freq(&self.slice(span)).is_none_or(|f| f < RARE_WORD)
    }

    /// Whether `s` occurs at position `i`.
    pub fn at(&self, i: usize, s: &str) -> bool {
        (i..)
            .zip(s.chars())
            .all(|(k, c)| k < self.span.end && self.text[k] == c)
    }

    /// Whether `s` ends at position `i`.
    pub fn ends_with_at(&self, i: usize, s: &str) -> bool {
        let n = s.chars().count();
        i >= self.span.start + n && self.at(i - n, s)
    }
}

/// Build the contexts of all sentences of a document.
pub fn contexts<'a>(
    text: &'a [char],
    sentences: &[Sentence],
    g: &'a Gazetteer,
    lex: &'a Lexicon,
    seg: &'a Segmenter,
) -> Vec<SentenceContext<'a>> {
    sentences
        .iter()
        .enumerate()
        .map(|(i, s)| SentenceContext::new(i, s, text, g, lex, seg))
        .collect()
}
