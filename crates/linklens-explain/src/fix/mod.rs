//! The rebuild commands: exact, copy-pasteable, and true for this binary.
//! `command` is the model of a `go build` line and its shell quoting; `go`
//! chooses the recipes for a Go binary, `non_go` for C, C++ and Rust. The
//! words of every fix and note come from the catalogue.

pub(crate) mod command;
pub(crate) mod floor;
mod go;
pub mod settings;
mod non_go;
mod pe;

pub(crate) use go::{for_gccgo, for_go, go_minor};
pub(crate) use non_go::for_non_go;
pub(crate) use pe::for_pe;

use crate::catalogue;
use crate::render::labels;
use linklens::{CauseId, FixId, Linkage, NoteId};
use crate::explanation::{Fix, Note};

/// A note from the catalogue, filled in.
pub(crate) fn note(id: NoteId, args: &[(&str, &str)]) -> Note {
    Note { id, text: catalogue::fill(catalogue::note(id), args) }
}

/// A fix: its words from the catalogue, the trade-offs that apply to these
/// causes, and verify steps naming `output` and the verdict to expect.
pub(crate) fn fix(id: FixId, command: String, mut notes: Vec<Note>, causes: &[CauseId], output: &str, expect: Linkage) -> Fix {
    notes.dedup();
    let glibc_floor = floor::of(id, None).0.map(str::to_string);
    let mut fix = Fix { id, title: String::new(), command, expect, glibc_floor, notes, caveats: Vec::new(), verify: verify(id, output, expect, None), build: None };
    words(&mut fix, causes);
    fix
}

/// A fix's title, and the catalogue's trade-offs that apply to `causes`.
pub(crate) fn words(fix: &mut Fix, causes: &[CauseId]) {
    let entry = catalogue::fix(fix.id);
    fix.title = entry.title.to_string();
    fix.caveats = entry.tradeoffs_for(causes);
}

/// The verify steps of fix `id` for the file `output`, expecting `expect`;
/// a fix that stays dynamic also names the glibc it links for and the
/// oldest target that reaches on `goarch`.
pub(crate) fn verify(id: FixId, output: &str, expect: Linkage, goarch: Option<&str>) -> Vec<String> {
    let (floor, target) = floor::of(id, goarch);
    let args = [
        ("output", output),
        ("expect", labels::linkage_phrase(expect)),
        ("floor", floor.unwrap_or_default()),
        ("target", target.map(|t| t.as_str()).unwrap_or_default()),
    ];
    catalogue::fix(id).verify.iter().map(|v| catalogue::fill(v, &args)).collect()
}
