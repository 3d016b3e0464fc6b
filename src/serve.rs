//! Use: a read-only SPARQL 1.1 Protocol endpoint over the store (`GET /query?query=…`,
//! `POST /query` with a form or an `application/sparql-query` body). Results are SPARQL JSON by
//! default, or CSV, TSV or XML by the `Accept` header; graph results are N-Triples. Updates are
//! refused.
//!
//! No query can take the endpoint down: each has a time limit ([`Limits::timeout`], enforced by
//! oxigraph's cancellation from a [`Watchdog`]) and is answered 503 when it runs past it; requests
//! larger than [`Limits::max_request`] are answered 413; results are streamed as they are found,
//! never built whole in memory. The pool of workers and its queue are the server's (`cli/serve`).

use crate::error::StoreError;
use crate::rdf::GraphStore;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What one request may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time to evaluate a query and send its results.
    pub timeout: Duration,
    /// Bytes of a request's query (URL or body).
    pub max_request: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(10),
            max_request: 1 << 20,
        }
    }
}

/// Cancels the queries that run past their deadline; [`Watchdog::tick`] is called often (the
/// server calls it every 20 ms from a thread of its own).
#[derive(Default)]
pub struct Watchdog {
    deadlines: Mutex<Vec<(Instant, CancellationToken)>>,
}

impl Watchdog {
    /// A token cancelled `timeout` from now.
    pub fn watch(&self, timeout: Duration) -> CancellationToken {
        let token = CancellationToken::new();
        if let Ok(mut d) = self.deadlines.lock() {
            d.push((Instant::now() + timeout, token.clone()));
        }
        token
    }

    /// Cancel every query past its deadline.
    pub fn tick(&self) {
        let now = Instant::now();
        if let Ok(mut d) = self.deadlines.lock() {
            d.retain(|(deadline, token)| {
                if *deadline <= now {
                    token.cancel();
                    false
                } else {
                    true
                }
            });
        }
    }
}

/// A response body: whole, or streamed as the results are found.
pub enum Body {
    Bytes(Vec<u8>),
    Stream(Box<dyn Read>),
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
            Body::Stream(_) => write!(f, "Stream"),
        }
    }
}

/// A response: status, content type, body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Body,
}

impl Reply {
    fn text(status: u16, body: impl Into<String>) -> Self {
        Reply {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Body::Bytes(body.into().into_bytes()),
        }
    }

    /// The whole body (a stream read to its end; an error mid-stream ends it).
    pub fn into_bytes(self) -> Vec<u8> {
        match self.body {
            Body::Bytes(b) => b,
            Body::Stream(mut r) => {
                let mut b = Vec::new();
                let _ = r.read_to_end(&mut b);
                b
            }
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

/// One request as the server received it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub method: &'a str,
    /// Path with query string.
    pub url: &'a str,
    pub content_type: &'a str,
    pub accept: &'a str,
    pub body: &'a [u8],
}

/// Work that reads the store: a SPARQL query, or a call of the explorer's JSON API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    Sparql {
        query: String,
        accept: String,
    },
    Search {
        q: String,
        kind: Option<String>,
        limit: usize,
    },
    Entity {
        iri: String,
        offset: usize,
        limit: usize,
    },
    Graph {
        iri: String,
        top: usize,
    },
}

/// What a request asks for: an answer known at once, or work on the store.
#[derive(Debug)]
pub enum Route {
    Reply(Reply),
    Job(Job),
}

