//! The benches' command line: `--name value` pairs after `cargo bench --bench NAME --`.

/// The value given after `--name`, if any.
pub fn value(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// Whether the flag `--name` is given.
#[allow(dead_code)] // (used by one bench, not the other)
pub fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}
