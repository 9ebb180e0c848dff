//! Project commands: `cargo xtask <serve|test|fixtures|bench>`.
//! Each installs what it needs first, so a fresh machine needs nothing else.

mod archives;
mod bench;
mod goals;
mod docs;
mod fixtures;
mod fuzz;
mod mutants;
mod prove;
mod roots;
mod serve;
mod setup;
mod test;
mod thirdparty;
mod vocab;

use std::path::PathBuf;
use std::process::Command;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const HELP: &str = "\
cargo xtask <command>

  test               every test: Rust unit, golden, differential and robustness
                     tests, the wasm build, wasm-bindgen tests and the browser
                     tests (installs what is missing first)
  fixtures [FILTER]  rebuild the fixture binaries (FILTER: parts of names, comma-separated; needs Go 1.26, Go 1.19,
                     musl-tools, zig via pip), observe them in the roots (observe)
                     and bless the golden reports
  bench [archives|page]  the CLI against file, readelf and go version -m (archives:
                     archives only; page: the page's first load only)
  fuzz [T|all] [S]   cargo-fuzz target T (analyze, buildinfo, pclntab, elf_structured, archive,
                     archive_structured, share) for S
                     seconds (default: all, 60 s each), seeded with fixtures
  observe [check]    make the root file systems (debootstrap, Debian packages; cached
                     in ~/.cache/linklens) and start every fixture in each, recording
                     fixtures/observations.json (check: re-observe two roots, compare)
  mutants [FILE...]  mutation testing (cargo-mutants): score per file and group, fails below the kept score
  serve              build and serve the web app on http://127.0.0.1:8080/
  dist               build the static site into dist/ (each asset also as .gz
                     and .br), as the Pages workflow publishes it";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run_all(),
        Some("fixtures") => fixtures::build(args.get(1).map(String::as_str)),
        Some("bench") if args.get(1).map(String::as_str) == Some("archives") => bench::archives(),
        Some("bench") if args.get(1).map(String::as_str) == Some("page") => bench::page(),
        Some("bench") => bench::bench(),
        Some("fuzz") => fuzz::fuzz(
            args.get(1).map(String::as_str),
            args.get(2).map(String::as_str),
        ),
        Some("serve") => serve::serve(),
        Some("dist") => setup::web_toolchain()
            .and_then(|path| setup::build_dist(&path))
            .map(|dist| eprintln!("built {}", dist.display())),
        Some("archives") => archives::build(&project_root(), &project_root().join("fixtures/bin")),
        Some("third-party") => thirdparty::record(),
        Some("observe") if args.get(1).map(String::as_str) == Some("check") => roots::check(),
        Some("observe") => roots::record(),
        Some("mutants") => mutants::mutants(&args[1..]),
        _ => {
            eprintln!("{HELP}");
            std::process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        std::process::exit(1);
    }
}

pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Run a command, failing with its name if it fails.
pub fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd
        .status()
        .map_err(|e| format!("{:?}: {e}", cmd.get_program()))?;
    if !status.success() {
        return Err(format!(
            "{:?} {:?} failed: {status}",
            cmd.get_program(),
            cmd.get_args().collect::<Vec<_>>()
        )
        .into());
    }
    Ok(())
}

/// What Trunk's build reads besides the sources: the vocabulary as JSON
/// and the documentation pages, both from the Rust sources.
pub fn generated() -> Result<()> {
    vocab::write()?;
    docs::write()?;
    Ok(())
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool} >/dev/null 2>&1"))
        .status()
        .is_ok_and(|s| s.success())
}
