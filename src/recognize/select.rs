//! Select: one reading of each stretch of text. Candidates are taken by confidence, then length;
//! one that crosses a taken candidate is dropped, one inside a taken candidate is kept as nested
//! (鹤壁东站 in 鹤壁东站疫情防控卡点), and a longer one around taken ones makes them nested.

use super::{Candidate, Form};
use crate::model::EntityKind;

/// Minimum score of a person candidate.
pub const PERSON_THRESHOLD: f32 = 2.0;

pub fn select(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.retain(|c| !c.is_empty() && (c.kind != EntityKind::Person || c.score >= PERSON_THRESHOLD));
    cands.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.len().cmp(&a.len()))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut chosen: Vec<Candidate> = Vec::new();
    for c in cands {
        let crosses = chosen.iter().any(|k| {
            let overlap = c.span.start < k.span.end && k.span.start < c.span.end;
            let inside = k.span.start <= c.span.start && c.span.end <= k.span.end;
            let around = c.span.start <= k.span.start && k.span.end <= c.span.end;
            overlap && !inside && !around
        });
        if crosses {
            continue;
        }
        // nothing nests inside a person's name, and a person's name holds nothing
        let person_nesting = chosen.iter().any(|k| {
            let inside = k.span.start <= c.span.start && c.span.end <= k.span.end;
            let around = c.span.start <= k.span.start && k.span.end <= c.span.end;
            (inside && k.kind == EntityKind::Person) || (around && c.kind == EntityKind::Person)
        });
        if person_nesting {
            continue;
        }
        // the same span read twice: keep the first (better) reading
        if chosen.iter().any(|k| k.span == c.span) {
            continue;
        }
        // a person inside another name is no person (张北 in 张北县), except in a longer name
        // built around it (周恩来纪念馆)
        if c.kind == EntityKind::Person
            && chosen
                .iter()
                .any(|k| k.span.start <= c.span.start && c.span.end <= k.span.end && k.kind == EntityKind::Place)
        {
            continue;
        }
        chosen.push(c);
    }
    // nested = inside another chosen candidate
    let spans: Vec<_> = chosen.iter().map(|c| (c.span.clone(), c.form)).collect();
    for c in &mut chosen {
        c.nested = spans
            .iter()
            .any(|(s, form)| s != &c.span && s.start <= c.span.start && c.span.end <= s.end && *form != Form::Pronoun);
    }
    chosen.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Class;
    use crate::recognize::Detail;

    fn cand(span: std::ops::Range<usize>, kind: EntityKind, score: f32) -> Candidate {
        Candidate::new(span, 0, kind, Class::Other, Detail::None).with_score(score)
    }

    #[test]
    fn crossing_loses_nested_stays() {
        let got = select(vec![
            cand(0..10, EntityKind::Checkpoint, 3.0),
            cand(0..4, EntityKind::Place, 2.0),
            cand(3..6, EntityKind::Person, 1.5),
            cand(9..12, EntityKind::Place, 2.0),
        ]);
        let spans: Vec<_> = got.iter().map(|c| (c.span.clone(), c.nested)).collect();
        assert_eq!(spans, vec![(0..10, false), (0..4, true)]);
    }

    #[test]
    fn weak_people_are_dropped() {
        assert!(select(vec![cand(0..3, EntityKind::Person, 0.2)]).is_empty());
    }
}
