//! End-to-end and integration tests: one test binary (it links once), one module per area.

mod architecture;
mod browser;
mod cli;
mod crash;
mod export;
mod extract;
mod inputs;
mod mentions;
mod queries;
mod rdf_shape;
mod rules;
mod serve;
mod store;
mod util;
mod virtuoso;
