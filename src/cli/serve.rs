//! `guanxi serve`: a read-only SPARQL 1.1 Protocol endpoint over the store.

use super::StoreArg;
use anyhow::Context;
use guanxi::serve::handle;
use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub store: StoreArg,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let store = Arc::new(super::open_existing(&a.store.store)?);
    let server = tiny_http::Server::http(&a.bind).map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", a.bind))?;
    let server = Arc::new(server);
    eprintln!(
        "guanxi: SPARQL endpoint on http://{}/query (read-only); Ctrl-C stops it",
        a.bind
    );
    let workers: Vec<_> = (0..std::thread::available_parallelism().map_or(2, |n| n.get()).max(2))
        .map(|_| {
            let server = Arc::clone(&server);
            let store = Arc::clone(&store);
            std::thread::spawn(move || {
                while let Ok(mut req) = server.recv() {
                    let mut body = Vec::new();
                    let _ = req.as_reader().take(16 << 20).read_to_end(&mut body);
                    let header = |name: &'static str| {
                        req.headers()
                            .iter()
                            .find(|h| h.field.equiv(name))
                            .map(|h| h.value.as_str().to_owned())
                            .unwrap_or_default()
                    };
                    let (ct, accept) = (header("Content-Type"), header("Accept"));
                    let reply = handle(&store, req.method().as_str(), req.url(), &ct, &accept, &body);
                    let mut resp = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
                    if let Ok(h) = tiny_http::Header::from_bytes(&b"Content-Type"[..], reply.content_type.as_bytes()) {
                        resp = resp.with_header(h);
                    }
                    let _ = req.respond(resp);
                }
            })
        })
        .collect();
    for w in workers {
        w.join()
            .map_err(|_| anyhow::anyhow!("a server thread panicked"))
            .context("serve")?;
    }
    Ok(ExitCode::SUCCESS)
}
