//! The `guanxi` command: parse, run, exit.

mod cli;

fn main() -> std::process::ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("guanxi: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
