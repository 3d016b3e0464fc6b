//! Use: a read-only SPARQL 1.1 Protocol endpoint over the store (`GET /query?query=…`,
//! `POST /query` with a form or an `application/sparql-query` body). Results are SPARQL JSON by
//! default, or CSV, TSV or XML by the `Accept` header; graph results are N-Triples. Updates are
//! refused.

use crate::error::StoreError;
use crate::rdf::GraphStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::QueryResults;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

/// A response: status, content type, body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    fn text(status: u16, body: impl Into<String>) -> Self {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: body.into().into_bytes(),
        }
    }
}

/// Decode `application/x-www-form-urlencoded` text.
pub fn url_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of a parameter in a query string or form body.
pub fn param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (url_decode(k) == name).then(|| url_decode(v))
    })
}

/// Answer one request: method, path with query string, content type, accept header, body.
pub fn handle(store: &GraphStore, method: &str, url: &str, content_type: &str, accept: &str, body: &[u8]) -> Reply {
    let (path, query_string) = url.split_once('?').unwrap_or((url, ""));
    match (method, path) {
        ("GET", "/") => Reply::text(
            200,
            "guanxi SPARQL endpoint (read-only)\n  GET  /query?query=...\n  POST /query  (form query=... or application/sparql-query)\n",
        ),
        ("GET", "/query") => match param(query_string, "query") {
            Some(q) => answer(store, &q, accept),
            None => Reply::text(400, "missing query parameter"),
        },
        ("POST", "/query") => {
            let text = String::from_utf8_lossy(body);
            let q = if content_type.starts_with("application/sparql-query") {
                Some(text.into_owned())
            } else {
                param(&text, "query").or_else(|| param(query_string, "query"))
            };
            match q {
                Some(q) => answer(store, &q, accept),
                None => Reply::text(400, "missing query"),
            }
        }
        (_, "/update") => Reply::text(403, "this endpoint is read-only"),
        (_, "/query") => Reply::text(405, "use GET or POST"),
        _ => Reply::text(404, "not found: use /query"),
    }
}

fn answer(store: &GraphStore, query: &str, accept: &str) -> Reply {
    match run(store, query, accept) {
        Ok(r) => r,
        Err(StoreError::Syntax(e)) => Reply::text(400, format!("SPARQL syntax error: {e}")),
        Err(e) => Reply::text(500, e.to_string()),
    }
}

fn run(store: &GraphStore, query: &str, accept: &str) -> Result<Reply, StoreError> {
    let (format, content_type) = if accept.contains("text/csv") {
        (QueryResultsFormat::Csv, "text/csv; charset=utf-8")
    } else if accept.contains("text/tab-separated-values") {
        (QueryResultsFormat::Tsv, "text/tab-separated-values; charset=utf-8")
    } else if accept.contains("application/sparql-results+xml") {
        (QueryResultsFormat::Xml, "application/sparql-results+xml")
    } else {
        (QueryResultsFormat::Json, "application/sparql-results+json")
    };
    let mut body = Vec::new();
    match store.query(query)? {
        QueryResults::Boolean(b) => {
            QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut body, b)?;
        }
        QueryResults::Solutions(solutions) => {
            let vars = solutions.variables().to_vec();
            let mut ser = QueryResultsSerializer::from_format(format).serialize_solutions_to_writer(&mut body, vars)?;
            for s in solutions {
                ser.serialize(&s?)?;
            }
            ser.finish()?;
        }
        QueryResults::Graph(triples) => {
            let mut ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut body);
            for t in triples {
                ser.serialize_triple(&t?)?;
            }
            ser.finish()?;
            return Ok(Reply {
                status: 200,
                content_type: "application/n-triples",
                body,
            });
        }
    }
    Ok(Reply {
        status: 200,
        content_type,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_decoding() {
        assert_eq!(url_decode("a+b%20c%E9%B9%A4"), "a b c鹤");
        assert_eq!(param("x=1&query=SELECT%20*", "query").as_deref(), Some("SELECT *"));
        assert_eq!(url_decode("100%"), "100%");
    }

    #[test]
    fn endpoint_answers_and_refuses_updates() {
        let store = GraphStore::memory().expect("store");
        let r = handle(&store, "GET", "/query?query=ASK%7B%7D", "", "", b"");
        assert_eq!(r.status, 200);
        assert_eq!(String::from_utf8_lossy(&r.body), r#"{"head":{},"boolean":true}"#);
        assert_eq!(handle(&store, "POST", "/update", "", "", b"").status, 403);
        assert_eq!(handle(&store, "GET", "/query?query=SELEC", "", "", b"").status, 400);
        let r = handle(
            &store,
            "POST",
            "/query",
            "application/sparql-query",
            "text/csv",
            b"SELECT (1 AS ?x) {}",
        );
        assert_eq!(String::from_utf8_lossy(&r.body), "x\r\n1\r\n");
    }
}
