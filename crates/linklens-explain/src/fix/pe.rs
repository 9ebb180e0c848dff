//! Windows: a Go program that needs the MinGW runtime DLLs links them in.

use linklens::{FixId, GoInfo, Linkage, Warning, WarningId};

use super::command::GoBuild;
use crate::explanation::Fix;

/// For a Go program that needs the MinGW runtime: link it in.
pub(crate) fn for_pe(warnings: &[Warning], go: Option<&GoInfo>, goarch: Option<&str>) -> Vec<Fix> {
    let Some(go) = go.filter(|_| warnings.iter().any(|w| w.id == WarningId::MingwRuntime)) else { return Vec::new() };
    let mut b = GoBuild::from_binary(go, goarch);
    b.set_env("CGO_ENABLED", "1");
    b.linkmode("external");
    b.extldflag("-static");
    let output = format!("{}.exe", b.output);
    b.output = output.clone();
    let mut fix = super::fix(FixId::WindowsStatic, b.command(), b.notes.clone(), &[], &output, Linkage::Static);
    fix.build = Some(b);
    vec![fix]
}
