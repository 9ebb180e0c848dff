//! Warnings: things that are true of the file and worth knowing, but are
//! not causes of dynamic linking (or are hazards of a static one).

use crate::elf::StaticSymbols;
use crate::report::{CauseId, Evidence, EvidenceKind as E, Kind, LibcName, Linkage, Report, Warning};

pub(crate) struct Input<'a> {
    pub symbols: &'a StaticSymbols,
    pub buildinfo_error: Option<&'a str>,
    /// (bytes present, bytes the headers describe) when the file is short.
    pub truncated: Option<(u64, u64)>,
}

pub(crate) fn collect(r: &Report, i: &Input) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut push = |id: &str, message: String, evidence: Vec<Evidence>| {
        out.push(Warning { id: id.to_string(), message, evidence });
    };

    if let Some((have, want)) = i.truncated {
        push(
            "truncated",
            format!("The file is {have} bytes long but its headers describe {want}: it was cut short, and parts of this report may be missing."),
            vec![],
        );
    }

    // glibc linked statically with functions that load NSS modules.
    if r.linkage.is_static() && r.libc.name == LibcName::Glibc {
        let mut evidence: Vec<Evidence> = r.libc.evidence.iter().filter(|e| e.kind == E::Note).cloned().collect();
        evidence.extend(i.symbols.nss.iter().map(|s| Evidence::new(E::Symbol, format!("{s} defined in .symtab"))));
        let std_cause = r.causes.iter().filter(|c| matches!(c.id, CauseId::Dns | CauseId::OsUser)).map(|c| c.package.clone().unwrap_or_default());
        let mut from_causes: Vec<String> = std_cause.collect();
        from_causes.dedup();
        if !from_causes.is_empty() {
            evidence.push(Evidence::new(E::Function, format!("cgo lookups of {} linked in", from_causes.join(" and "))));
        }
        if !i.symbols.nss.is_empty() || !from_causes.is_empty() {
            push(
                "glibc-static-nss",
                "Static on paper, but glibc is linked statically with functions that load NSS modules (libnss_*.so) at run time: user and host lookups can fail or crash on a system with another glibc.".into(),
                evidence,
            );
        }
    }

    // CC=musl-gcc without -linkmode external.
    let musl_interp = r.dynamic.interpreter.as_deref().filter(|p| p.contains("ld-musl"));
    if let (Some(interp), Some(lib)) = (musl_interp, r.dynamic.needed.iter().find(|l| l.as_str() == "libc.so")) {
        push(
            "musl-dynamic",
            "Linked dynamically against musl: it runs only where musl is installed (Alpine). Probably CC=musl-gcc without -ldflags '-linkmode external -extldflags \"-static\"'.".into(),
            vec![Evidence::new(E::Interpreter, interp), Evidence::new(E::Library, lib.clone())],
        );
    }

    if let Some(go) = &r.go {
        let b = &go.build;
        if b.buildmode.as_deref() == Some("pie") && r.kind == Kind::Executable {
            push(
                "buildmode-mismatch",
                "The build info says -buildmode=pie, but the file is not position-independent (ET_EXEC). Reported as the file is.".into(),
                vec![Evidence::new(E::Setting, "-buildmode=pie"), Evidence::new(E::Section, "ELF type ET_EXEC")],
            );
        }
        if let (Some(recorded), Some(actual)) = (&b.goarch, &r.arch.goarch) {
            if recorded != actual {
                push(
                    "buildmode-mismatch",
                    format!("The build info says GOARCH={recorded}, but the file is for {actual}."),
                    vec![Evidence::new(E::Setting, format!("GOARCH={recorded}"))],
                );
            }
        }
        if b.cgo_enabled == Some(false) && r.linkage == Linkage::Dynamic && !r.dynamic.needed.is_empty() {
            push(
                "buildmode-mismatch",
                "The build info says CGO_ENABLED=0, yet the file needs shared libraries.".into(),
                vec![Evidence::new(E::Setting, "CGO_ENABLED=0")],
            );
        }
        if go.version.is_none() {
            push(
                "no-buildinfo",
                "Go binary without build info (a plugin, a c-shared library, or a build that dropped it): identified by its pclntab; the rebuild commands cannot reuse the original flags.".into(),
                go.pclntab.iter().map(|p| Evidence::new(E::Section, format!("pclntab {}", p.location))).collect(),
            );
        }
        if b.cgo_enabled == Some(true) && r.linkage.is_static() && r.causes.is_empty() {
            push(
                "cgo-enabled-static",
                "CGO_ENABLED=1 is recorded, yet the file is static: the setting means cgo was available, not that any package used it.".into(),
                vec![Evidence::new(E::Setting, "CGO_ENABLED=1")],
            );
        }
    }
    if let Some(e) = i.buildinfo_error {
        push("buildinfo-damaged", format!("The Go build info is present but could not be read: {e}."), vec![]);
    }
    out
}
