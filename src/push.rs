//! Use: push every named graph of the store to a remote store with the SPARQL 1.1 Graph Store HTTP
//! Protocol (`PUT <endpoint>?graph=<graph IRI>` with an N-Triples body) — how a corpus built in
//! shards reaches a store made for billions of triples.

use crate::rdf::GraphStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode};

/// What went wrong while pushing.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error(transparent)]
    Store(#[from] crate::error::StoreError),
    #[error("cannot serialise graph {graph}: {reason}")]
    Serialise { graph: String, reason: String },
    #[error("{endpoint}: graph {graph}: {reason}")]
    Http {
        endpoint: String,
        graph: String,
        reason: String,
    },
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Push all named graphs; returns (graphs, triples) sent. `progress` is told each graph's IRI.
pub fn push(store: &GraphStore, endpoint: &str, mut progress: impl FnMut(&str)) -> Result<(usize, usize), PushError> {
    let graphs: Vec<NamedOrBlankNode> = store
        .inner()
        .named_graphs()
        .collect::<Result<_, _>>()
        .map_err(crate::error::StoreError::from)?;
    let mut triples = 0;
    for g in &graphs {
        let NamedOrBlankNode::NamedNode(name) = g else { continue };
        let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for q in store
            .inner()
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(name.as_ref())))
        {
            let q = q.map_err(crate::error::StoreError::from)?;
            ser.serialize_triple(q.as_ref()).map_err(|e| PushError::Serialise {
                graph: name.as_str().to_owned(),
                reason: e.to_string(),
            })?;
            triples += 1;
        }
        let body = ser.finish().map_err(|e| PushError::Serialise {
            graph: name.as_str().to_owned(),
            reason: e.to_string(),
        })?;
        let sep = if endpoint.contains('?') { '&' } else { '?' };
        let url = format!("{endpoint}{sep}graph={}", percent_encode(name.as_str()));
        ureq::put(&url)
            .content_type("application/n-triples")
            .send(&body[..])
            .map_err(|e| PushError::Http {
                endpoint: endpoint.to_owned(),
                graph: name.as_str().to_owned(),
                reason: e.to_string(),
            })?;
        progress(name.as_str());
    }
    Ok((graphs.len(), triples))
}

#[cfg(test)]
mod tests {
    #[test]
    fn graph_iris_are_percent_encoded() {
        assert_eq!(
            super::percent_encode("https://x/doc/鹤.txt"),
            "https%3A%2F%2Fx%2Fdoc%2F%E9%B9%A4.txt"
        );
    }
}
