//! N-Quads (every graph, as stored) and Turtle (the union of all graphs, with the design's
//! prefixes) dumps of the store.

use crate::error::StoreError;
use crate::rdf::GraphStore;
use crate::rdf::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Triple;
use std::collections::HashSet;
use std::io::Write;

/// All quads, with their graphs.
pub fn nquads<W: Write>(store: &GraphStore, w: W) -> Result<W, StoreError> {
    store
        .inner()
        .dump_to_writer(RdfFormat::NQuads, w)
        .map_err(|e| StoreError::Results(e.to_string()))
}

/// The union of all graphs as Turtle (a triple stated by several articles is written once).
pub fn turtle<W: Write>(store: &GraphStore, w: W) -> Result<W, StoreError> {
    let mut ser = RdfSerializer::from_format(RdfFormat::Turtle);
    for (p, ns) in PREFIXES {
        ser = ser.with_prefix(*p, *ns).map_err(|e| StoreError::Iri {
            iri: (*ns).to_owned(),
            reason: e.to_string(),
        })?;
    }
    let mut ser = ser.for_writer(w);
    let mut seen: HashSet<Triple> = HashSet::new();
    let mut quads: Vec<_> = store.inner().iter().collect::<Result<_, _>>()?;
    quads.sort_by(|a, b| {
        (a.subject.to_string(), a.predicate.as_str()).cmp(&(b.subject.to_string(), b.predicate.as_str()))
    });
    for q in quads {
        let t = Triple::from(q);
        if seen.insert(t.clone()) {
            ser.serialize_triple(&t)?;
        }
    }
    Ok(ser.finish()?)
}
