//! Warnings: things that are true of the file and worth knowing, but are
//! not causes of dynamic linking (or are hazards of a static one). The
//! sentences come from the catalogue; this module decides and gathers the
//! evidence.

use crate::catalogue;
use crate::elf::StaticSymbols;
use crate::report::{CauseId, Evidence, EvidenceKind as E, Kind, LibcName, Linkage, Report, Warning, WarningId};

/// A warning from its id, the values of its message's placeholders, and
/// the facts behind it.
pub(crate) fn warning(id: WarningId, args: &[(&str, &str)], evidence: Vec<Evidence>) -> Warning {
    let message = catalogue::fill(catalogue::warning(id).message.unwrap_or_default(), args);
    Warning { id, message, evidence }
}

/// A build-info header whose contents could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BuildinfoDamage {
    /// File offset of the header.
    pub offset: u64,
    /// What could not be read: `version`, `module info`, `pointer size`.
    pub part: &'static str,
    /// What is wrong with it, as a fact: `length 4096 runs past its segment`.
    pub problem: String,
}

/// A dynamic-table string that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnreadableString {
    /// `DT_NEEDED`, `DT_RPATH` or `DT_RUNPATH`.
    pub tag: &'static str,
    /// The entry's value: an offset into the (missing) string table.
    pub offset: u64,
}

pub(crate) struct Input<'a> {
    pub symbols: &'a StaticSymbols,
    pub buildinfo_damage: Option<&'a BuildinfoDamage>,
    pub unreadable_strings: &'a [UnreadableString],
    /// (bytes present, bytes the headers describe) when the file is short.
    pub truncated: Option<(u64, u64)>,
}

pub(crate) fn collect(r: &Report, i: &Input) -> Vec<Warning> {
    let mut out = Vec::new();

    if let Some((have, want)) = i.truncated {
        let evidence = vec![Evidence::new(E::Count, format!("{have} bytes")), Evidence::new(E::Offset, format!("{want:#x}"))];
        out.push(warning(WarningId::Truncated, &[("have", &have.to_string()), ("want", &want.to_string())], evidence));
    }

    for s in i.unreadable_strings {
        let offset = format!("{:#x}", s.offset);
        out.push(warning(
            WarningId::DynamicStringUnreadable,
            &[("tag", s.tag), ("offset", &offset)],
            vec![Evidence::new(E::Section, s.tag), Evidence::new(E::Offset, offset.clone())],
        ));
    }

    // glibc linked statically with functions that load NSS modules.
    if r.linkage.is_static() && r.libc.name == LibcName::Glibc {
        let mut evidence: Vec<Evidence> = r.libc.evidence.iter().filter(|e| e.kind == E::Note).cloned().collect();
        evidence.extend(i.symbols.nss.iter().map(|s| Evidence::new(E::Symbol, s.clone())));
        let mut packages: Vec<&str> = r
            .causes
            .iter()
            .filter(|c| matches!(c.id, CauseId::Dns | CauseId::OsUser))
            .filter_map(|c| c.package.as_deref())
            .collect();
        packages.dedup();
        let found = !i.symbols.nss.is_empty() || !packages.is_empty();
        evidence.extend(packages.into_iter().map(|p| Evidence::new(E::Package, p)));
        if found {
            out.push(warning(WarningId::GlibcStaticNss, &[], evidence));
        }
    }

    // CC=musl-gcc without -linkmode external.
    let musl_interp = r.dynamic.interpreter.as_deref().filter(|p| p.contains("ld-musl"));
    if let (Some(interp), Some(lib)) = (musl_interp, r.dynamic.needed.iter().find(|l| l.as_str() == "libc.so")) {
        out.push(warning(
            WarningId::MuslDynamic,
            &[],
            vec![Evidence::new(E::Interpreter, interp), Evidence::new(E::Library, lib.clone())],
        ));
    }

    if let Some(go) = &r.go {
        let b = &go.build;
        if b.buildmode.as_deref() == Some("pie") && r.kind == Kind::Executable {
            out.push(warning(
                WarningId::BuildmodeMismatch,
                &[],
                vec![Evidence::new(E::Setting, "-buildmode=pie"), Evidence::new(E::Section, "ET_EXEC")],
            ));
        }
        if let (Some(recorded), Some(actual)) = (&b.goarch, &r.arch.goarch) {
            if recorded != actual {
                out.push(warning(
                    WarningId::GoarchMismatch,
                    &[("recorded", recorded), ("actual", actual)],
                    vec![Evidence::new(E::Setting, format!("GOARCH={recorded}"))],
                ));
            }
        }
        if b.cgo_enabled == Some(false) && r.linkage == Linkage::Dynamic && !r.dynamic.needed.is_empty() {
            let mut evidence = vec![Evidence::new(E::Setting, "CGO_ENABLED=0")];
            evidence.extend(r.dynamic.needed.iter().map(|l| Evidence::new(E::Library, l.clone())));
            out.push(warning(WarningId::CgoDisabledDynamic, &[], evidence));
        }
        if go.version.is_none() {
            let evidence = go
                .pclntab
                .iter()
                .map(|p| match &p.section {
                    Some(s) if !p.scanned => Evidence::new(E::Section, s.clone()),
                    _ => Evidence::new(E::Offset, format!("{:#x}", p.offset)),
                })
                .collect();
            out.push(warning(WarningId::NoBuildinfo, &[], evidence));
        }
        if b.cgo_enabled == Some(true) && r.linkage.is_static() && r.causes.is_empty() {
            out.push(warning(WarningId::CgoEnabledStatic, &[], vec![Evidence::new(E::Setting, "CGO_ENABLED=1")]));
        }
    }
    if let Some(d) = i.buildinfo_damage {
        let offset = format!("{:#x}", d.offset);
        out.push(warning(
            WarningId::BuildinfoDamaged,
            &[("offset", &offset), ("part", d.part), ("problem", &d.problem)],
            vec![Evidence::new(E::Offset, offset.clone())],
        ));
    }
    out
}
