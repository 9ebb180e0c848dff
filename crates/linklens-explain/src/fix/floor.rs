//! Recipes that keep a glibc-dynamic binary dynamic but lower the glibc
//! it needs: for a target older than the machine that linked it, when
//! going static is not wanted or not possible.

use super::note;
use crate::targets;
use linklens::version::Version;
use linklens::{CauseId, Facts, FixId, LibcName, Linkage, NoteId};
use crate::explanation::{Fix, Note};
use crate::catalogue;
use linklens::arch;

/// The glibc zig links for: the oldest glibc of any target (RHEL 7).
pub(crate) const ZIG: &str = "2.17";

/// The glibc zig links for on `goarch`: [`ZIG`], or the first glibc that
/// supports the architecture when that is newer (zig has no older one:
/// `riscv64-linux-gnu.2.17` fails to link, seen on cstdio-riscv64).
pub(crate) fn zig_floor(goarch: &str) -> &'static str {
    match goarch {
        // glibc 2.27 added RISC-V, 2.36 LoongArch.
        "riscv64" => "2.27",
        "loong64" => "2.36",
        // Below 2.32 zig's glibc for ppc64le lacks the IEEE 128-bit long
        // double functions cgo's C calls (__vfprintfieee128): observed,
        // 2.31 fails to link and 2.32 links.
        "ppc64le" => "2.32",
        _ => ZIG,
    }
}
/// The glibc of golang's oldest maintained images (bookworm).
pub(crate) const GOLANG_IMAGE: &str = "2.36";

/// The floor a fix links for on `goarch` and the oldest target that
/// reaches, for the fixes that stay dynamic.
pub(crate) fn of(id: FixId, goarch: Option<&str>) -> (Option<&'static str>, Option<linklens::TargetId>) {
    let floor = match id {
        FixId::ZigGlibc => goarch.map_or(ZIG, zig_floor),
        FixId::OlderGlibcImage => GOLANG_IMAGE,
        _ => return (None, None),
    };
    (Some(floor), targets::oldest_with_glibc(floor))
}

/// A glibc-dynamic file whose floor is above `floor`.
pub(crate) fn lowers(report: &Facts, floor: &str) -> bool {
    let Some(need) = report.portability.glibc_min.as_deref() else { return false };
    report.linkage == Linkage::Dynamic && report.libc.name == LibcName::Glibc && Version::parse(need) > Version::parse(floor)
}

/// zig's glibc triple for `goarch` at its [`zig_floor`], when the file
/// needs a newer glibc.
pub(crate) fn zig_target(report: &Facts, goarch: &str) -> Option<String> {
    let musl = arch::from_goarch(goarch)?.zig_musl?;
    let floor = zig_floor(goarch);
    lowers(report, floor).then(|| format!("{}.{floor}", musl.replace("musl", "gnu")))
}

/// The fix, with the note saying which floor it links for and where that reaches.
pub(crate) fn fix(
    report: &Facts,
    id: FixId,
    command: String,
    mut notes: Vec<Note>,
    causes: &[CauseId],
    output: &str,
    floor: &str,
) -> Option<Fix> {
    let need = report.portability.glibc_min.as_deref()?;
    let oldest = targets::oldest_with_glibc(floor)?;
    notes.push(note(NoteId::GlibcFloor, &[("floor", floor), ("oldest", catalogue::target(oldest).name), ("need", need)]));
    let mut fix = super::fix(id, command, notes, causes, output, Linkage::Dynamic);
    // The floor on this file's architecture.
    fix.glibc_floor = Some(floor.to_string());
    fix.verify = super::verify(id, output, Linkage::Dynamic, report.arch.goarch.as_deref());
    Some(fix)
}
