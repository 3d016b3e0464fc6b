//! Use: export the graph — GraphML for Gephi and networkx (two views: co-mentions, relations),
//! N-Quads, Turtle, and CSV node and edge tables. The store is read into a petgraph graph first
//! ([`graph::load`]); the writers work on that graph.

pub mod csv;
pub mod graph;
pub mod graphml;
pub mod rdf;

pub use graph::{Edge, ExportGraph, Node, View, load};
