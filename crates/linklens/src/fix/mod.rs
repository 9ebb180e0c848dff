//! The rebuild commands: exact, copy-pasteable, and true for this binary.
//! `command` is the model of a `go build` line and its shell quoting; `go`
//! chooses the recipes for a Go binary, `non_go` for C, C++ and Rust. The
//! words of every fix and note come from the catalogue.

pub(crate) mod command;
pub(crate) mod floor;
mod go;
mod non_go;

pub(crate) use go::{for_go, go_minor};
pub(crate) use non_go::for_non_go;

use crate::catalogue;
use crate::render::labels;
use crate::report::{CauseId, Fix, FixId, Linkage, Note, NoteId};

/// A note from the catalogue, filled in.
pub(crate) fn note(id: NoteId, args: &[(&str, &str)]) -> Note {
    Note { id, text: catalogue::fill(catalogue::note(id), args) }
}

/// A fix: its words from the catalogue, the trade-offs that apply to these
/// causes, and verify steps naming `output` and the verdict to expect.
pub(crate) fn fix(id: FixId, command: String, notes: Vec<Note>, causes: &[CauseId], output: &str, expect: Linkage) -> Fix {
    fix_with(id, command, notes, causes, output, expect, &[])
}

/// [`fix`], with more `{placeholders}` for the verify steps.
pub(crate) fn fix_with(
    id: FixId,
    command: String,
    mut notes: Vec<Note>,
    causes: &[CauseId],
    output: &str,
    expect: Linkage,
    extra: &[(&str, &str)],
) -> Fix {
    let entry = catalogue::fix(id);
    notes.dedup();
    let phrase = labels::linkage_phrase(expect);
    let mut args = vec![("output", output), ("expect", phrase)];
    args.extend_from_slice(extra);
    Fix {
        id,
        title: entry.title.to_string(),
        command,
        expect,
        notes,
        caveats: entry.tradeoffs_for(causes),
        verify: entry.verify.iter().map(|v| catalogue::fill(v, &args)).collect(),
        build: None,
    }
}
