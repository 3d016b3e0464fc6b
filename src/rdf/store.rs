//! Store: oxigraph with one named graph per document. Writing a document replaces its graph in one
//! transaction, so a failed build never leaves an article half-written; queries see the union of all
//! graphs.

use super::mapping::Iris;
use super::vocab::gx;
use crate::error::StoreError;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::path::Path;

/// The RDF store of a build.
#[derive(Clone)]
pub struct GraphStore {
    store: Store,
}

impl std::fmt::Debug for GraphStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("GraphStore")
    }
}

/// What writing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A new document.
    Added,
    /// A document whose content changed: its old graph was replaced.
    Replaced,
}

impl GraphStore {
    /// An in-memory store (tests, `demo`).
    pub fn memory() -> Result<Self, StoreError> {
        Ok(GraphStore { store: Store::new()? })
    }

    /// Open (or create) the on-disk store at `path`.
    #[cfg(feature = "rocksdb")]
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(path).map_err(|e| StoreError::Open {
            path: path.to_path_buf(),
            source: e.into(),
        })?;
        Store::open(path)
            .map(|store| GraphStore { store })
            .map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })
    }

    #[cfg(not(feature = "rocksdb"))]
    pub fn open(_path: &Path) -> Result<Self, StoreError> {
        Err(StoreError::NoDiskStore)
    }

    /// Open an existing on-disk store for reading only.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        Store::open_read_only(path)
            .map(|store| GraphStore { store })
            .map_err(|source| StoreError::Open {
                path: path.to_path_buf(),
                source,
            })
    }

    #[cfg(not(feature = "rocksdb"))]
    pub fn open_read_only(_path: &Path) -> Result<Self, StoreError> {
        Err(StoreError::NoDiskStore)
    }

    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// The sha256 recorded for a document, if it is in the store.
    pub fn document_sha(&self, iris: &Iris, file_name: &str) -> Result<Option<String>, StoreError> {
        let doc = iris.document(file_name);
        for q in self.store.quads_for_pattern(
            Some(NamedOrBlankNodeRef::from(&doc)),
            Some(gx::SHA256),
            None,
            Some(GraphNameRef::NamedNode((&doc).into())),
        ) {
            if let Term::Literal(l) = q?.object {
                return Ok(Some(l.value().to_owned()));
            }
        }
        Ok(None)
    }

    /// Write documents: each one's graph is replaced by its quads, all in one transaction.
    pub fn write(&self, docs: &[(NamedNode, Vec<Quad>)]) -> Result<Vec<Written>, StoreError> {
        let mut t = self.store.start_transaction()?;
        let mut out = Vec::with_capacity(docs.len());
        for (graph, quads) in docs {
            let existed = t.contains_named_graph(graph)?;
            if existed {
                t.clear_graph(graph)?;
            }
            t.extend(quads);
            out.push(if existed { Written::Replaced } else { Written::Added });
        }
        t.commit()?;
        Ok(out)
    }

    /// Remove a document's graph.
    pub fn remove_document(&self, graph: &NamedNode) -> Result<(), StoreError> {
        let mut t = self.store.start_transaction()?;
        t.remove_named_graph(graph)?;
        t.commit()?;
        Ok(())
    }

    /// Evaluate a SPARQL query over the union of all graphs.
    pub fn query(&self, query: &str) -> Result<QueryResults<'static>, StoreError> {
        let mut q = SparqlEvaluator::new().parse_query(query)?;
        q.dataset_mut().set_default_graph_as_union();
        Ok(q.on_store(&self.store).execute()?)
    }

    /// Number of quads (all graphs).
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Flush to disk (no-op in memory).
    pub fn flush(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        self.store.flush()?;
        Ok(())
    }
}
