//! `guanxi serve`: a read-only SPARQL 1.1 Protocol endpoint over the store that no query can take
//! down: a pool of workers fed from a bounded queue (429 when it is full), a size limit per request
//! (413), and each query evaluated in a process of its own (`guanxi serve-query`, reading the
//! store read-only) that is killed at the time limit (503) — oxigraph's cancellation stops most
//! queries itself, but not one that sorts or joins what it already holds in memory. Results are
//! streamed from that process as they come.

use super::StoreArg;
use anyhow::Context;
use guanxi::serve::{Body, Job, Limits, Request, Route, Watchdog, read_frame_head, route, run_job, write_framed};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Address to listen on (loopback by default: give 0.0.0.0:PORT to serve other machines).
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Seconds a query may run (evaluation and sending its results) before it is stopped with 503.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub query_timeout: f64,
    /// Queries evaluated at once. A runaway query holds one worker until its time limit, so keep
    /// this above the number of careless clients you expect.
    #[arg(long, default_value_t = 16)]
    pub workers: usize,
    /// Requests waiting for a worker; past that a request is answered 429 at once.
    #[arg(long, default_value_t = 64)]
    pub queue: usize,
    /// Largest query accepted, in bytes (413 beyond).
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    pub max_request: usize,
    /// Memory one query's process may take, in MiB (its address space: the store's mapped files
    /// count too); a query that needs more is stopped (503). 0: no limit.
    #[arg(long, value_name = "MIB", default_value_t = 2048)]
    pub query_memory: u64,
}

fn respond(req: tiny_http::Request, status: u16, content_type: &str, body: Body) {
    let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], content_type.as_bytes()).ok();
    let result = match body {
        Body::Bytes(b) => {
            let mut resp = tiny_http::Response::from_data(b).with_status_code(status);
            if let Some(h) = header {
                resp = resp.with_header(h);
            }
            req.respond(resp)
        }
        Body::Stream(r) => {
            // (a stream the time limit stops ends with the connection, so that the client sees
            // the end of an incomplete answer rather than waiting for the rest)
            let close = tiny_http::Header::from_bytes(&b"Connection"[..], &b"close"[..]).ok();
            let resp = tiny_http::Response::new(
                tiny_http::StatusCode(status),
                header.into_iter().chain(close).collect(),
                r,
                None,
                None,
            );
            req.respond(resp)
        }
    };
    // a client that went away, or a stream stopped by the time limit: nothing more to say to it
    let _ = result;
}

/// `guanxi serve-query` (used by `serve`, not by hand): do the job on standard input (JSON: a
/// SPARQL query or an explorer call) over the store, and write the framed answer (`STATUS
/// CONTENT-TYPE` line, then the body) on standard output.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub store: StoreArg,
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    pub query_timeout: f64,
}

pub fn run_query(a: QueryArgs) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .context("cannot read the job")?;
    let job: Job = serde_json::from_str(&text).context("the job is not one serve sends")?;
    let store = super::open_existing(&a.store.store)?;
    let limits = Limits {
        timeout: Duration::from_secs_f64(a.query_timeout.max(0.001)),
        max_request: usize::MAX,
    };
    let watchdog = Arc::new(Watchdog::default());
    {
        let watchdog = Arc::clone(&watchdog);
        std::thread::spawn(move || {
            loop {
                watchdog.tick();
                std::thread::sleep(Duration::from_millis(20));
            }
        });
    }
    let reply = run_job(&store, &watchdog, &limits, &job);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(64 << 10, stdout.lock());
    // (the server going away ends this process's work: nothing to report)
    let _ = write_framed(reply, &mut out);
    Ok(ExitCode::SUCCESS)
}

/// Bytes gathered before an answer starts: a query that ends within them is answered whole, with
/// the status its process gave.
const GATHERED: usize = 8 << 20;

/// The process evaluating one query, its output read by a thread of its own into a channel so
/// that the worker can wait with a deadline.
struct Evaluation {
    child: Child,
    chunks: Receiver<Vec<u8>>,
    deadline: Instant,
}

