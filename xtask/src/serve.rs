//! `cargo xtask serve`: install what is missing, then `trunk serve`.

use std::process::Command;

use crate::{project_root, run, setup, Result};

pub fn serve() -> Result<()> {
    let path = setup::web_toolchain()?;
    let root = project_root();
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(&root))?;
    crate::generated()?;
    eprintln!("\nlinklens will be served at http://127.0.0.1:8080/ (Ctrl-C to stop)\n");
    // Release build: the debug wasm is ~40 MB and slow to load.
    run(Command::new("trunk")
        .args(["serve", "--release", "--offline", "--no-autoreload"])
        .env("PATH", path)
        .current_dir(&root))
}
