//! Use: run a SPARQL query over the store and print its results as a table, SPARQL 1.1 Query
//! Results JSON, CSV or TSV (graph results as N-Triples).

use crate::error::StoreError;
use crate::rdf::vocab::{DEFAULT_BASE, PREFIXES};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use std::io::Write;

/// How to print query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultFormat {
    /// Aligned columns for a terminal, IRIs shortened with the design's prefixes.
    #[default]
    Table,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    Csv,
    Tsv,
}

/// Print `results` to `out`; returns the number of rows (or triples).
pub fn write_results(
    results: QueryResults<'_>,
    format: ResultFormat,
    out: &mut dyn Write,
) -> Result<usize, StoreError> {
    let sparesults_format = match format {
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Table => None,
    };
    match results {
        QueryResults::Boolean(b) => {
            match sparesults_format {
                Some(f) => {
                    QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, b)?;
                }
                None => writeln!(out, "{b}")?,
            }
            Ok(1)
        }
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            if let Some(f) = sparesults_format {
                let mut ser = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, vars)?;
                let mut n = 0;
                for s in solutions {
                    ser.serialize(&s?)?;
                    n += 1;
                }
                ser.finish()?;
                if f == QueryResultsFormat::Json {
                    writeln!(out)?;
                }
                return Ok(n);
            }
            let mut rows: Vec<Vec<String>> = Vec::new();
            for s in solutions {
                let s = s?;
                rows.push(
                    vars.iter()
                        .map(|v| s.get(v).map(short_term).unwrap_or_default())
                        .collect(),
                );
            }
            let header: Vec<String> = vars.iter().map(|v| v.as_str().to_owned()).collect();
            write_table(out, &header, &rows)?;
            Ok(rows.len())
        }
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut *out);
            let mut n = 0;
            for t in triples {
                ser.serialize_triple(&t?)?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
    }
}

/// A term as a person reads it: prefixed IRIs, bare literal values.
pub fn short_term(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => short_iri(n.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        #[allow(unreachable_patterns)]
        _ => t.to_string(),
    }
}

/// `https://w3id.org/guanxi/ns#leads` → `gx:leads`; entity IRIs → `id:…`.
pub fn short_iri(iri: &str) -> String {
    for (p, ns) in PREFIXES {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{p}:{rest}");
        }
    }
    if let Some(rest) = iri.strip_prefix(DEFAULT_BASE) {
        return format!("id:{rest}");
    }
    iri.to_owned()
}

/// Display width: East Asian wide characters take two columns.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// Print rows under a header in aligned columns.
pub fn write_table(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(width(c).min(60));
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c = c.replace('\n', " ");
            s.push_str(&c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i].saturating_sub(width(&c)) + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, header)?;
    line(out, &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>())?;
    for r in rows {
        line(out, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_are_shortened() {
        assert_eq!(short_iri("https://w3id.org/guanxi/ns#leads"), "gx:leads");
        assert_eq!(short_iri("https://w3id.org/guanxi/id/place/4106"), "id:place/4106");
        assert_eq!(short_iri("http://example.org/x"), "http://example.org/x");
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("鹤壁a"), 5);
    }
}
