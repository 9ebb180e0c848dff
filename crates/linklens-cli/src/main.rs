//! `linklens`: the command-line front end. Thin glue: read each file (by
//! memory map, never copied whole), hand the bytes to `linklens::analyze`,
//! and render the `Report` as text or JSON.

mod input;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use serde::Serialize;

const USAGE: &str = "\
usage: linklens [--json] [--require-static] [--no-color] FILE...

Tells whether each Linux binary is statically linked; if not, why (which
cgo component, with the evidence), and the command that rebuilds it static.
linklens only reads the files: it never runs them.

  FILE               a binary to analyse; - reads standard input
  --json             print a JSON array: one report (or error) per file
  --require-static   exit 1 if any file is not static (static-pie counts)
  -q, --quiet        print only the first line per file
  --no-color         no colours or bold (also: NO_COLOR set, or not a terminal)
  -h, --help         this help
  -V, --version      the version

exit status: 0 all analysed (and static, with --require-static);
             1 --require-static and some file is dynamic;
             2 some file could not be read or parsed (the others are still reported)";

#[derive(Default)]
struct Options {
    json: bool,
    require_static: bool,
    quiet: bool,
    no_color: bool,
    files: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options::default();
    let mut only_files = false;
    for a in std::env::args().skip(1) {
        match a.as_str() {
            _ if only_files => o.files.push(a),
            "--" => only_files = true,
            "--json" => o.json = true,
            "--require-static" => o.require_static = true,
            "-q" | "--quiet" => o.quiet = true,
            "--no-color" => o.no_color = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "-V" | "--version" => {
                println!("linklens {}", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => o.files.push(a),
        }
    }
    if o.files.is_empty() {
        return Err("no FILE given".into());
    }
    Ok(o)
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
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("linklens: {e}\n\n{USAGE}");
            return ExitCode::from(2);
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