/// The explorer's files, compiled into the binary (it works offline). The graph library is
/// cytoscape.js, vendored at a pinned version by `scripts/vendor-cytoscape.sh`.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "/",
        "text/html; charset=utf-8",
        include_str!("../assets/explorer/index.html"),
    ),
    (
        "/assets/explorer.js",
        "text/javascript; charset=utf-8",
        include_str!("../assets/explorer/explorer.js"),
    ),
    (
        "/assets/explorer.css",
        "text/css; charset=utf-8",
        include_str!("../assets/explorer/explorer.css"),
    ),
    (
        "/assets/cytoscape.min.js",
        "text/javascript; charset=utf-8",
        include_str!("../assets/vendor/cytoscape-3.35.0/cytoscape.min.js"),
    ),
    (
        "/assets/cytoscape-LICENSE.txt",
        "text/plain; charset=utf-8",
        include_str!("../assets/vendor/cytoscape-3.35.0/LICENSE"),
    ),
];

/// The shipped queries, the SPARQL box's examples.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "who-led-which-checkpoint",
        include_str!("../queries/who-led-which-checkpoint.rq"),
    ),
    ("inspections", include_str!("../queries/inspections.rq")),
    ("donations", include_str!("../queries/donations.rq")),
    ("timeline-of-entity", include_str!("../queries/timeline-of-entity.rq")),
    ("posts-of-person", include_str!("../queries/posts-of-person.rq")),
    ("officials-of-area", include_str!("../queries/officials-of-area.rq")),
    (
        "co-mentions-of-entity",
        include_str!("../queries/co-mentions-of-entity.rq"),
    ),
    ("mentions-of-entity", include_str!("../queries/mentions-of-entity.rq")),
    (
        "units-of-organisation",
        include_str!("../queries/units-of-organisation.rq"),
    ),
    ("entities-by-type", include_str!("../queries/entities-by-type.rq")),
];

fn json(status: u16, v: &impl Serialize) -> Reply {
    Reply {
        status,
        content_type: "application/json",
        body: Body::Bytes(serde_json::to_vec(v).unwrap_or_default()),
    }
}

