//! The two sentences a person reads first: a `file`-style line, and the
//! headline that says why the verdict is what it is.

use crate::report::{CauseId, Format, Kind, LibcName, Linkage, Report};

pub(crate) fn line(r: &Report) -> String {
    let format = match r.format {
        Format::Elf => format!("ELF {}-bit", r.bits),
        Format::Macho => format!("Mach-O {}-bit", r.bits),
        Format::Pe => if r.bits == 64 { "PE32+".to_string() } else { "PE32".to_string() },
        Format::Unknown => "unknown format".to_string(),
    };
    let kind = match r.kind {
        Kind::Executable => "executable",
        Kind::PieExecutable => "pie executable",
        Kind::SharedObject => "shared object",
        Kind::Relocatable => "relocatable",
        Kind::Core => "core file",
        Kind::Other => "file",
    };
    let mut s = format!("{format} {} {kind}, ", r.arch.machine);
    s.push_str(match r.linkage {
        Linkage::Static => "statically linked",
        Linkage::StaticPie => "static-pie linked",
        Linkage::Dynamic => "dynamically linked",
    });
    let libc = r.libc.name;
    if r.format == Format::Elf {
        if r.linkage == Linkage::Dynamic && r.dynamic.needed.is_empty() && r.dynamic.interpreter.is_some() {
            s.push_str(" (interpreter only, no libraries)");
        } else if !matches!(libc, LibcName::None | LibcName::Unknown) {
            s.push_str(&format!(" ({})", libc.as_str()));
        }
    }
    match (&r.go, r.toolchain.language.as_deref()) {
        (Some(go), _) => match &go.version {
            Some(v) => s.push_str(&format!(", Go {}", v.trim_start_matches("go"))),
            None => s.push_str(&format!(", Go ({} pclntab, no build info)", go.pclntab.as_ref().map(|p| p.version.as_str()).unwrap_or("?"))),
        },
        (None, Some(lang)) => s.push_str(&format!(", {lang}")),
        (None, None) => {}
    }
    s
}

pub(crate) fn headline(r: &Report) -> String {
    let titles = |dynamic_only: bool| -> Vec<String> {
        let mut t: Vec<String> = Vec::new();
        for c in &r.causes {
            if dynamic_only && !c.makes_dynamic {
                continue;
            }
            let name = match (c.id, &c.module, &c.package) {
                (CauseId::CgoDep, Some(m), _) => format!("the cgo dependency {m}"),
                (CauseId::CgoDep, None, Some(p)) => format!("the cgo package {p}"),
                (CauseId::CgoOwn, _, Some(p)) if p != "main" => format!("the program's own C code (package {p})"),
                _ => lower_first(&c.title),
            };
            if !t.contains(&name) {
                t.push(name);
            }
        }
        t
    };
    let join = |v: Vec<String>| match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        n => format!("{} and {}", v[..n - 1].join(", "), v[n - 1]),
    };
    match r.format {
        Format::Macho => {
            return "Dynamic, as every macOS program is: libSystem is always required, and fully static executables are not supported on macOS.".into()
        }
        Format::Pe => {
            return if r.warnings.iter().any(|w| w.id == "mingw-runtime") {
                "Needs MinGW runtime DLLs that are not part of Windows: link them statically.".into()
            } else {
                "Imports only Windows system DLLs, as every Windows program does: nothing to fix.".into()
            }
        }
        _ => {}
    }
    let libc = r.libc.name.as_str();
    match r.linkage {
        Linkage::Static | Linkage::StaticPie => {
            let what = if r.linkage == Linkage::Static { "Static" } else { "Static-pie" };
            if r.warnings.iter().any(|w| w.id == "glibc-static-nss") {
                format!("{what} on paper, but glibc's NSS lookups inside will load shared libraries at run time.")
            } else if r.causes.is_empty() {
                format!("{what}: no C library and no interpreter; it runs on any Linux kernel for its architecture.")
            } else {
                format!("{what}, with {} linked statically with {libc}.", join(titles(false)))
            }
        }
        Linkage::Dynamic => {
            let t = titles(true);
            if r.go.is_some() && r.kind == Kind::SharedObject {
                "Dynamic by design: a Go plugin or c-shared library is a shared object, loaded by a dynamic program.".into()
            } else if r.causes.iter().any(|c| c.id == CauseId::NonGo) {
                let lang = r.toolchain.language.as_deref().unwrap_or("C");
                format!("Dynamic: a {lang} program whose toolchain linked {} dynamically.", if libc == "unknown" { "the C library" } else { libc })
            } else if r.causes.len() == 1 && r.causes[0].id == CauseId::PieInterp {
                "Dynamic only because of -buildmode=pie: it asks for the dynamic loader, but needs no shared library.".into()
            } else if t.is_empty() {
                "Dynamic, but no cgo package was found: see the libraries and imports below.".into()
            } else {
                format!("Dynamic because of {}.", join(t))
            }
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
