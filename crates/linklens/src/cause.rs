//! Cause attribution: which cgo components are linked in, from the pclntab's
//! cgo wrapper names, corroborated (or, when the Go wrappers were dropped as
//! dead code, replaced) by the undefined dynamic imports.

use std::collections::BTreeSet;

use crate::catalogue;
use crate::go::{self, Names};
use crate::report::{Cause, CauseId, Dynamic, Evidence, EvidenceKind as E, GoInfo, Import, Linkage};

/// Imports that only the given std cause explains.
const DNS_IMPORTS: &[&str] = &[
    "getaddrinfo",
    "freeaddrinfo",
    "gai_strerror",
    "getnameinfo",
    "res_search",
    "__res_search",
    "res_nsearch",
    "__res_nsearch",
    "res_ninit",
    "__res_ninit",
    "res_nclose",
    "__res_nclose",
];
const USER_IMPORTS: &[&str] = &["getpwuid_r", "getpwnam_r", "getgrgid_r", "getgrnam_r", "getgrouplist"];
const PLUGIN_IMPORTS: &[&str] = &["dlopen", "dlsym", "dlerror", "dlclose"];
/// Libraries every cgo binary may need; anything else comes from a dependency.
const SYSTEM_LIBS: &[&str] = &["libc.so", "libm.so", "libpthread.so", "libdl.so", "libresolv.so", "librt.so", "ld-linux", "ld-musl", "libgcc_s.so"];

const MAX_EXAMPLES: usize = 4;

/// Whether the causes need the function counts of net, os/user and plugin:
/// only when the file imports one of their C functions (the wrappers may
/// have been removed as dead code while the imports stayed).
pub(crate) fn needs_package_counts(imports: &[Import]) -> bool {
    imports.iter().any(|i| [DNS_IMPORTS, USER_IMPORTS, PLUGIN_IMPORTS].iter().any(|l| l.contains(&i.name.as_str())))
}

pub(crate) struct Input<'a> {
    pub linkage: Linkage,
    pub dynamic: &'a Dynamic,
    pub go: Option<&'a GoInfo>,
    pub names: Option<&'a Names>,
    /// The C library is a shared library here (NEEDED entries exist).
    pub libc_is_shared: bool,
    pub language: Option<&'a str>,
}

pub(crate) fn attribute(input: &Input, imports: &mut [Import]) -> Vec<Cause> {
    let mut causes = Vec::new();
    let Some(go) = input.go else {
        if input.linkage == Linkage::Dynamic {
            causes.push(non_go(input));
        }
        return causes;
    };
    let names = input.names.cloned().unwrap_or_default();
    let makes_dynamic = input.linkage == Linkage::Dynamic && input.libc_is_shared;

    // Standard-library cgo users: wrappers, or imports when the net/os/user
    // package is linked but its wrappers were dropped as dead code.
    let std_causes = [
        (CauseId::Dns, "net", DNS_IMPORTS, names.net),
        (CauseId::OsUser, "os/user", USER_IMPORTS, names.os_user),
        (CauseId::Plugin, "plugin", PLUGIN_IMPORTS, names.plugin),
    ];
    for (id, package, list, functions_in_package) in std_causes {
        let wrappers = go.cgo_packages.iter().find(|p| p.package == package);
        let imported: Vec<&Import> = imports.iter().filter(|i| list.contains(&i.name.as_str())).collect();
        let by_imports_only = wrappers.is_none() && functions_in_package > 0 && !imported.is_empty();
        if wrappers.is_none() && !by_imports_only {
            continue;
        }
        let mut evidence = Vec::new();
        if let Some(p) = wrappers {
            evidence.extend(p.functions.iter().take(MAX_EXAMPLES).map(|f| Evidence::new(E::Function, f.clone())));
        } else {
            evidence.push(Evidence::new(
                E::Function,
                format!("{functions_in_package} functions of package {package} linked; its cgo wrappers were removed as dead code, the C side stayed"),
            ));
        }
        evidence.extend(imported.iter().take(MAX_EXAMPLES).map(|i| Evidence::new(E::Import, import_label(i))));
        if id == CauseId::Dns {
            if let Some(lib) = input.dynamic.needed.iter().find(|l| l.starts_with("libresolv.so")) {
                evidence.push(Evidence::new(E::Library, lib.clone()));
            }
        }
        let tag = match id {
            CauseId::Dns => "netgo",
            CauseId::OsUser => "osusergo",
            _ => "",
        };
        if !tag.is_empty() && go.build.cgo_enabled == Some(true) && !go.build.tags.iter().any(|t| t == tag) {
            evidence.push(Evidence::new(E::Setting, format!("CGO_ENABLED=1 and no {tag} in -tags")));
        }
        causes.push(cause(id, Some(package), None, None, makes_dynamic, evidence));
    }

    // Every other package with cgo wrappers: the program's own, or a dependency's.
    for p in &go.cgo_packages {
        if matches!(p.package.as_str(), "net" | "os/user" | "plugin" | "runtime/cgo") {
            continue;
        }
        let mut evidence: Vec<Evidence> = Vec::new();
        if p.count > 0 {
            evidence.push(Evidence::new(E::Function, format!("{} cgo functions in {}", p.count, p.package)));
        }
        evidence.extend(p.functions.iter().take(MAX_EXAMPLES).map(|f| Evidence::new(E::Function, f.clone())));
        if is_own(&p.package, go) {
            causes.push(cause(CauseId::CgoOwn, Some(&p.package), None, None, makes_dynamic, evidence));
            continue;
        }
        let module = owning_module(&p.package, go);
        if let Some(m) = module {
            let line = match &m.replace {
                Some(r) => format!("dep {} {} => {} {}", m.path, m.version, r.path, r.version).trim_end().to_string(),
                None => format!("dep {} {}", m.path, m.version),
            };
            evidence.push(Evidence::new(E::Setting, line));
        }
        causes.push(cause(
            CauseId::CgoDep,
            Some(&p.package),
            module.map(|m| m.path.as_str()),
            module.map(|m| m.version.as_str()),
            makes_dynamic,
            evidence,
        ));
    }
    // Libraries no standard cgo user asks for belong to the C dependencies.
    let extra_libs: Vec<&String> = input
        .dynamic
        .needed
        .iter()
        .filter(|l| !SYSTEM_LIBS.iter().any(|s| l.starts_with(s)))
        .collect();
    if let Some(c) = causes.iter_mut().find(|c| matches!(c.id, CauseId::CgoDep | CauseId::CgoOwn)) {
        c.evidence.extend(extra_libs.iter().map(|l| Evidence::new(E::Library, (*l).clone())));
    }

    if input.linkage == Linkage::Dynamic && input.dynamic.interpreter.is_some() && input.dynamic.needed.is_empty() {
        let mut evidence = vec![
            Evidence::new(E::Interpreter, input.dynamic.interpreter.clone().unwrap_or_default()),
            Evidence::new(E::Section, "no DT_NEEDED entries: no shared library is needed"),
        ];
        if input.dynamic.pie_flag {
            evidence.push(Evidence::new(E::Flag, "DF_1_PIE in DT_FLAGS_1"));
        }
        if let Some(mode) = &go.build.buildmode {
            evidence.push(Evidence::new(E::Setting, format!("-buildmode={mode}")));
        }
        causes.push(cause(CauseId::PieInterp, None, None, None, true, evidence));
    }

    // Tag each import with the cause it points to.
    let present: BTreeSet<CauseId> = causes.iter().map(|c| c.id).collect();
    for i in imports.iter_mut() {
        let n = i.name.as_str();
        i.cause = if DNS_IMPORTS.contains(&n) && present.contains(&CauseId::Dns) {
            Some(CauseId::Dns)
        } else if USER_IMPORTS.contains(&n) && present.contains(&CauseId::OsUser) {
            Some(CauseId::OsUser)
        } else if PLUGIN_IMPORTS.contains(&n) && present.contains(&CauseId::Plugin) {
            Some(CauseId::Plugin)
        } else {
            None
        };
    }
    causes
}

