//! `linklens`: the command-line front end. Thin glue: read each file (by
//! memory map, never copied whole), hand the bytes to `linklens::analyze`,
//! and render the `Report` as text or JSON.

mod input;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use linklens::catalogue::sentences;
use serde::Serialize;

/// The command line.
#[derive(Parser, Debug)]
#[command(name = "linklens", version, about = sentences::CLI_ABOUT, after_help = sentences::CLI_EXIT_STATUS)]
struct Options {
    /// Print a JSON array: one report (or error) per file
    #[arg(long)]
    json: bool,
    /// Exit 1 if any file is not static (static-pie counts)
    #[arg(long)]
    require_static: bool,
    /// Print only the first line per file
    #[arg(short, long)]
    quiet: bool,
    /// No colours or bold (also: NO_COLOR set, or not a terminal)
    #[arg(long)]
    no_color: bool,
    /// The binaries to analyse; - reads standard input
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
}

/// One entry of `--json` output: the report's fields plus `path`, or an error.
#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    #[serde(flatten)]
    report: Option<&'a linklens::Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorJson>,
}

#[derive(Serialize)]
struct ErrorJson {
    code: &'static str,
    message: String,
}

fn main() -> ExitCode {
    let opts = match Options::try_parse() {
        Ok(o) => o,
        Err(e) => {
            // Help and version go to stdout with status 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let mut failed = false;
    let mut not_static = false;
    let mut results = Vec::new();
    for path in &opts.files {
        let result = match input::Input::open(path) {
            Ok(data) => linklens::analyze(data.bytes()).map_err(|e| ErrorJson { code: e.code(), message: e.to_string() }),
            Err(input::InputError(message)) => Err(ErrorJson { code: "io", message }),
        };
        match &result {
            Ok(r) => not_static |= !r.linkage.is_static(),
            Err(_) => failed = true,
        }
        results.push((path.as_str(), result));
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = if opts.json {
        let entries: Vec<Entry> = results
            .iter()
            .map(|(path, r)| match r {
                Ok(r) => Entry { path, report: Some(r), error: None },
                Err(e) => Entry { path, report: None, error: Some(ErrorJson { code: e.code, message: e.message.clone() }) },
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &entries).map_err(io::Error::from).and_then(|_| writeln!(out))
    } else {
        let color = !opts.no_color && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let options = linklens::render::TextOptions { color, quiet: opts.quiet };
        results.iter().enumerate().try_for_each(|(i, (path, r))| {
            if i > 0 && !opts.quiet {
                writeln!(out)?;
            }
            match r {
                Ok(r) => out.write_all(linklens::render::text(path, r, options).as_bytes()),
                Err(e) => writeln!(out, "{path}: error: {}", e.message),
            }
        })
    };
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("linklens: {e}");
            return ExitCode::from(2);
        }
    }
    if failed {
        ExitCode::from(2)
    } else if opts.require_static && not_static {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
