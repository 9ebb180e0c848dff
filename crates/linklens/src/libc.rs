//! Which C library is in the file, and how we know. `CC` is never recorded
//! in Go's build info, so the libc is inferred from the file itself.

use crate::elf::StaticSymbols;
use crate::report::{Dynamic, Evidence, EvidenceKind as E, Import, Libc, LibcName};

pub(crate) struct Input<'a> {
    pub dynamic: &'a Dynamic,
    pub imports: &'a [Import],
    pub abi_tag: Option<&'a str>,
    pub symbols: &'a StaticSymbols,
    pub comments: &'a [String],
    /// C code is linked in (runtime/cgo, a cgo package, or not Go at all).
    pub has_c: bool,
}

pub(crate) fn infer(i: &Input) -> Libc {
    let mut glibc = Vec::new();
    let mut musl = Vec::new();
    if let Some(interp) = &i.dynamic.interpreter {
        if interp.contains("ld-musl") {
            musl.push(Evidence::new(E::Interpreter, interp.clone()));
        } else if interp.contains("ld-linux") || interp.ends_with("/ld.so.1") || interp.contains("ld64.so") {
            glibc.push(Evidence::new(E::Interpreter, interp.clone()));
        }
    }
    for lib in &i.dynamic.needed {
        if lib == "libc.so.6" {
            glibc.push(Evidence::new(E::Library, lib.clone()));
        } else if lib == "libc.so" || lib.starts_with("libc.musl-") {
            musl.push(Evidence::new(E::Library, lib.clone()));
        }
    }
    if let Some(v) = i.imports.iter().filter_map(|imp| imp.version.as_deref()).find(|v| v.starts_with("GLIBC_")) {
        glibc.push(Evidence::new(E::Import, format!("symbol versions such as {v}")));
    }
    if let Some(tag) = i.abi_tag {
        glibc.push(Evidence::new(E::Note, format!(".note.ABI-tag ({tag}), which glibc's start files add")));
    }
    glibc.extend(i.symbols.glibc.iter().map(|s| Evidence::new(E::Symbol, s.clone())));
    musl.extend(i.symbols.musl.iter().map(|s| Evidence::new(E::Symbol, s.clone())));
    if let Some(c) = i.comments.iter().find(|c| c.to_ascii_lowercase().contains("musl")) {
        musl.push(Evidence::new(E::Section, format!(".comment: {c}")));
    }

    let (name, evidence) = if !glibc.is_empty() && glibc.len() >= musl.len() {
        (LibcName::Glibc, glibc)
    } else if !musl.is_empty() {
        (LibcName::Musl, musl)
    } else if !i.has_c {
        (LibcName::None, vec![Evidence::new(E::Section, "no interpreter, no libraries and no C code: nothing from a C library")])
    } else if i.dynamic.interpreter.is_none() && i.dynamic.needed.is_empty() {
        // A static file with C code and no glibc ABI tag: musl's start files
        // add no such note, glibc's always do.
        (LibcName::Musl, vec![Evidence::new(E::Note, "static C code without .note.ABI-tag, which every glibc link carries")])
    } else {
        (LibcName::Unknown, Vec::new())
    };
    Libc { name, evidence }
}
