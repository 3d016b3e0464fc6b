//! Typed errors of the library. The CLI wraps them with `anyhow` context at its edge.

use std::path::PathBuf;

/// Why an input file could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: empty file")]
    Empty { path: PathBuf },
    #[error("{path}: not text (binary content at byte {offset})")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: undecodable: neither UTF-8 nor GB18030 ({detail})")]
    Undecodable { path: PathBuf, detail: String },
    #[error("{path}: no Chinese text (nothing to extract)")]
    NoText { path: PathBuf },
    /// A record of a JSON Lines, JSON, CSV or TSV file (`origin`: file and line or record).
    #[error("{origin}: {reason}")]
    Record {
        path: PathBuf,
        origin: String,
        reason: String,
    },
}

impl InputError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::Io { path, .. }
            | Self::Empty { path }
            | Self::Binary { path, .. }
            | Self::Undecodable { path, .. }
            | Self::NoText { path }
            | Self::Record { path, .. } => path,
        }
    }
}

/// A gazetteer data file that does not parse.
#[derive(Debug, Clone, thiserror::Error)]
#[error("gazetteer/{file}:{line}: {reason}")]
pub struct GazetteerError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

/// Errors of the RDF store and of SPARQL.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open store {path}: {source}")]
    Open {
        path: PathBuf,
        #[source]
        source: oxigraph::store::StorageError,
    },
    #[error("this guanxi was built without the on-disk store (feature `rocksdb`)")]
    NoDiskStore,
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("SPARQL syntax error: {0}")]
    Syntax(#[from] oxigraph::sparql::SparqlSyntaxError),
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error("invalid IRI {iri}: {reason}")]
    Iri { iri: String, reason: String },
    #[error("--bind {var}: {reason}")]
    Bind { var: String, reason: String },
    #[error("cannot write results: {0}")]
    Write(#[from] std::io::Error),
    #[error("cannot serialize results: {0}")]
    Results(String),
}