fn number(query_string: &str, name: &str, default: usize, max: usize) -> usize {
    param(query_string, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
        .min(max)
}

/// Read a request: the work it asks for, or the answer to it when it asks for none.
pub fn route(limits: &Limits, r: Request<'_>) -> Route {
    let (path, query_string) = r.url.split_once('?').unwrap_or((r.url, ""));
    if query_string.len() > limits.max_request || r.body.len() > limits.max_request {
        return Route::Reply(Reply::text(
            413,
            format!(
                "request too large: a query may have at most {} bytes",
                limits.max_request
            ),
        ));
    }
    if r.method == "GET" {
        if let Some((_, ct, body)) = ASSETS.iter().find(|(p, _, _)| *p == path) {
            return Route::Reply(Reply {
                status: 200,
                content_type: ct,
                body: Body::Bytes(body.as_bytes().to_vec()),
            });
        }
    }
    let query = match (r.method, path) {
        ("GET", "/api/examples") => {
            let list: Vec<serde_json::Value> = EXAMPLES
                .iter()
                .map(|(name, text)| serde_json::json!({ "name": name, "query": text }))
                .collect();
            return Route::Reply(json(200, &list));
        }
        ("GET", "/api/search") => {
            return Route::Job(Job::Search {
                q: param(query_string, "q").unwrap_or_default(),
                kind: param(query_string, "type").filter(|t| !t.is_empty()),
                limit: number(query_string, "limit", 20, crate::explore::MAX_HITS),
            });
        }
        ("GET", "/api/entity") | ("GET", "/api/graph") => {
            let Some(iri) = param(query_string, "iri") else {
                return Route::Reply(Reply::text(400, "missing iri parameter"));
            };
            return Route::Job(if path == "/api/entity" {
                Job::Entity {
                    iri,
                    offset: number(query_string, "offset", 0, usize::MAX),
                    limit: number(query_string, "limit", 20, 500),
                }
            } else {
                Job::Graph {
                    iri,
                    top: number(query_string, "top", 25, 200),
                }
            });
        }
        ("GET", "/query") => param(query_string, "query"),
        ("POST", "/query") => {
            let text = String::from_utf8_lossy(r.body);
            if r.content_type.starts_with("application/sparql-query") {
                Some(text.into_owned())
            } else {
                param(&text, "query").or_else(|| param(query_string, "query"))
            }
        }
        (_, "/update") => return Route::Reply(Reply::text(403, "this endpoint is read-only")),
        (_, "/query") => return Route::Reply(Reply::text(405, "use GET or POST")),
        _ => return Route::Reply(Reply::text(404, "not found: the explorer is at /, SPARQL at /query")),
    };
    match query {
        Some(query) => Route::Job(Job::Sparql {
            query,
            accept: r.accept.to_owned(),
        }),
        None => Route::Reply(Reply::text(400, "missing query parameter")),
    }
}

/// Answer one request in this process (a query stopped by `watchdog` at its time limit).
pub fn handle(store: &GraphStore, watchdog: &Watchdog, limits: &Limits, r: Request<'_>) -> Reply {
    match route(limits, r) {
        Route::Reply(reply) => reply,
        Route::Job(job) => run_job(store, watchdog, limits, &job),
    }
}

/// Do `job` over the store and answer it.
pub fn run_job(store: &GraphStore, watchdog: &Watchdog, limits: &Limits, job: &Job) -> Reply {
    let api = |r: Result<Reply, StoreError>| r.unwrap_or_else(|e| Reply::text(500, e.to_string()));
    match job {
        Job::Sparql { query, accept } => answer(store, watchdog, limits, query, accept),
        Job::Search { q, kind, limit } => {
            api(crate::explore::search(store, q, kind.as_deref(), *limit).map(|h| json(200, &h)))
        }
        Job::Entity { iri, offset, limit } => api(crate::explore::entity(
            store,
            iri,
            crate::mentions::Page {
                offset: *offset,
                limit: Some(*limit),
            },
        )
        .map(|p| match p {
            Some(p) => json(200, &p),
            None => Reply::text(404, format!("no entity {iri}")),
        })),
        Job::Graph { iri, top } => api(crate::explore::neighbourhood(store, iri, *top).map(|g| json(200, &g))),
    }
}

/// Write `reply` for the server that runs queries in a process of their own: a first line
/// `STATUS CONTENT-TYPE`, then the body as it comes.
pub fn write_framed(reply: Reply, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} {}", reply.status, reply.content_type)?;
    match reply.body {
        Body::Bytes(b) => out.write_all(&b)?,
        Body::Stream(mut r) => {
            std::io::copy(&mut r, out)?;
        }
    }
    out.flush()
}

/// Read the first line of a framed reply: status and content type.
pub fn read_frame_head(line: &str) -> Option<(u16, String)> {
    let (status, ct) = line.trim_end().split_once(' ')?;
    Some((status.parse().ok()?, ct.to_owned()))
}

/// Evaluate `query` in this process and answer it.
pub fn answer(store: &GraphStore, watchdog: &Watchdog, limits: &Limits, query: &str, accept: &str) -> Reply {
    let token = watchdog.watch(limits.timeout);
    match run(store, query, accept, token) {
        Ok(r) => r,
        Err(StoreError::Syntax(e)) => Reply::text(400, format!("SPARQL syntax error: {e}")),
        Err(StoreError::Evaluation(QueryEvaluationError::Cancelled)) => Reply::text(
            503,
            format!(
                "the query ran past the time limit of {} s and was stopped",
                limits.timeout.as_secs_f64()
            ),
        ),
        Err(e) => Reply::text(500, e.to_string()),
    }
}

/// A `Write` into a buffer the stream reads from.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(b);
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Results serialized one by one as the reader asks for bytes: `next` writes the next item into
/// the buffer (or finishes the document) and says whether there was one.
struct Streamed<F: FnMut() -> std::io::Result<bool>> {
    buf: Shared,
    pos: usize,
    next: F,
    done: bool,
    /// The query's time limit holds while its results are sent, too.
    token: CancellationToken,
}

