//! The only code that knows the order of the stages: Read → Split → Segment → Recognise → Resolve →
//! Relate, giving one [`Extraction`] per document (Store and Use come after, in `rdf` and the CLI).

use crate::error::{GazetteerError, InputError};
use crate::gazetteer::Gazetteer;
use crate::input::RawText;
use crate::model::{Document, Entity, Extraction, SentenceKind};
use crate::recognize::person::PersonModel;
use crate::segment::{Lexicon, Segmenter, contexts};
use crate::{input, normalize, recognize, relate, resolve, split};
use std::path::Path;

/// The loaded gazetteer, automata and segmenter: build once, share across documents and threads.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline {
    pub g: &'static Gazetteer,
    pub lex: &'static Lexicon,
    pub seg: &'static Segmenter,
    pub person: &'static PersonModel,
}

impl Pipeline {
    /// The pipeline over the embedded gazetteer (loads it on first call: ~1 s).
    pub fn new() -> Result<Self, GazetteerError> {
        let g = Gazetteer::embedded().map_err(Clone::clone)?;
        let lex = Lexicon::global().ok_or_else(|| GazetteerError {
            file: "*".into(),
            line: 0,
            reason: "cannot build the gazetteer automata".into(),
        })?;
        let seg = Segmenter::global().ok_or_else(|| GazetteerError {
            file: "*".into(),
            line: 0,
            reason: "cannot build the segmenter".into(),
        })?;
        let person = PersonModel::embedded().map_err(Clone::clone)?;
        Ok(Pipeline { g, lex, seg, person })
    }

    /// Read a file and extract its graph.
    pub fn extract_file(&self, path: &Path) -> Result<Extraction, InputError> {
        Ok(self.extract(input::read(path)?))
    }

    /// Extract the graph of one decoded text.
    pub fn extract(&self, raw: RawText) -> Extraction {
        let (text, offsets) = normalize::normalize(&raw.text);
        let doc = Document {
            file_name: raw.file_name,
            sha256: raw.sha256,
            encoding: raw.encoding,
            original: raw.text,
            text,
            offsets,
            base: raw.base,
            published: raw.meta.date.as_deref().and_then(crate::dates::published),
            meta: raw.meta,
        };
        let sentences = split::split(&doc.text);
        let ctx = contexts(&doc.text, &sentences, self.g, self.lex, self.seg);
        let mut recognized = recognize::recognize(&ctx, self.person);
        let mut resolved = resolve::resolve(&doc.text, &ctx, &sentences, &mut recognized, self.g, &doc.file_name);
        let reference = doc.published.as_ref().map(|(d, _)| *d);
        let (relations, comentions) =
            relate::relate(&ctx, self.g, &recognized, &mut resolved, &doc.file_name, reference);
        let headline = sentences
            .iter()
            .find(|s| s.kind == SentenceKind::Headline)
            .map(|s| doc.original_slice(&s.span));
        drop(ctx);
        let entities: Vec<Entity> = resolved.entities;
        Extraction {
            doc,
            sentences,
            entities,
            mentions: resolved.mentions,
            relations,
            comentions,
            headline,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{EntityKind, RelationKind};
    use crate::testing::extract;

    #[test]
    fn mentions_point_into_the_original_text_even_where_nfkc_changes_its_length() {
        // ㈠ becomes three characters under NFKC, full-width letters stay one each
        let x = extract("㈠鹤壁市召开会议\nＡＢＣ㈡市委书记马富国讲话。");
        let person = x
            .entities
            .iter()
            .position(|e| e.kind == EntityKind::Person)
            .expect("a person");
        let m = x.mentions.iter().find(|m| m.entity == person).expect("its mention");
        assert_eq!(x.doc.original_slice(&m.span), "马富国");
        let o = x.doc.offsets.original(&m.span);
        let before: String = x.doc.original.chars().take(o.start).collect();
        assert!(before.ends_with("市委书记"), "{before}");
    }

    #[test]
    fn every_fact_is_read_from_a_sentence_that_mentions_one_of_its_ends() {
        let x = extract("鹤壁市召开会议\n市委书记马富国到淇滨区督导。");
        // (where-things-are facts may come from a title alone: 市委书记 puts 市委 in 鹤壁市)
        let facts: Vec<_> = x
            .relations
            .iter()
            .filter(|r| !matches!(r.kind, RelationKind::Location | RelationKind::ContainedIn))
            .collect();
        assert!(facts.len() >= 3, "post, leads, inspected: {facts:?}");
        for r in facts {
            assert!(r.sentence < x.sentences.len());
            let mentioned = x
                .mentions
                .iter()
                .any(|m| m.sentence == r.sentence && (m.entity == r.subject || m.entity == r.object));
            let (s, o) = (&x.entities[r.subject].name, &x.entities[r.object].name);
            assert!(
                mentioned,
                "{s} {:?} {o}: neither end in sentence {}",
                r.kind, r.sentence
            );
        }
    }
}
