//! The only code that knows the order of the stages: Read → Split → Segment → Recognise → Resolve →
//! Relate, giving one [`Extraction`] per document (Store and Use come after, in `rdf` and the CLI).

use crate::error::{GazetteerError, InputError};
use crate::gazetteer::Gazetteer;
use crate::input::RawText;
use crate::model::{Document, Entity, Extraction, SentenceKind};
use crate::recognize::context::contexts;
use crate::recognize::lexicon::Lexicon;
use crate::segment::Segmenter;
use crate::{input, normalize, recognize, relate, resolve, split};
use std::path::Path;

/// The loaded gazetteer, automata and segmenter: build once, share across documents and threads.
#[derive(Debug, Clone, Copy)]
pub struct Pipeline {
    pub g: &'static Gazetteer,
    pub lex: &'static Lexicon,
    pub seg: &'static Segmenter,
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
        Ok(Pipeline { g, lex, seg })
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
        };
        let sentences = split::split(&doc.text);
        let ctx = contexts(&doc.text, &sentences, self.g, self.lex, self.seg);
        let recognized = recognize::recognize(&ctx);
        let mut resolved = resolve::resolve(&doc.text, &sentences, &recognized, self.g, &doc.file_name);
        let (relations, comentions) = relate::relate(&ctx, self.g, &recognized, &mut resolved);
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
