//! guanxi turns Chinese news text into a knowledge graph of the people, organisations, places and
//! checkpoints it names and of how they are tied together, stored in an RDF store that answers
//! SPARQL.
//!
//! The pipeline, one module per stage, in the order data flows (see [`pipeline`]):
//!
//! 1. [`input`] and [`normalize`] — Read: decode files (UTF-8, UTF-16, GB18030), NFKC with an offset
//!    map back to the original text.
//! 2. [`split`] — paragraphs, sentences, headlines, bylines, captions, news items.
//! 3. [`segment`] — jieba-rs taught every gazetteer name; each sentence prepared with its tokens and
//!    the gazetteer words in it. [`grammar`] reads constructions the later stages share (lists).
//! 4. [`recognize`] — gazetteer matching and patterns for people, organisations, places, checkpoints.
//! 5. [`resolve`] — one entity per real thing: home area, implicit scope, aliases, division codes.
//! 6. [`relate`] — posts, heads, visits, service, gifts, membership, co-mentions, with evidence.
//! 7. [`rdf`] — Store: the data model in oxigraph, one named graph per document.
//! 8. [`query`], [`mentions`], [`export`], [`serve`] (with the [`explore`]r), [`push`], [`jsonl`] — Use.
//!
//! [`gazetteer`] holds the data tables; [`model`] the plain data passed between stages.

pub mod dates;
pub mod error;
pub mod gazetteer;
pub mod identity;
pub mod model;

pub mod grammar;
pub mod input;
pub mod normalize;
pub mod rdf;
pub mod recognize;
pub mod relate;
pub mod resolve;
pub mod segment;
pub mod split;

pub mod demo;
pub mod explore;
pub mod export;
pub mod jsonl;
pub mod mentions;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod serve;

pub use pipeline::Pipeline;

#[cfg(test)]
mod testing;
