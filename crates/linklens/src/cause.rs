//! Cause attribution: which cgo components are linked in, from the pclntab's
//! cgo wrapper names, corroborated (or, when the Go wrappers were dropped as
//! dead code, replaced) by the undefined dynamic imports.

use std::collections::BTreeSet;

use crate::go::{self, Names};
use crate::facts::{Cause, CauseId, Dynamic, Evidence, EvidenceKind as E, GoInfo, Import, Language, Linkage, Module};

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
    pub language: Option<Language>,
}

pub(crate) fn attribute(input: &Input, imports: &mut [Import]) -> Vec<Cause> {
    let Some(go) = input.go else {
        return if input.linkage == Linkage::Dynamic { vec![non_go(input)] } else { Vec::new() };
    };
    let names = input.names.cloned().unwrap_or_default();
    let makes_dynamic = input.linkage == Linkage::Dynamic && input.libc_is_shared;
    let mut causes = std_causes(input, go, &names, imports, makes_dynamic);
    causes.extend(package_causes(go, makes_dynamic));
    // Libraries no standard cgo user asks for belong to the C dependencies.
    if let Some(c) = causes.iter_mut().find(|c| matches!(c.id, CauseId::CgoDep | CauseId::CgoOwn)) {
        let extra = input.dynamic.needed.iter().filter(|l| !SYSTEM_LIBS.iter().any(|s| l.starts_with(s)));
        c.evidence.extend(extra.map(|l| Evidence::new(E::Library, l.clone())));
    }
    causes.extend(purego(input, go, imports));
    causes.extend(pie_interp(input, go));
    causes.extend(race(go, &names, makes_dynamic));
    causes.extend(sanitizer(input, go, makes_dynamic));
    if causes.is_empty() && makes_dynamic {
        causes.extend(external_link(input, go, &names));
    }
    tag_imports(&causes, imports);
    causes
}

/// Standard-library cgo users: their wrappers, or their imports when the
/// package is linked but its wrappers were dropped as dead code.
fn std_causes(input: &Input, go: &GoInfo, names: &Names, imports: &[Import], makes_dynamic: bool) -> Vec<Cause> {
    let mut causes = Vec::new();
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
        match wrappers {
            Some(p) => evidence.extend(p.functions.iter().take(MAX_EXAMPLES).map(|f| Evidence::new(E::Function, f.clone()))),
            None => evidence.push(Evidence::new(E::LinkedFunctions, functions_in_package.to_string())),
        }
        evidence.extend(imported.iter().take(MAX_EXAMPLES).map(|i| Evidence::new(E::Import, import_label(i))));
        if id == CauseId::Dns {
            if let Some(lib) = input.dynamic.needed.iter().find(|l| l.starts_with("libresolv.so")) {
                evidence.push(Evidence::new(E::Library, lib.clone()));
            }
        }
        let tag = match id {
            CauseId::Dns => Some("netgo"),
            CauseId::OsUser => Some("osusergo"),
            _ => None,
        };
        if let Some(tag) = tag.filter(|t| go.build.cgo_enabled == Some(true) && !go.build.tags.iter().any(|have| have == t)) {
            evidence.push(Evidence::new(E::MissingTag, tag));
        }
        causes.push(cause(id, Some(package), None, None, makes_dynamic, evidence));
    }
    causes
}

/// Every other package with cgo wrappers: the program's own, or a dependency's.
fn package_causes(go: &GoInfo, makes_dynamic: bool) -> Vec<Cause> {
    let mut causes = Vec::new();
    for p in &go.cgo_packages {
        if matches!(p.package.as_str(), "net" | "os/user" | "plugin" | "runtime/cgo") {
            continue;
        }
        let mut evidence: Vec<Evidence> = Vec::new();
        if p.count > 0 {
            evidence.push(Evidence::new(E::CgoFunctions, p.count.to_string()));
        }
        evidence.extend(p.functions.iter().take(MAX_EXAMPLES).map(|f| Evidence::new(E::Function, f.clone())));
        if is_own(&p.package, go) {
            causes.push(cause(CauseId::CgoOwn, Some(&p.package), None, None, makes_dynamic, evidence));
            continue;
        }
        let module = owning_module(&p.package, go);
        evidence.extend(module.map(|m| Evidence::new(E::Setting, dep_line(m))));
        let (path, version) = (module.map(|m| m.path.as_str()), module.map(|m| m.version.as_str()));
        causes.push(cause(CauseId::CgoDep, Some(&p.package), path, version, makes_dynamic, evidence));
    }
    causes
}

