//! `cargo xtask test`: everything CI runs, after installing what it needs.

use std::process::Command;

use crate::{have, project_root, run, setup, Result};

pub fn run_all() -> Result<()> {
    let root = project_root();
    setup::apt(&[("file", "file"), ("readelf", "binutils"), (setup::CHROMIUM, "chromium"), (setup::CHROMEDRIVER, "chromium-driver")])?;
    for tool in ["file", "readelf", "go"] {
        if !have(tool) {
            eprintln!("note: {tool} not found: the differential tests that use it are skipped (and fail under CI=true)");
        }
    }
    // 1. Native: core unit, golden, manifest, differential, robustness; CLI; web logic.
    run(Command::new("cargo").args(["test", "--workspace", "--all-targets", "--locked"]).current_dir(&root))?;

    // 2. The web app: toolchain, release build, wasm-bindgen tests, browser tests.
    let path = setup::web_toolchain()?;
    let dist = setup::build_dist(&path)?;
    let webdriver_json = root.join("web/webdriver.json");
    run(Command::new("cargo")
        .args(["test", "--locked", "-p", "linklens-web", "--target", "wasm32-unknown-unknown", "--test", "worker"])
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
    Ok(())
}
