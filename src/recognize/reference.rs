//! Pronoun-like references: 我市/本市/该市, 该县/该区, 该村, 该局/该公司/该所 …, 本报. They are
//! resolved to the entity they stand for in the Resolve stage.

use super::{Antecedent, Candidate, Detail, Form, SentenceContext};
use crate::gazetteer::{Gazetteer, Level, WordList};
use crate::model::{Class, EntityKind};

/// What a reference word stands for (`words.tsv` reference lists): the article's own area of a
/// level (我市, 该县), the village or township of the passage (该村, 该镇), the article's paper (本报),
/// or the nearest organisation ending in the word after 该 (该局, 该公司).
fn referent(g: &Gazetteer, word: &str) -> Option<(EntityKind, Antecedent)> {
    let w = &g.words;
    let area = |l| Some((EntityKind::Place, Antecedent::Area(l)));
    let levels = [
        (WordList::ReferenceCity, Level::Prefecture),
        (WordList::ReferenceCounty, Level::County),
        (WordList::ReferenceProvince, Level::Province),
        (WordList::ReferenceTownship, Level::Township),
        (WordList::ReferenceVillage, Level::Village),
    ];
    if let Some(&(_, level)) = levels.iter().find(|(list, _)| w.has(*list, word)) {
        return area(level);
    }
    if w.has(WordList::ReferenceNewspaper, word) {
        return Some((EntityKind::Organisation, Antecedent::Newspaper));
    }
    let rest = word.strip_prefix('该')?;
    w.has(WordList::ReferenceOrganisation, rest)
        .then(|| (EntityKind::Organisation, Antecedent::Suffix(rest.to_owned())))
}

pub fn candidates(s: &SentenceContext<'_>, out: &mut Vec<Candidate>) {
    for i in s.span.start..s.span.end {
        let c = s.ch(i);
        if !s.g.words.has_char(WordList::Deictic, c) {
            continue;
        }
        for len in (2..=4).rev() {
            if i + len > s.span.end {
                continue;
            }
            let word = s.slice(&(i..i + len));
            let Some((kind, antecedent)) = referent(s.g, &word) else {
                continue;
            };
            // 该局 in 该局长? the word must end at a token boundary or before a non-name char
            // (but 本报 before 讯 or a journalist's title: 本报讯, 本报记者)
            let paper = s.g.words.has(WordList::ReferenceNewspaper, &word)
                && (s.ch(i + len) == '讯' || s.titles.iter().any(|t| t.start == i + len));
            if !paper
                && !s.boundary(i + len)
                && len == 2
                && s.token_at(i + len - 1).is_some_and(|t| t.span.end > i + len)
            {
                continue;
            }
            let class = if kind == EntityKind::Place {
                Class::Division
            } else {
                Class::Other
            };
            out.push(
                Candidate::new(i..i + len, s.index, kind, class, Detail::Pronoun(antecedent))
                    .with_form(Form::Pronoun)
                    .with_score(1.5),
            );
            break;
        }
    }
}
