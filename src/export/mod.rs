//! Use: export the graph — GraphML for Gephi and networkx (two views: co-mentions, relations),
//! GEXF with a timeline, N-Quads, Turtle, and CSV node and edge tables. The store is read into a
//! petgraph graph first ([`graph::load`], for a window of days), cut down by a [`filter::Filter`],
//! and the writers work on that graph.

pub mod csv;
pub mod filter;
pub mod gexf;
pub mod graph;
pub mod graphml;
pub mod rdf;

pub use filter::Filter;
pub use graph::{Day, Edge, ExportGraph, Node, View, Window, load};