fn non_go(input: &Input) -> Cause {
    let mut evidence = Vec::new();
    if let Some(i) = &input.dynamic.interpreter {
        evidence.push(Evidence::new(E::Interpreter, i.clone()));
    }
    evidence.extend(input.dynamic.needed.iter().map(|l| Evidence::new(E::Library, l.clone())));
    if input.dynamic.has_dynamic_section && input.dynamic.interpreter.is_none() && input.dynamic.needed.is_empty() {
        // Dynamic by `file`'s rule alone: a dynamic section without DF_1_PIE.
        evidence.push(Evidence::new(E::Section, "PT_DYNAMIC present, without DF_1_PIE"));
    }
    evidence.push(Evidence::new(
        E::Symbol,
        match input.language {
            Some(lang) => format!("no Go build info or pclntab; looks like {lang}"),
            None => "no Go build info or pclntab".to_string(),
        },
    ));
    cause(CauseId::NonGo, None, None, None, true, evidence)
}

fn cause(
    id: CauseId,
    package: Option<&str>,
    module: Option<&str>,
    version: Option<&str>,
    makes_dynamic: bool,
    evidence: Vec<Evidence>,
) -> Cause {
    Cause {
        id,
        title: catalogue::cause(id).title.to_string(),
        package: package.map(str::to_string),
        module: module.map(str::to_string),
        version: version.filter(|v| !v.is_empty()).map(str::to_string),
        makes_dynamic,
        evidence,
    }
}

pub(crate) fn import_label(i: &Import) -> String {
    match &i.version {
        Some(v) => format!("{}@{v}", i.name),
        None => i.name.clone(),
    }
}

/// Is the package part of the main module? Without a `mod` line (GOPATH
/// builds), compare the first three path elements with the main package's.
fn is_own(package: &str, go: &GoInfo) -> bool {
    if package == "main" {
        return true;
    }
    if package.contains("/vendor/") {
        return false;
    }
    let inside = |root: &str| package == root || package.starts_with(&format!("{root}/"));
    if let Some(m) = &go.main {
        if !m.path.is_empty() && !go::is_std(package) {
            return inside(&m.path);
        }
    }
    match go.path.as_deref() {
        Some(path) if path != "command-line-arguments" => {
            let root: Vec<&str> = path.split('/').take(3).collect();
            inside(&root.join("/"))
        }
        _ => false,
    }
}

/// The dependency module providing a package: longest matching path.
fn owning_module<'a>(package: &str, go: &'a GoInfo) -> Option<&'a crate::report::Module> {
    let package = go::unvendor(package);
    go.deps
        .iter()
        .filter(|m| package == m.path || package.starts_with(&format!("{}/", m.path)))
        .max_by_key(|m| m.path.len())
}