impl<F: FnMut() -> std::io::Result<bool>> Read for Streamed<F> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            {
                let b = self.buf.0.borrow();
                if self.pos < b.len() {
                    let n = (b.len() - self.pos).min(out.len());
                    out[..n].copy_from_slice(&b[self.pos..self.pos + n]);
                    self.pos += n;
                    return Ok(n);
                }
            }
            self.buf.0.borrow_mut().clear();
            self.pos = 0;
            if self.done {
                return Ok(0);
            }
            if self.token.is_cancelled() {
                self.done = true;
                return Err(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "the query ran past its time limit while its results were sent",
                ));
            }
            match (self.next)() {
                Ok(more) => self.done = !more,
                Err(e) => {
                    self.done = true;
                    return Err(e);
                }
            }
        }
    }
}

/// A stream of results: `first`, then the rest of `items`, each written by `write` with the
/// serializer `ser` into `buf`, and the document closed by `finish` after the last.
fn streamed<T: 'static, E: std::error::Error + Send + Sync + 'static, W: 'static>(
    buf: Shared,
    token: CancellationToken,
    first: Option<T>,
    mut items: impl Iterator<Item = Result<T, E>> + 'static,
    ser: W,
    write: impl Fn(&mut W, &T) -> std::io::Result<()> + 'static,
    finish: impl Fn(W) -> std::io::Result<()> + 'static,
) -> Box<dyn Read> {
    let mut first = first;
    let mut ser = Some(ser);
    Box::new(Streamed {
        buf,
        pos: 0,
        done: false,
        token,
        next: move || {
            let item = match first.take() {
                Some(x) => Some(Ok(x)),
                None => items.next(),
            };
            match item {
                Some(Ok(x)) => {
                    if let Some(w) = ser.as_mut() {
                        write(w, &x)?;
                    }
                    Ok(true)
                }
                Some(Err(e)) => Err(std::io::Error::other(e)),
                None => {
                    if let Some(w) = ser.take() {
                        finish(w)?;
                    }
                    Ok(false)
                }
            }
        },
    })
}

fn run(store: &GraphStore, query: &str, accept: &str, token: CancellationToken) -> Result<Reply, StoreError> {
    let (format, content_type) = if accept.contains("text/csv") {
        (QueryResultsFormat::Csv, "text/csv; charset=utf-8")
    } else if accept.contains("text/tab-separated-values") {
        (QueryResultsFormat::Tsv, "text/tab-separated-values; charset=utf-8")
    } else if accept.contains("application/sparql-results+xml") {
        (QueryResultsFormat::Xml, "application/sparql-results+xml")
    } else {
        (QueryResultsFormat::Json, "application/sparql-results+json")
    };
    let buf = Shared::default();
    let body: Box<dyn Read> = match store.query_cancellable(query, &[], token.clone())? {
        QueryResults::Boolean(b) => {
            let mut body = Vec::new();
            QueryResultsSerializer::from_format(format).serialize_boolean_to_writer(&mut body, b)?;
            return Ok(Reply {
                status: 200,
                content_type,
                body: Body::Bytes(body),
            });
        }
        QueryResults::Solutions(mut solutions) => {
            // the first solution is found before the answer starts, so that an error or a timeout
            // there is told by the status
            let first = solutions.next().transpose()?;
            let vars = solutions.variables().to_vec();
            let ser = QueryResultsSerializer::from_format(format).serialize_solutions_to_writer(buf.clone(), vars)?;
            streamed(
                buf,
                token,
                first,
                solutions,
                ser,
                |w, s| w.serialize(s),
                |w| w.finish().map(drop),
            )
        }
        QueryResults::Graph(mut triples) => {
            let first = triples.next().transpose()?;
            let ser = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(buf.clone());
            let body = streamed(
                buf,
                token,
                first,
                triples,
                ser,
                |w, t| w.serialize_triple(t),
                |w| w.finish().map(drop),
            );
            return sent(body, "application/n-triples");
        }
    };
    sent(body, content_type)
}

