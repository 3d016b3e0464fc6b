//! Store: the RDF vocabulary, the mapping of an extraction to quads, and the oxigraph store.

pub mod bind;
pub mod mapping;
pub mod store;
pub mod vocab;

pub use mapping::{DocumentQuads, Iris, quads};
pub use store::{COMMIT_QUADS, GraphStore, Loader, Written};