/// A dependency as `go version -m` prints it: `dep path version [=> path version]`.
fn dep_line(m: &Module) -> String {
    match &m.replace {
        Some(r) => format!("dep {} {} => {} {}", m.path, m.version, r.path, r.version).trim_end().to_string(),
        None => format!("dep {} {}", m.path, m.version),
    }
}

/// The module that loads C libraries at run time without cgo.
pub(crate) const PUREGO: &str = "github.com/ebitengine/purego";

/// purego: the module in the build info, a dynamic file, and the loader's
/// functions it asks for (`//go:cgo_import_dynamic`, cgo on or off).
fn purego(input: &Input, go: &GoInfo, imports: &[Import]) -> Option<Cause> {
    if input.linkage != Linkage::Dynamic {
        return None;
    }
    let m = go.deps.iter().find(|m| m.path == PUREGO || m.replace.as_ref().is_some_and(|r| r.path == PUREGO))?;
    let mut evidence = vec![Evidence::new(E::Setting, dep_line(m))];
    evidence.extend(imports.iter().filter(|i| PLUGIN_IMPORTS.contains(&i.name.as_str())).take(MAX_EXAMPLES).map(|i| Evidence::new(E::Import, import_label(i))));
    evidence.extend(input.dynamic.needed.iter().map(|l| Evidence::new(E::Library, l.clone())));
    if go.build.cgo_enabled == Some(false) {
        evidence.push(Evidence::new(E::Setting, "CGO_ENABLED=0"));
    }
    Some(cause(CauseId::Purego, Some(PUREGO), Some(&m.path), Some(&m.version), true, evidence))
}

/// An interpreter and no library: Go's own `-buildmode=pie` link.
fn pie_interp(input: &Input, go: &GoInfo) -> Option<Cause> {
    let interpreter = input.dynamic.interpreter.as_ref();
    if input.linkage != Linkage::Dynamic || !input.dynamic.needed.is_empty() {
        return None;
    }
    let mut evidence = vec![Evidence::new(E::Interpreter, interpreter?.clone()), Evidence::new(E::NoLibraries, "")];
    if input.dynamic.pie_flag {
        evidence.push(Evidence::new(E::Flag, "DT_FLAGS_1=DF_1_PIE"));
    }
    if let Some(mode) = &go.build.buildmode {
        evidence.push(Evidence::new(E::Setting, format!("-buildmode={mode}")));
    }
    Some(cause(CauseId::PieInterp, None, None, None, true, evidence))
}

/// The race detector: its runtime is C, so a -race build needs cgo.
fn race(go: &GoInfo, names: &Names, makes_dynamic: bool) -> Option<Cause> {
    if !go.settings.iter().any(|s| s.key == "-race" && s.value == "true") {
        return None;
    }
    let mut evidence = vec![Evidence::new(E::Setting, "-race=true")];
    evidence.extend(names.runtime_cgo.iter().map(|c| Evidence::new(E::Function, c.clone())));
    Some(cause(CauseId::Race, None, None, None, makes_dynamic, evidence))
}

/// The address or memory sanitizer: its runtime is a C library.
fn sanitizer(input: &Input, go: &GoInfo, makes_dynamic: bool) -> Option<Cause> {
    let on: Vec<&str> = ["-asan", "-msan"].into_iter().filter(|k| go.settings.iter().any(|s| s.key == *k && s.value == "true")).collect();
    if on.is_empty() {
        return None;
    }
    let mut evidence: Vec<Evidence> = on.iter().map(|k| Evidence::new(E::Setting, format!("{k}=true"))).collect();
    let runtimes = input.dynamic.needed.iter().filter(|l| l.starts_with("libasan") || l.starts_with("libmsan") || l.starts_with("libclang_rt"));
    evidence.extend(runtimes.map(|l| Evidence::new(E::Library, l.clone())));
    Some(cause(CauseId::Sanitizer, None, None, None, makes_dynamic, evidence))
}

