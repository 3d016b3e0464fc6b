//! Co-mentions: two entities named in the same sentence, weighted by the number of sentences.

use crate::model::{CoMention, Mention};
use std::collections::BTreeMap;

/// Pairs of distinct entities with a flat mention in the same sentence.
pub fn comentions(mentions: &[Mention]) -> Vec<CoMention> {
    let mut by_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for m in mentions.iter().filter(|m| !m.nested) {
        by_sentence.entry(m.sentence).or_default().push(m.entity);
    }
    let mut pairs: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (sentence, mut ents) in by_sentence {
        ents.sort_unstable();
        ents.dedup();
        for (i, &a) in ents.iter().enumerate() {
            for &b in &ents[i + 1..] {
                pairs.entry((a, b)).or_default().push(sentence);
            }
        }
    }
    pairs
        .into_iter()
        .map(|((a, b), sentences)| CoMention { a, b, sentences })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MentionForm;

    fn m(sentence: usize, entity: usize, nested: bool) -> Mention {
        Mention {
            span: 0..1,
            sentence,
            entity,
            form: MentionForm::Name,
            nested,
        }
    }

    #[test]
    fn weight_is_the_number_of_sentences() {
        let got = comentions(&[
            m(0, 1, false),
            m(0, 2, false),
            m(0, 2, false),
            m(3, 1, false),
            m(3, 2, false),
            m(3, 5, true),
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].a, got[0].b, got[0].sentences.clone()), (1, 2, vec![0, 3]));
    }
}
