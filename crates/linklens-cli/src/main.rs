//! `linklens`: the command-line front end. Thin glue: expand directories
//! (`walk.rs`), read each file by memory map (`input.rs`), hand the bytes
//! to `linklens::analyze` on every core, and print each `Report` as text or
//! JSON as soon as it and all the files before it are done (`stream.rs`).

mod input;
mod stream;
mod walk;

use std::io::{self, IsTerminal};
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
    /// The binaries to analyse; - reads standard input; a directory is
    /// walked for executables and libraries (symlinks are not followed)
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

/// What one file gives: its rendered output and what it means for the exit status.
struct Done {
    text: String,
    failed: bool,
    dynamic: bool,
}

/// Analyse one file and render it at once, so no report outlives its file.
fn analyse(path: &str, opts: &Options, text: linklens::render::TextOptions) -> Done {
    let result = match input::Input::open(path) {
        Ok(data) => linklens::analyze(data.bytes()).map_err(|e| ErrorJson { code: e.code(), message: e.to_string() }),
        Err(input::InputError(message)) => Err(ErrorJson { code: "io", message }),
    };
    let failed = result.is_err();
    let dynamic = result.as_ref().is_ok_and(|r| !r.linkage.is_static());
    let text = if opts.json {
        let entry = match &result {
            Ok(r) => Entry { path, report: Some(r), error: None },
            Err(e) => Entry { path, report: None, error: Some(ErrorJson { code: e.code, message: e.message.clone() }) },
        };
        serde_json::to_string_pretty(&entry).unwrap_or_default()
    } else {
        match &result {
            Ok(r) => linklens::render::text(path, r, text),
            Err(e) => format!("{path}: error: {}\n", e.message),
        }
    };
    Done { text, failed, dynamic }
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
    let color = !opts.no_color && !opts.json && io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let text = linklens::render::TextOptions { color, quiet: opts.quiet };
    let (paths, walk_errors) = walk::expand(&opts.files);
    for e in &walk_errors {
        eprintln!("linklens: {e}");
    }
    let separator = if opts.json { ",\n" } else if opts.quiet { "" } else { "\n" };
    let mut printer = stream::Printer::new(io::stdout().lock(), opts.json, separator);
    let (mut failed, mut not_static) = (!walk_errors.is_empty(), false);
    let written = stream::in_order(&paths, |path| analyse(path, &opts, text), |done| {
        failed |= done.failed;
        not_static |= done.dynamic;
        printer.print(&done.text)
    })
    .and_then(|()| printer.finish());
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