/// External linking of a program with no C of its own: gcc adds libc.
fn external_link(input: &Input, go: &GoInfo, names: &Names) -> Option<Cause> {
    let ldflags = go.build.ldflags.as_deref().filter(|l| links_externally(l))?;
    let mut evidence = vec![Evidence::new(E::Setting, format!("-ldflags={ldflags}"))];
    evidence.extend(names.runtime_cgo.iter().map(|c| Evidence::new(E::Function, c.clone())));
    evidence.extend(input.dynamic.needed.iter().map(|l| Evidence::new(E::Library, l.clone())));
    Some(cause(CauseId::ExternalLink, None, None, None, true, evidence))
}

/// Tag each import with the cause it points to.
fn tag_imports(causes: &[Cause], imports: &mut [Import]) {
    let present: BTreeSet<CauseId> = causes.iter().map(|c| c.id).collect();
    for i in imports.iter_mut() {
        let n = i.name.as_str();
        i.cause = [(DNS_IMPORTS, CauseId::Dns), (USER_IMPORTS, CauseId::OsUser), (PLUGIN_IMPORTS, CauseId::Plugin), (PLUGIN_IMPORTS, CauseId::Purego)]
            .into_iter()
            .find(|(list, id)| list.contains(&n) && present.contains(id))
            .map(|(_, id)| id);
    }
}

fn non_go(input: &Input) -> Cause {
    let mut evidence = Vec::new();
    if let Some(i) = &input.dynamic.interpreter {
        evidence.push(Evidence::new(E::Interpreter, i.clone()));
    }
    evidence.extend(input.dynamic.needed.iter().map(|l| Evidence::new(E::Library, l.clone())));
    if input.dynamic.has_dynamic_section && input.dynamic.interpreter.is_none() && input.dynamic.needed.is_empty() {
        // Dynamic by `file`'s rule alone: a dynamic section without DF_1_PIE.
        evidence.push(Evidence::new(E::DynamicWithoutPie, ""));
    }
    // The language is a fact of its own (`toolchain.language`).
    let gccgo = input.language == Some(Language::Gccgo);
    evidence.push(Evidence::new(if gccgo { E::GccgoMarks } else { E::NoGoInfo }, ""));
    if input.language == Some(Language::Gccgo) {
        return cause(CauseId::Gccgo, None, None, None, true, evidence);
    }
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
fn owning_module<'a>(package: &str, go: &'a GoInfo) -> Option<&'a crate::facts::Module> {
    let package = go::unvendor(package);
    go.deps
        .iter()
        .filter(|m| package == m.path || package.starts_with(&format!("{}/", m.path)))
        .max_by_key(|m| m.path.len())
}

