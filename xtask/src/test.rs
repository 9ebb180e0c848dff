//! `cargo xtask test`: everything CI runs, after installing what it needs.

use std::process::Command;

use crate::{have, project_root, run, setup, Result};

pub fn run_all() -> Result<()> {
    let root = project_root();
    if std::env::var("CI").as_deref() == Ok("true") {
        // A fresh clone builds once: incremental state would only take
        // disk (1.4 GB of it, where CI once ran out).
        std::env::set_var("CARGO_INCREMENTAL", "0");
    }
    disk(&root, "start");
    setup::apt(&[
        ("file", "file"),
        ("readelf", "binutils"),
        ("objdump", "binutils"),
        (setup::CHROMIUM, "chromium"),
        (setup::CHROMEDRIVER, "chromium-driver"),
    ])?;
    for tool in ["file", "readelf", "objdump", "go"] {
        if !have(tool) {
            eprintln!("note: {tool} not found: the differential tests that use it are skipped (and fail under CI=true)");
        }
    }
    // Real packages from the registries (pinned, checked by SHA-256).
    crate::thirdparty::fetch()?;
    // The recipe tests' parsers, linter and C toolchain.
    let tools = setup::recipe_tools()?;
    // The Pages workflow, linted as the recipes are.
    // And the action: its example workflow (actionlint checks the inputs
    // against action.yml) and its scripts.
    setup::apt(&[("shellcheck", "shellcheck")])?;
    run(Command::new("shellcheck").args(["crates/linklens-cli/action/gate.sh", "crates/linklens-cli/action/build.sh"]).current_dir(&root))?;
    run(Command::new(tools.join("actionlint"))
        .args([".github/workflows/pages.yml", "crates/linklens-cli/action/example.yml"])
        .current_dir(&root))?;
    let path = format!(
        "{}:{}",
        tools.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // 0. No text from an input is sliced by a byte index (clippy's
    // string_slice, denied outside tests: each slice is a str method that
    // cannot split a character). The crates that read input: the web
    // crate's check would cost 3 more minutes of CI (yew, web-sys) for
    // code that only renders what the core gives it.
    if Command::new("cargo")
        .args(["clippy", "--version"])
        .output()
        .map_or(true, |o| !o.status.success())
    {
        run(Command::new("rustup").args(["component", "add", "clippy"]))?;
    }
    run(Command::new("cargo")
        .args([
            "clippy",
            "-p",
            "linklens",
            "-p",
            "linklens-explain",
            "-p",
            "linklens-archive",
            "-p",
            "linklens-cli",
            "--lib",
            "--bins",
            "--locked",
            "--",
        ])
        .args(["-A", "clippy::all", "-D", "clippy::string_slice"])
        .current_dir(&root))?;
    // 1. Native: core unit, golden, manifest, differential, robustness; CLI; web logic.
    run(Command::new("cargo")
        .args(["test", "--workspace", "--all-targets", "--locked"])
        .env("PATH", &path)
        .current_dir(&root))?;

    hostile_files_through_the_debug_cli(&root)?;
    disk(&root, "native tests");

    // Where it runs, observed again: the empty root and Debian 12 made
    // from Debian's packages (cached), every fixture started in each, and
    // the record the verdicts are held against must still be what happens.
    crate::roots::check()?;
    disk(&root, "roots");

    // 2. The web app: toolchain, release build, wasm-bindgen tests, browser tests.
    let path = setup::web_toolchain()?;
    let dist = setup::build_dist(&path)?;
    let webdriver_json = root.join("web/webdriver.json");
    run(Command::new("cargo")
        .args([
            "test",
            "--locked",
            "-p",
            "linklens-web",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "worker",
        ])
        .env("PATH", &path)
        .env("CHROMEDRIVER", setup::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .current_dir(&root))?;
    run(Command::new("npm")
        .args(["test"])
        .env("PATH", &path)
        .env("LINKLENS_DIST", &dist)
        .env("LINKLENS_CHROMIUM", setup::CHROMIUM)
        .current_dir(root.join("web")))?;
    disk(&root, "browser tests");
    Ok(())
}

/// What the run has taken of the disk so far, in CI's log: a run once
/// died of a full disk, with nothing there to say how full.
fn disk(root: &std::path::Path, after: &str) {
    let df = Command::new("df").args(["-Pk"]).arg(root).output();
    let free = df.ok().and_then(|o| {
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        let kib: u64 = text.lines().nth(1)?.split_whitespace().nth(3)?.parse().ok()?;
        Some(kib)
    });
    let du = Command::new("du").args(["-sk"]).arg(root.join("target")).output();
    let target = du.ok().and_then(|o| {
        String::from_utf8_lossy(&o.stdout).split_whitespace().next()?.parse::<u64>().ok()
    });
    let gib = |k: Option<u64>| k.map_or("?".to_string(), |k| format!("{:.1} GiB", k as f64 / 1048576.0));
    eprintln!("disk after {after}: {} free, target/ {}", gib(free), gib(target));
}

/// The debug CLI (overflow checks on) over every hand-built hostile file
/// that `tests/hostile.rs` left in target/hostile: each gets a report or an
/// error, the status is 0 or 2, never a panic (101).
fn hostile_files_through_the_debug_cli(root: &std::path::Path) -> Result<()> {
    let dir = root.join("target/hostile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "elf"))
        .collect();
    files.sort();
    if files.len() < 15 {
        return Err(format!("only {} hostile files in {}", files.len(), dir.display()).into());
    }
    let out = Command::new(root.join("target/debug/linklens"))
        .arg("--json")
        .args(&files)
        .output()?;
    let code = out.status.code();
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).map_err(|e| {
        format!(
            "debug CLI on hostile files: no JSON ({e}); status {code:?}; {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    if !matches!(code, Some(0 | 2)) || reports.as_array().map(Vec::len) != Some(files.len()) {
        return Err(format!(
            "debug CLI on hostile files: status {code:?}, {} entries for {} files",
            reports.as_array().map_or(0, Vec::len),
            files.len()
        )
        .into());
    }
    eprintln!(
        "debug CLI: {} hostile files, each a report or an error (status {code:?})",
        files.len()
    );
    Ok(())
}
