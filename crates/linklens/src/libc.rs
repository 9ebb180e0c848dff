//! Which C library is in the file, and how we know. `CC` is never recorded
//! in Go's build info, so the libc is inferred from the file itself.

use crate::elf::StaticSymbols;
use crate::facts::{Dynamic, Evidence, EvidenceKind as E, Import, Libc, LibcName};

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
        glibc.push(Evidence::new(E::SymbolVersion, v));
    }
    if let Some(tag) = i.abi_tag {
        glibc.push(Evidence::new(E::AbiTag, tag));
    }
    glibc.extend(i.symbols.glibc.iter().map(|s| Evidence::new(E::Symbol, s.clone())));
    musl.extend(i.symbols.musl.iter().map(|s| Evidence::new(E::Symbol, s.clone())));
    if let Some(c) = i.comments.iter().find(|c| c.to_ascii_lowercase().contains("musl")) {
        musl.push(Evidence::new(E::Comment, c.clone()));
    }

    let (name, evidence) = if !glibc.is_empty() && glibc.len() >= musl.len() {
        (LibcName::Glibc, glibc)
    } else if !musl.is_empty() {
        (LibcName::Musl, musl)
    } else if !i.has_c {
        (LibcName::None, vec![Evidence::new(E::NoCCode, "")])
    } else if i.dynamic.interpreter.is_none() && i.dynamic.needed.is_empty() {
        // A static file with C code and no glibc ABI tag: musl's start files
        // add no such note, glibc's always do.
        (LibcName::Musl, vec![Evidence::new(E::NoAbiTag, "")])
    } else {
        (LibcName::Unknown, Vec::new())
    };
    Libc { name, evidence }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elf::StaticSymbols;

    fn infer_with(interp: Option<&str>, needed: &[&str], versions: &[&str], abi: Option<&str>, syms: StaticSymbols, comments: &[&str], has_c: bool) -> Libc {
        let dynamic = Dynamic {
            interpreter: interp.map(str::to_string),
            needed: needed.iter().map(|s| s.to_string()).collect(),
            ..Dynamic::default()
        };
        let imports: Vec<Import> = versions
            .iter()
            .map(|v| Import { name: "f".into(), version: Some(v.to_string()), library: None, weak: false, cause: None })
            .collect();
        let comments: Vec<String> = comments.iter().map(|s| s.to_string()).collect();
        infer(&Input { dynamic: &dynamic, imports: &imports, abi_tag: abi, symbols: &syms, comments: &comments, has_c })
    }

    fn name(l: Libc) -> LibcName {
        l.name
    }

    #[test]
    fn from_the_loader_and_libraries() {
        let none = StaticSymbols::default;
        assert_eq!(name(infer_with(Some("/lib/ld-musl-x86_64.so.1"), &["libc.so"], &[], None, none(), &[], true)), LibcName::Musl);
        assert_eq!(name(infer_with(Some("/lib64/ld-linux-x86-64.so.2"), &["libc.so.6"], &[], None, none(), &[], true)), LibcName::Glibc);
        // glibc loaders by other names: ld.so.1 (ppc, s390), ld64.so (ppc64).
        assert_eq!(name(infer_with(Some("/lib/ld.so.1"), &[], &[], None, none(), &[], true)), LibcName::Glibc);
        assert_eq!(name(infer_with(Some("/lib64/ld64.so.2"), &[], &[], None, none(), &[], true)), LibcName::Glibc);
        assert_eq!(name(infer_with(None, &["libc.musl-x86_64.so.1"], &[], None, none(), &[], true)), LibcName::Musl);
        // Symbol versions alone say glibc.
        let l = infer_with(None, &["libfoo.so"], &["GLIBC_2.34"], None, none(), &[], true);
        assert_eq!(l.name, LibcName::Glibc);
        assert_eq!(l.evidence[0], Evidence::new(E::SymbolVersion, "GLIBC_2.34"));
        // Unknown loader and libraries: unknown, with no evidence.
        let l = infer_with(Some("/system/bin/linker64"), &["libc.so"], &[], None, none(), &[], true);
        assert_eq!(l.name, LibcName::Musl, "libc.so alone is musl's name");
        let l = infer_with(Some("/system/bin/linker64"), &["libbionic.so"], &[], None, none(), &[], true);
        assert_eq!((l.name, l.evidence.len()), (LibcName::Unknown, 0));
        // No interpreter but a library that names no libc: still unknown,
        // not the static-musl guess.
        let l = infer_with(None, &["libfoo.so.1"], &[], None, none(), &[], true);
        assert_eq!(l.name, LibcName::Unknown);
    }

    #[test]
    fn static_files_by_note_symbols_and_comments() {
        let none = StaticSymbols::default;
        // No C code at all.
        let l = infer_with(None, &[], &[], None, none(), &[], false);
        assert_eq!(l.name, LibcName::None);
        assert_eq!(l.evidence.len(), 1);
        // C code, glibc's ABI tag.
        let l = infer_with(None, &[], &[], Some("GNU/Linux 3.2.0"), none(), &[], true);
        assert_eq!(l.name, LibcName::Glibc);
        assert_eq!(l.evidence[0], Evidence::new(E::AbiTag, "GNU/Linux 3.2.0"));
        // C code, no tag: musl's start files add none.
        let l = infer_with(None, &[], &[], None, none(), &[], true);
        assert_eq!((l.name, l.evidence[0].kind), (LibcName::Musl, E::NoAbiTag));
        // Symbols decide when they outnumber: two musl markers beat one glibc one.
        let syms = StaticSymbols { glibc: vec!["_IO_stdin_used".into()], musl: vec!["__init_libc".into(), "__stdio_write".into()], ..StaticSymbols::default() };
        assert_eq!(name(infer_with(None, &[], &[], None, syms, &[], true)), LibcName::Musl);
        // A tie goes to glibc.
        let syms = StaticSymbols { glibc: vec!["_IO_stdin_used".into()], musl: vec!["__init_libc".into()], ..StaticSymbols::default() };
        assert_eq!(name(infer_with(None, &[], &[], None, syms, &[], true)), LibcName::Glibc);
        // A musl toolchain named in .comment.
        let l = infer_with(None, &[], &[], None, none(), &["GCC: (Alpine 13.2.1) 13.2.1", "musl-gcc wrapper"], true);
        assert_eq!(l.name, LibcName::Musl);
        assert!(l.evidence.iter().any(|e| *e == Evidence::new(E::Comment, "musl-gcc wrapper")), "{:?}", l.evidence);
    }
}