/// Results up to this size are gathered before the answer starts, so that a timeout or an error
/// while they are found is told by the status (503, 500); larger ones are streamed.
const GATHERED: usize = 8 << 20;

/// The answer of a result stream: gathered whole when it is small, else streamed. A streamed
/// answer that fails or runs out of time ends where it is (a JSON or XML document then does not
/// parse; CSV and TSV lose their last rows).
fn sent(mut body: Box<dyn Read>, content_type: &'static str) -> Result<Reply, StoreError> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 64 << 10];
    while head.len() < GATHERED {
        match body.read(&mut chunk) {
            Ok(0) => {
                return Ok(Reply {
                    status: 200,
                    content_type,
                    body: Body::Bytes(head),
                });
            }
            Ok(n) => head.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                return Err(StoreError::Evaluation(QueryEvaluationError::Cancelled));
            }
            Err(e) => return Err(StoreError::Results(e.to_string())),
        }
    }
    Ok(Reply {
        status: 200,
        content_type,
        body: Body::Stream(Box::new(std::io::Cursor::new(head).chain(EndOnError(body)))),
    })
}

/// A reader whose error is its end (a chunked HTTP answer is then closed properly).
struct EndOnError(Box<dyn Read>);

impl Read for EndOnError {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        Ok(self.0.read(out).unwrap_or(0))
    }
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

    fn req<'a>(method: &'a str, url: &'a str, content_type: &'a str, accept: &'a str, body: &'a [u8]) -> Request<'a> {
        Request {
            method,
            url,
            content_type,
            accept,
            body,
        }
    }

    #[test]
    fn endpoint_answers_and_refuses_updates() {
        let store = GraphStore::memory().expect("store");
        let (w, l) = (Watchdog::default(), Limits::default());
        let r = handle(&store, &w, &l, req("GET", "/query?query=ASK%7B%7D", "", "", b""));
        assert_eq!(r.status, 200);
        assert_eq!(
            String::from_utf8_lossy(&r.into_bytes()),
            r#"{"head":{},"boolean":true}"#
        );
        assert_eq!(handle(&store, &w, &l, req("POST", "/update", "", "", b"")).status, 403);
        assert_eq!(
            handle(&store, &w, &l, req("GET", "/query?query=SELEC", "", "", b"")).status,
            400
        );
        let r = handle(
            &store,
            &w,
            &l,
            req(
                "POST",
                "/query",
                "application/sparql-query",
                "text/csv",
                b"SELECT (1 AS ?x) {}",
            ),
        );
        assert_eq!(String::from_utf8_lossy(&r.into_bytes()), "x\r\n1\r\n");
        let r = handle(
            &store,
            &w,
            &l,
            req(
                "POST",
                "/query",
                "application/sparql-query",
                "",
                b"SELECT ?x { ?x <http://x/p> ?y }",
            ),
        );
        assert_eq!(
            String::from_utf8_lossy(&r.into_bytes()),
            r#"{"head":{"vars":["x"]},"results":{"bindings":[]}}"#
        );
    }

    #[test]
    fn a_query_past_its_time_is_stopped_and_a_large_one_refused() {
        let store = GraphStore::memory().expect("store");
        let w = Watchdog::default();
        let l = Limits {
            timeout: Duration::from_millis(50),
            max_request: 100,
        };
        // a cancelled token stops evaluation: the watchdog's tick is what cancels it
        let token = w.watch(Duration::ZERO);
        w.tick();
        assert!(token.is_cancelled());
        let big = vec![b'x'; 101];
        assert_eq!(
            handle(
                &store,
                &w,
                &l,
                req("POST", "/query", "application/sparql-query", "", &big)
            )
            .status,
            413
        );
    }
}