impl Evaluation {
    fn start(exe: &Path, store: &Path, limits: &Limits, memory: u64, job: &Job) -> std::io::Result<Self> {
        // (the memory limit is set by the shell's ulimit before it becomes the query's process)
        let mut command = if memory > 0 {
            let mut c = Command::new("/bin/sh");
            c.arg("-c")
                .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", memory * 1024))
                .arg(exe);
            c
        } else {
            Command::new(exe)
        };
        let mut child = command
            .arg("serve-query")
            .arg("--store")
            .arg(store)
            .arg("--query-timeout")
            .arg(limits.timeout.as_secs_f64().to_string())
            // (few malloc arenas: the address space a query's process reserves without using it
            // stays small, so the memory limit measures what the query takes)
            .env("MALLOC_ARENA_MAX", "2")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            serde_json::to_writer(&mut stdin, job)?;
        }
        let stdout: ChildStdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no output from the query's process"))?;
        let (tx, chunks) = sync_channel::<Vec<u8>>(16);
        std::thread::spawn(move || {
            let mut stdout = stdout;
            let mut buf = vec![0u8; 64 << 10];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Ok(Evaluation {
            child,
            chunks,
            deadline: Instant::now() + limits.timeout,
        })
    }

    /// The next chunk of output; `Ok(None)` at its end, `Err` when the deadline passed.
    fn next(&mut self) -> Result<Option<Vec<u8>>, ()> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        match self.chunks.recv_timeout(left) {
            Ok(c) => Ok(Some(c)),
            Err(RecvTimeoutError::Disconnected) => Ok(None),
            Err(RecvTimeoutError::Timeout) => {
                self.stop();
                Err(())
            }
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Evaluation {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The rest of an answer, read from the query's process until it ends or its time is up (then the
/// process is killed and the answer ends where it is).
struct Rest {
    eval: Evaluation,
    pending: std::io::Cursor<Vec<u8>>,
}

impl Read for Rest {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.pending.read(out)?;
            if n > 0 {
                return Ok(n);
            }
            match self.eval.next() {
                Ok(Some(c)) => self.pending = std::io::Cursor::new(c),
                Ok(None) | Err(()) => return Ok(0),
            }
        }
    }
}

const TEXT: &str = "text/plain; charset=utf-8";

/// Do a job (a query, an explorer call) in a process of its own and answer it.
fn isolated(exe: &Path, store: &Path, limits: &Limits, memory: u64, job: &Job) -> (u16, String, Body) {
    let timed_out = || {
        (
            503,
            TEXT.to_owned(),
            Body::Bytes(
                format!(
                    "the query ran past the time limit of {} s and was stopped\n",
                    limits.timeout.as_secs_f64()
                )
                .into_bytes(),
            ),
        )
    };
    let mut eval = match Evaluation::start(exe, store, limits, memory, job) {
        Ok(e) => e,
        Err(e) => {
            return (
                500,
                TEXT.to_owned(),
                Body::Bytes(format!("cannot evaluate: {e}\n").into_bytes()),
            );
        }
    };
    let mut gathered: Vec<u8> = Vec::new();
    let mut ended = false;
    loop {
        match eval.next() {
            Err(()) => return timed_out(),
            Ok(Some(c)) => gathered.extend_from_slice(&c),
            Ok(None) => {
                ended = true;
                break;
            }
        }
        if gathered.len() >= GATHERED {
            break;
        }
    }
    let mut cursor = std::io::Cursor::new(gathered);
    let mut head = String::new();
    if cursor.read_line(&mut head).is_err() {
        return (
            500,
            TEXT.to_owned(),
            Body::Bytes(b"the query's process said nothing\n".to_vec()),
        );
    }
    let Some((status, content_type)) = read_frame_head(&head) else {
        // a process that ends without a word ran out of memory (or was killed)
        let status = eval.child.wait().ok();
        let message = if memory > 0 && status.is_some_and(|s| !s.success()) {
            format!("the query needed more than the memory limit of {memory} MiB and was stopped\n")
        } else {
            "the query's process failed\n".to_owned()
        };
        return (503, TEXT.to_owned(), Body::Bytes(message.into_bytes()));
    };
    let start = cursor.position() as usize;
    let mut body = cursor.into_inner();
    body.drain(..start);
    if ended {
        (status, content_type, Body::Bytes(body))
    } else {
        (
            status,
            content_type,
            Body::Stream(Box::new(Rest {
                eval,
                pending: std::io::Cursor::new(body),
            })),
        )
    }
}

fn work(rx: &Mutex<Receiver<tiny_http::Request>>, exe: &Path, store: &Path, limits: &Limits, memory: u64) {
    loop {
        let next = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(mut req) = next else { return };
        let mut body = Vec::new();
        let _ = req
            .as_reader()
            .take(limits.max_request as u64 + 1)
            .read_to_end(&mut body);
        let header = |name: &'static str| {
            req.headers()
                .iter()
                .find(|h| h.field.equiv(name))
                .map(|h| h.value.as_str().to_owned())
                .unwrap_or_default()
        };
        let (ct, accept) = (header("Content-Type"), header("Accept"));
        let method = req.method().as_str().to_owned();
        let url = req.url().to_owned();
        let request = Request {
            method: &method,
            url: &url,
            content_type: &ct,
            accept: &accept,
            body: &body,
        };
        match route(limits, request) {
            Route::Reply(reply) => respond(req, reply.status, reply.content_type, reply.body),
            Route::Job(job) => {
                let (status, content_type, body) = isolated(exe, store, limits, memory, &job);
                respond(req, status, &content_type, body);
            }
        }
    }
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    if !(a.query_timeout > 0.0 && a.query_timeout.is_finite()) {
        anyhow::bail!("--query-timeout must be a positive number of seconds");
    }
    if a.workers == 0 {
        anyhow::bail!("--workers must be at least 1");
    }
    let limits = Arc::new(Limits {
        timeout: Duration::from_secs_f64(a.query_timeout),
        max_request: a.max_request,
    });
    // (opened here once to fail early on a missing store; each query opens it read-only again)
    drop(super::open_existing(&a.store.store)?);
    let exe: Arc<PathBuf> = Arc::new(std::env::current_exe().context("cannot find guanxi's own executable")?);
    let store: Arc<PathBuf> = Arc::new(a.store.store.clone());
    let server = tiny_http::Server::http(&a.bind).map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", a.bind))?;
    eprintln!(
        "guanxi: SPARQL endpoint on http://{}/query (read-only; {} workers, queue {}, {} s per query); Ctrl-C stops it",
        a.bind, a.workers, a.queue, a.query_timeout
    );
    let (tx, rx) = sync_channel::<tiny_http::Request>(a.queue);
    let rx = Arc::new(Mutex::new(rx));
    let workers: Vec<_> = (0..a.workers)
        .map(|_| {
            let (rx, exe, store, limits) = (
                Arc::clone(&rx),
                Arc::clone(&exe),
                Arc::clone(&store),
                Arc::clone(&limits),
            );
            let memory = a.query_memory;
            std::thread::spawn(move || work(&rx, &exe, &store, &limits, memory))
        })
        .collect();
    // the acceptor: hand each request to the queue, or refuse it at once when the queue is full
    while let Ok(req) = server.recv() {
        match tx.try_send(req) {
            Ok(()) => {}
            Err(TrySendError::Full(req)) => respond(
                req,
                429,
                "text/plain; charset=utf-8",
                Body::Bytes(b"too many queries waiting: try again shortly\n".to_vec()),
            ),
            Err(TrySendError::Disconnected(_)) => break,
        }
    }
    drop(tx);
    for w in workers {
        w.join()
            .map_err(|_| anyhow::anyhow!("a server thread panicked"))
            .context("serve")?;
    }
    Ok(ExitCode::SUCCESS)
}
