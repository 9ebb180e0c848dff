//! Recipes for files that are not Go: C, C++ and Rust programs.

use super::{fix, note};
use crate::arch;
use crate::report::{Fix, FixId, Linkage, NoteId, Report};

/// The static rebuild of a dynamic C, C++ or Rust program.
pub(crate) fn for_non_go(report: &Report) -> Vec<Fix> {
    if report.linkage.is_static() {
        return Vec::new();
    }
    let causes: Vec<_> = report.causes.iter().map(|c| c.id).collect();
    let adapt = || vec![note(NoteId::AdaptFileNames, &[])];
    match report.toolchain.language.as_deref().unwrap_or("C") {
        "Rust" => {
            let goarch = report.arch.goarch.as_deref().unwrap_or("amd64");
            let Some(target) = arch::from_goarch(goarch).and_then(|a| a.rust_musl) else { return Vec::new() };
            let command = format!("rustup target add {target} && cargo build --release --target {target}");
            vec![fix(FixId::RustMusl, command, vec![], &causes, &format!("target/{target}/release/app"), Linkage::Static)]
        }
        "C++" => vec![fix(FixId::CxxStatic, "g++ -O2 -static -o app *.cpp".into(), adapt(), &causes, "app", Linkage::Static)],
        _ => vec![fix(FixId::CStatic, "musl-gcc -O2 -static -o app *.c".into(), adapt(), &causes, "app", Linkage::Static)],
    }
}
