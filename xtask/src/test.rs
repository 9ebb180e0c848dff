//! `cargo xtask test`: everything CI runs, after installing what it needs.

use std::process::Command;

use crate::{have, project_root, run, Result};

pub fn run_all() -> Result<()> {
    let root = project_root();
    crate::setup::apt(&[("file", "file"), ("readelf", "binutils")])?;
    for tool in ["file", "readelf", "go"] {
        if !have(tool) {
            eprintln!("note: {tool} not found: the differential tests that use it will say they are skipped");
        }
    }
    run(Command::new("cargo").args(["test", "--workspace", "--all-targets", "--locked"]).current_dir(&root))?;
    Ok(())
}
