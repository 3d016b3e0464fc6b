//! Recognise: find the people, organisations, places and checkpoints a sentence names.
//!
//! Each rule family has its own module and adds [`Candidate`]s: gazetteer names and composed
//! places ([`place`]), organisation chains ([`org`]), checkpoints ([`checkpoint`]), people
//! ([`person`]) and pronoun-like references ([`reference`]). [`select`] then keeps one reading
//! of each stretch of text: the flat layer of named mentions, with names inside longer names
//! kept as nested mentions.

pub mod checkpoint;
pub mod coordination;
pub mod org;
pub mod outlet;
pub mod person;
pub mod place;
pub mod reference;
pub mod select;

pub use crate::model::{
    Antecedent, Area, Candidate, Detail, MentionForm as Form, OrgSegment, Recognized, TitleMention,
};
pub use crate::segment::SentenceContext;

/// Recognise the entities of every sentence of a document.
pub fn recognize(ctx: &[SentenceContext<'_>], model: &person::PersonModel) -> Recognized {
    let mut out = Recognized::default();
    // places composed somewhere with their context (屯子镇王村) are found again where the article
    // names them bare (到王村卡点督导)
    let places: Vec<Vec<Candidate>> = ctx
        .iter()
        .map(|s| {
            let mut cands = Vec::new();
            place::candidates(s, &mut cands);
            cands
        })
        .collect();
    let known = place::composed_names(ctx, &places);
    let people = person::document_spans(ctx, model);
    for ((s, people), mut cands) in ctx.iter().zip(people).zip(places) {
        place::known(s, &known, &mut cands);
        org::candidates(s, &mut cands);
        outlet::candidates(s, &mut cands);
        checkpoint::candidates(s, &mut cands);
        person::candidates(s, people, model, &mut cands);
        reference::candidates(s, &mut cands);
        let mut chosen = select::select(cands);
        coordination::coordinate(s, &mut chosen);
        out.candidates.extend(chosen);
        out.titles.extend(s.titles.iter().map(|h| TitleMention {
            span: h.start..h.end,
            sentence: s.index,
            title: h.what,
        }));
    }
    person::list_members(ctx, &mut out.candidates);
    out
}