/// `-linkmode external` or `-linkmode=external` among linker flags.
fn links_externally(ldflags: &str) -> bool {
    crate::go::quoted::external_linkmode(&crate::go::quoted::split(ldflags))
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_external_linker_is_recognised_in_both_spellings() {
        assert!(links_externally("-linkmode=external"));
        assert!(links_externally("-s -w -linkmode external"));
        assert!(links_externally("--linkmode=external"));
        assert!(!links_externally("-linkmode internal"));
        assert!(!links_externally("-X main.linkmode=external"));
        assert!(!links_externally("-linkmode"));
    }

    use super::*;
    use crate::facts::{CgoPackage, Module};

    fn module(path: &str) -> Module {
        Module { path: path.into(), version: "v1.2.3".into(), sum: None, replace: None }
    }

    fn go(path: Option<&str>, main: Option<&str>, deps: &[&str], cgo: &[&str]) -> GoInfo {
        let mut g = crate::fuzzing::support::go_info("", &[("CGO_ENABLED", "1")]);
        g.path = path.map(str::to_string);
        g.main = main.map(module);
        g.deps = deps.iter().map(|d| module(d)).collect();
        g.cgo_packages = cgo
            .iter()
            .map(|p| CgoPackage { package: p.to_string(), count: 2, functions: vec![format!("{p}._Cfunc_f")] })
            .collect();
        g
    }

    fn import(name: &str) -> Import {
        Import { name: name.into(), version: Some("GLIBC_2.2.5".into()), library: Some("libc.so.6".into()), weak: false, cause: None }
    }

    fn dynamic(needed: &[&str]) -> Dynamic {
        Dynamic {
            interpreter: Some("/lib64/ld-linux-x86-64.so.2".into()),
            needed: needed.iter().map(|s| s.to_string()).collect(),
            has_dynamic_section: true,
            ..Dynamic::default()
        }
    }

    fn causes(go: &GoInfo, names: &Names, imports: &mut [Import], linkage: Linkage, d: &Dynamic) -> Vec<Cause> {
        let input = Input { linkage, dynamic: d, go: Some(go), names: Some(names), libc_is_shared: !d.needed.is_empty(), language: Some(Language::Go) };
        attribute(&input, imports)
    }

    /// (id, package) of each cause.
    fn ids(c: &[Cause]) -> Vec<(CauseId, Option<&str>)> {
        c.iter().map(|c| (c.id, c.package.as_deref())).collect()
    }

    #[test]
    fn purego_is_a_cause_of_its_own_and_tags_the_loader_imports() {
        let d = dynamic(&["libc.so.6"]);
        let g = go(Some("example.com/app"), Some("example.com/app"), &[PUREGO], &[]);
        let mut imports = [import("dlopen"), import("puts")];
        let c = causes(&g, &Names::default(), &mut imports, Linkage::Dynamic, &d);
        assert_eq!(ids(&c), [(CauseId::Purego, Some(PUREGO))]);
        assert_eq!(c[0].module.as_deref(), Some(PUREGO));
        assert!(c[0].evidence.iter().any(|e| e.kind == E::Import && e.value.starts_with("dlopen")), "{:?}", c[0].evidence);
        assert_eq!((imports[0].cause, imports[1].cause), (Some(CauseId::Purego), None));
        // A static file that happens to list the module is not dynamic because of it.
        assert!(causes(&g, &Names::default(), &mut [], Linkage::Static, &Dynamic::default()).is_empty());
    }

    #[test]
    fn race_and_external_link_come_from_their_own_settings() {
        let d = dynamic(&["libc.so.6"]);
        let with = |settings: &[(&str, &str)]| {
            let mut g = go(Some("example.com/app"), Some("example.com/app"), &[], &[]);
            g.settings = settings.iter().map(|(k, v)| crate::facts::Setting { key: k.to_string(), value: v.to_string() }).collect();
            g.build.ldflags = settings.iter().find(|(k, _)| *k == "-ldflags").map(|(_, v)| v.to_string());
            ids(&causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &d)).into_iter().map(|(id, _)| id).collect::<Vec<_>>()
        };
        assert_eq!(with(&[("-race", "true")]), [CauseId::Race]);
        // Another setting that is true, or -race=false, is not a race build.
        assert!(with(&[("-trimpath", "true"), ("-race", "false")]).is_empty());
        assert_eq!(with(&[("-ldflags", "-linkmode=external")]), [CauseId::ExternalLink]);
        // An external link beside a real cause is not the reason.
        assert_eq!(with(&[("-ldflags", "-linkmode=external"), ("-race", "true")]), [CauseId::Race]);
        // Static: the external link made nothing dynamic.
        let mut g = go(Some("example.com/app"), Some("example.com/app"), &[], &[]);
        g.build.ldflags = Some("-linkmode external".into());
        assert!(causes(&g, &Names::default(), &mut [], Linkage::Static, &Dynamic::default()).is_empty());
    }

    #[test]
    fn own_cgo_is_inside_the_main_module() {
        let d = dynamic(&["libc.so.6"]);
        let g = go(
            Some("example.com/app/cmd/tool"),
            Some("example.com/app"),
            &["example.com/application", "github.com/mattn/go-sqlite3"],
            &["main", "example.com/app", "example.com/app/internal/c", "example.com/application/c", "example.com/app/vendor/github.com/mattn/go-sqlite3"],
        );
        let c = causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &d);
        assert_eq!(
            ids(&c),
            [
                (CauseId::CgoOwn, Some("main")),
                (CauseId::CgoOwn, Some("example.com/app")),
                (CauseId::CgoOwn, Some("example.com/app/internal/c")),
                (CauseId::CgoDep, Some("example.com/application/c")),
                (CauseId::CgoDep, Some("example.com/app/vendor/github.com/mattn/go-sqlite3")),
            ]
        );
        // The sibling module maps to its own module, the vendored package to its.
        assert_eq!(c[3].module.as_deref(), Some("example.com/application"));
        assert_eq!(c[4].module.as_deref(), Some("github.com/mattn/go-sqlite3"));
        assert_eq!(c[4].version.as_deref(), Some("v1.2.3"));
        assert!(c.iter().all(|c| c.makes_dynamic));
    }

    #[test]
    fn gopath_builds_compare_the_first_three_path_elements() {
        let d = dynamic(&["libc.so.6"]);
        let g = go(Some("github.com/me/tool/cmd/x"), None, &[], &["github.com/me/tool/internal/c", "github.com/other/lib"]);
        let c = causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &d);
        assert_eq!(ids(&c), [(CauseId::CgoOwn, Some("github.com/me/tool/internal/c")), (CauseId::CgoDep, Some("github.com/other/lib"))]);
        // Built from files on the command line: only package main is the program's own.
        let g = go(Some("command-line-arguments"), None, &[], &["command-line-arguments", "mylib"]);
        let c = causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &d);
        assert_eq!(ids(&c), [(CauseId::CgoDep, Some("command-line-arguments")), (CauseId::CgoDep, Some("mylib"))]);
        // A `mod` line with no path (a GOPATH build of a module-less tree):
        // the package path's root decides.
        let g = go(Some("github.com/me/tool/cmd/x"), Some(""), &[], &["github.com/me/tool/internal/c"]);
        assert_eq!(ids(&causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &d)), [(CauseId::CgoOwn, Some("github.com/me/tool/internal/c"))]);
        // A standard-library package is never the main module's, whatever its path.
        let g = go(Some("example.com/app"), Some("example.com/app"), &[], &["runtime/race"]);
        assert_eq!(ids(&causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &d)), [(CauseId::CgoDep, Some("runtime/race"))]);
    }

    #[test]
    fn dns_from_imports_when_the_wrappers_were_removed() {
        let d = dynamic(&["libc.so.6", "libresolv.so.2"]);
        let g = go(Some("example.com/app"), Some("example.com/app"), &[], &[]);
        let names = Names { net: 12, ..Names::default() };
        let mut imports = [import("getaddrinfo"), import("getpwnam_r"), import("puts")];
        let c = causes(&g, &names, &mut imports, Linkage::Dynamic, &d);
        // net's functions are linked and its C side imported: DNS. os/user
        // has no function left here: its import alone is not a cause.
        assert_eq!(ids(&c), [(CauseId::Dns, Some("net"))]);
        let ev = &c[0].evidence;
        assert!(ev.iter().any(|e| e.kind == E::LinkedFunctions && e.value == "12"), "{ev:?}");
        assert!(ev.iter().any(|e| e.kind == E::Import && e.value == "getaddrinfo@GLIBC_2.2.5"), "{ev:?}");
        assert!(ev.iter().any(|e| e.kind == E::Library && e.value == "libresolv.so.2"), "{ev:?}");
        assert!(ev.iter().any(|e| e.kind == E::MissingTag && e.value == "netgo"), "{ev:?}");
        assert_eq!(imports[0].cause, Some(CauseId::Dns));
        assert_eq!(imports[1].cause, None, "no os/user cause, so its import is not tagged");
        assert_eq!(imports[2].cause, None);
        // No net function at all: the import alone proves nothing.
        let c = causes(&g, &Names::default(), &mut [import("getaddrinfo")], Linkage::Dynamic, &d);
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_file_that_is_not_go() {
        let attribute_non_go = |d: &Dynamic, linkage, language| {
            attribute(&Input { linkage, dynamic: d, go: None, names: None, libc_is_shared: !d.needed.is_empty(), language }, &mut [])
        };
        assert!(attribute_non_go(&Dynamic::default(), Linkage::Static, Some(Language::C)).is_empty());
        let c = attribute_non_go(&dynamic(&["libc.so.6"]), Linkage::Dynamic, Some(Language::Cxx));
        let values: Vec<&str> = c[0].evidence.iter().map(|e| e.value.as_str()).collect();
        assert_eq!(values, ["/lib64/ld-linux-x86-64.so.2", "libc.so.6", ""]);
        assert_eq!(c[0].evidence[2].kind, E::NoGoInfo);
        // Dynamic by file's rule alone: a dynamic section, nothing else.
        let bare = Dynamic { has_dynamic_section: true, ..Dynamic::default() };
        let c = attribute_non_go(&bare, Linkage::Dynamic, None);
        let kinds: Vec<E> = c[0].evidence.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, [E::DynamicWithoutPie, E::NoGoInfo]);
        // An interpreter: the section is not the reason then.
        let mut interp = bare.clone();
        interp.interpreter = Some("/lib/ld.so".into());
        let c = attribute_non_go(&interp, Linkage::Dynamic, None);
        assert!(!c[0].evidence.iter().any(|e| e.kind == E::Section));
    }

    #[test]
    fn package_counts_only_for_the_std_c_imports() {
        assert!(needs_package_counts(&[import("puts"), import("getaddrinfo")]));
        assert!(needs_package_counts(&[import("getgrouplist")]));
        assert!(needs_package_counts(&[import("dlopen")]));
        assert!(!needs_package_counts(&[import("puts"), import("pthread_create")]));
        assert!(!needs_package_counts(&[]));
    }

    #[test]
    fn libresolv_is_dns_evidence_only() {
        let d = dynamic(&["libc.so.6", "libresolv.so.2"]);
        let mut g = go(Some("example.com/app"), Some("example.com/app"), &[], &["os/user"]);
        g.build.tags = vec!["osusergo".into()];
        let c = causes(&g, &Names::default(), &mut [import("getpwnam_r")], Linkage::Dynamic, &d);
        assert_eq!(ids(&c), [(CauseId::OsUser, Some("os/user"))]);
        assert!(!c[0].evidence.iter().any(|e| e.kind == E::Library), "{:?}", c[0].evidence);
        // The tag is there: the setting is not evidence.
        assert!(!c[0].evidence.iter().any(|e| e.kind == E::Setting), "{:?}", c[0].evidence);
    }

    #[test]
    fn makes_dynamic_needs_a_dynamic_file_with_a_shared_libc() {
        let g = go(Some("example.com/app"), Some("example.com/app"), &["github.com/mattn/go-sqlite3"], &["github.com/mattn/go-sqlite3"]);
        let shared = dynamic(&["libc.so.6"]);
        assert!(causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &shared)[0].makes_dynamic);
        assert!(!causes(&g, &Names::default(), &mut [], Linkage::Static, &Dynamic::default())[0].makes_dynamic);
        // A PIE that asks for the loader but needs no library: the C code is static.
        let interp_only = dynamic(&[]);
        let c = causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &interp_only);
        assert_eq!(ids(&c), [(CauseId::CgoDep, Some("github.com/mattn/go-sqlite3")), (CauseId::PieInterp, None)]);
        assert!(!c[0].makes_dynamic && c[1].makes_dynamic);
        // Libraries beyond libc belong to the C dependency.
        let extra = dynamic(&["libc.so.6", "libsqlite3.so.0"]);
        let c = causes(&g, &Names::default(), &mut [], Linkage::Dynamic, &extra);
        assert!(c[0].evidence.iter().any(|e| e.kind == E::Library && e.value == "libsqlite3.so.0"));
        assert!(!c[0].evidence.iter().any(|e| e.value == "libc.so.6"));
    }
}
