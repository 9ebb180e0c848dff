//! Installing what the commands need, only when it is missing.

use std::process::Command;

use crate::{have, run, Result};

/// Install Debian packages for the tools that are missing (as root, which
/// CI and the development machines are; otherwise say what to install).
pub fn apt(tools: &[(&str, &str)]) -> Result<()> {
    let missing: Vec<&str> = tools.iter().filter(|(tool, _)| !have(tool)).map(|(_, pkg)| *pkg).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let root = Command::new("id").arg("-u").output().map(|o| o.stdout == b"0\n").unwrap_or(false);
    if !root {
        eprintln!("note: missing {missing:?}; install them with: sudo apt-get install {}", missing.join(" "));
        return Ok(());
    }
    eprintln!("installing {}", missing.join(" "));
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get").args(["install", "-y", "-qq"]).args(&missing).env("DEBIAN_FRONTEND", "noninteractive"))
}
