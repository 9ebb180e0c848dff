//! Go-specific reading: the build info, the pclntab, and the cgo wrapper
//! functions found in it.

pub(crate) mod buildinfo;
mod needs;
pub(crate) mod pclntab;
pub mod quoted;

use std::collections::BTreeMap;

use object::read::ReadRef;

use crate::facts::{CgoPackage, Evidence, EvidenceKind, GoDetection, GoInfo};
use crate::image::Image;
use crate::warning::BuildinfoDamage;

/// How many example function names a `CgoPackage` keeps.
const EXAMPLES: usize = 6;

/// What the function names say, beyond the cgo packages themselves.
#[derive(Debug, Default, Clone)]
pub(crate) struct Names {
    /// Number of functions in each package of interest.
    pub net: u64,
    pub os_user: u64,
    pub plugin: u64,
    /// C functions kept in internally linked binaries: `_cgo_<hash>_C2func_getaddrinfo`.
    pub cgo_c_functions: Vec<String>,
    /// `runtime/cgo`'s C side (`x_cgo_init`, `crosscall2`…) or Go side.
    pub runtime_cgo: Option<String>,
    /// `testing.MainStart`: a test binary.
    pub test_main: Option<String>,
    /// A `crypto/tls` function: the program speaks TLS.
    pub tls: Option<String>,
    /// The functions that read files at run time.
    pub needs: needs::Seen,
}

pub(crate) struct Detected {
    pub info: GoInfo,
    pub names: Names,
    /// Build info that was present but could not be parsed.
    pub buildinfo_damage: Option<BuildinfoDamage>,
}

/// Whether to search the file for Go's tables beyond their own sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Search {
    /// Only the sections named for them (`.go.buildinfo`, `.gopclntab`…):
    /// the file has section headers and no cheap sign of Go.
    NamedOnly,
    /// Also scan segments and data sections: a cheap marker says Go (a
    /// PIE keeps its pclntab inside `.data.rel.ro`), or the file has no
    /// section headers to go by.
    Scan,
}

/// Section names only Go's linker writes.
const GO_SECTIONS: [&str; 6] = [
    ".go.buildinfo",
    ".gopclntab",
    ".note.go.buildid",
    ".data.rel.ro.gopclntab",
    "__gopclntab",
    "__go_buildinfo",
];

/// The cheap decision: scan for Go's tables only where something says Go.
pub(crate) fn search<'data, R: ReadRef<'data>>(
    image: &Image<'data, R>,
    go_note: bool,
    runtime_symbols: bool,
) -> Search {
    let named = image
        .sections
        .iter()
        .any(|s| GO_SECTIONS.contains(&s.name.as_str()));
    if image.sections.is_empty() || named || go_note || runtime_symbols {
        Search::Scan
    } else {
        Search::NamedOnly
    }
}

/// Find Go's tables and read what they say. `count_packages`: count the
/// functions of net, os/user and plugin too (needed only when the file
/// imports their C functions: `cause::needs_package_counts`).
pub(crate) fn detect<'data, R: ReadRef<'data>>(
    image: &Image<'data, R>,
    search: Search,
    count_packages: bool,
) -> Option<Detected> {
    let (bi, buildinfo_damage) = match buildinfo::find(image, search) {
        Ok(bi) => (bi, None),
        Err(e) => (None, Some(e)),
    };
    let table = pclntab::find(image, search);
    let detected_by = match (&bi, &table) {
        (Some(_), Some(_)) => GoDetection::Both,
        (Some(_), None) => GoDetection::Buildinfo,
        (None, Some(_)) => GoDetection::Pclntab,
        (None, None) => return None,
    };
    let mut names = Names::default();
    let mut cgo: BTreeMap<String, (u64, Vec<String>)> = BTreeMap::new();
    if let Some(t) = &table {
        match t.name_table(image) {
            // Go 1.16+: one contiguous table, scanned in two memchr/memmem passes.
            Some(table) => scan_table(table, count_packages, &mut names, &mut cgo),
            None => t.for_each_go12_name(image, |name| {
                count_name(name, &mut names);
                names.needs.name(name);
                if memchr::memmem::find(name, CGO_HINT).is_some() {
                    add_cgo_name(name, &mut cgo);
                } else if memchr::memmem::find(name, EXPORT_HINT).is_some() {
                    add_export_name(name, &mut cgo);
                }
                if names.test_main.is_none() && name.starts_with(TEST_MAIN) {
                    names.test_main = Some(String::from_utf8_lossy(name).into_owned());
                }
            }),
        }
    }
    let cgo_packages = cgo
        .into_iter()
        .map(|(package, (count, mut functions))| {
            // Real C calls first; cgo's own helpers (GoString, CString…)
            // and closures last, since they say nothing about the cause.
            functions.sort_by_key(|f| {
                (
                    is_cgo_helper(f),
                    f.contains(".func"),
                    !f.contains("func_"),
                    f.clone(),
                )
            });
            functions.truncate(EXAMPLES);
            CgoPackage {
                package,
                count,
                functions,
            }
        })
        .collect();
    let (version, path, main, deps, settings, section, offset) = match bi {
        Some(b) => (
            Some(b.version),
            b.path,
            b.main,
            b.deps,
            b.settings,
            b.section,
            Some(b.offset),
        ),
        None => (None, None, None, Vec::new(), Vec::new(), None, None),
    };
    let build = buildinfo::typed_settings(&settings);
    let test = test_binary(
        path.as_deref().filter(|p| p.ends_with(".test")),
        names.test_main.as_deref(),
    );
    Some(Detected {
        info: GoInfo {
            detected_by,
            version,
            path,
            main,
            deps,
            settings,
            build,
            pclntab: table.map(|t| t.info),
            cgo_packages,
            buildinfo_section: section,
            buildinfo_offset: offset,
            test_binary: test,
            tls: names
                .tls
                .clone()
                .map(|f| Evidence::new(EvidenceKind::Function, f)),
            needs: names.needs.clone().needs(),
        },
        names,
        buildinfo_damage,
    })
}

/// What a gccgo file records: its module info, read from `.rodata`
/// ([`buildinfo::find_gccgo`]); none of gc's tables.
pub(crate) fn gccgo_info<'data, R: ReadRef<'data>>(image: &Image<'data, R>) -> Option<GoInfo> {
    buildinfo::find_gccgo(image).map(gccgo_go_info)
}

fn gccgo_go_info(b: buildinfo::BuildInfo) -> GoInfo {
    GoInfo {
        detected_by: GoDetection::GccgoModinfo,
        version: None,
        build: buildinfo::typed_settings(&b.settings),
        path: b.path,
        main: b.main,
        deps: b.deps,
        settings: b.settings,
        pclntab: None,
        cgo_packages: Vec::new(),
        buildinfo_section: b.section,
        buildinfo_offset: Some(b.offset),
        test_binary: None,
        tls: None,
        needs: Vec::new(),
    }
}

/// The markers cgo gives the Go side of a C call: `pkg._Cfunc_f`,
/// `pkg._C2func_f` (returns errno) and, in newer Go, `pkg._C_f`.
/// `pkg._cgoexp_<hash>_f` is the Go side of an `//export`ed function.
const CGO_MARKERS: [&str; 4] = ["._Cfunc_", "._C2func_", "._C_", "._cgoexp_"];
/// What every marker starts with: one memmem pass over the name table
/// finds the few names worth decoding.
const CGO_HINT: &[u8] = b"._C";
/// The marker of an `//export`ed function: `_cgoexp_<hash>_F` in package
/// main (the linker names it without its package), `pkg._cgoexp_…` elsewhere.
const EXPORT_HINT: &[u8] = b"_cgoexp_";
/// The package whose functions say the program speaks TLS, and the one
/// function that says it best (the handshake every connection runs).
const TLS: &[u8] = b"crypto/tls.";
const TLS_HANDSHAKE: &str = "crypto/tls.(*Conn).Handshake";
/// What `go test -c` links and no program does.
const TEST_MAIN: &[u8] = b"testing.MainStart";

/// Count the packages of interest and note runtime/cgo's C side, on bytes
/// (no UTF-8 check, no allocation: this runs for every function).
fn count_name(name: &[u8], names: &mut Names) {
    match name.first() {
        Some(b'n') => names.net += u64::from(name.starts_with(b"net.")),
        Some(b'o') => names.os_user += u64::from(name.starts_with(b"os/user.")),
        Some(b'p') => names.plugin += u64::from(name.starts_with(b"plugin.")),
        Some(b'r') if names.runtime_cgo.is_none() && name.starts_with(b"runtime/cgo.") => {
            names.runtime_cgo = Some(String::from_utf8_lossy(name).into_owned())
        }
        Some(b'x' | b'c')
            if names.runtime_cgo.is_none() && (name == b"x_cgo_init" || name == b"crosscall2") =>
        {
            names.runtime_cgo = Some(String::from_utf8_lossy(name).into_owned())
        }
        Some(b'c') if name.starts_with(TLS) => {
            // The first TLS name, replaced once by the handshake.
            let better = names.tls.as_deref().is_none_or(|t| {
                !t.starts_with(TLS_HANDSHAKE) && name.starts_with(TLS_HANDSHAKE.as_bytes())
            });
            if better {
                names.tls = Some(String::from_utf8_lossy(name).into_owned());
            }
        }
        Some(b'_') if names.cgo_c_functions.len() < EXAMPLES && name.starts_with(b"_cgo_") => {
            let c_wrapper = memchr::memmem::find(name, b"_C2func_").is_some()
                || memchr::memmem::find(name, b"_Cfunc_").is_some();
            if c_wrapper {
                names
                    .cgo_c_functions
                    .push(String::from_utf8_lossy(name).into_owned());
            }
        }
        _ => {}
    }
}

/// A name that contains the cgo hint: decode it and, if it is a wrapper,
/// count it under its package.
fn add_cgo_name(name: &[u8], cgo: &mut BTreeMap<String, (u64, Vec<String>)>) {
    let Ok(name) = core::str::from_utf8(name) else {
        return;
    };
    if let Some(package) = cgo_package(name) {
        record(cgo, package, name);
    }
}

/// Count a cgo function of `package`, keeping a bounded sample of names
/// (sorted and cut to EXAMPLES at the end).
fn record(cgo: &mut BTreeMap<String, (u64, Vec<String>)>, package: &str, name: &str) {
    let entry = cgo.entry(package.to_string()).or_default();
    entry.0 += 1;
    if entry.1.len() < 64 {
        entry.1.push(name.to_string());
    }
}

/// An `//export`ed function's Go side: package main's have no package.
fn add_export_name(name: &[u8], cgo: &mut BTreeMap<String, (u64, Vec<String>)>) {
    if name.starts_with(EXPORT_HINT) {
        record(cgo, "main", &String::from_utf8_lossy(name));
    } else {
        add_cgo_name(name, cgo);
    }
}

/// Every name in a NUL-separated table that starts with `prefix`: one
/// memmem pass for the prefix itself, keeping the hits at a name's start.
/// (Searching for `\0prefix` is slower: NUL is the table's commonest byte.)
fn names_starting_with<'t>(
    table: &'t [u8],
    prefix: &'t [u8],
) -> impl Iterator<Item = &'t [u8]> + 't {
    memchr::memmem::find_iter(table, prefix)
        .filter(move |&hit| hit == 0 || table[hit - 1] == 0)
        .map(move |start| {
            let end = memchr::memchr(0, &table[start..]).map_or(table.len(), |i| start + i);
            &table[start..end]
        })
}

/// The whole NUL-separated name table, in memmem passes rather than name
/// by name: the cgo wrappers and cgo's C functions by the `_C` they share;
/// runtime/cgo only where no cgo was found; and, only when the imports need
/// them, the counts of net, os/user and plugin functions.
fn scan_table(
    table: &[u8],
    count_packages: bool,
    names: &mut Names,
    cgo: &mut BTreeMap<String, (u64, Vec<String>)>,
) {
    // One pass finds both the Go wrappers (`pkg._Cfunc_f`) and the C ones
    // kept in internally linked files (`_cgo_<hash>_Cfunc_f`).
    let mut next_free = 0;
    for hit in memchr::memmem::find_iter(table, b"_C") {
        if hit < next_free {
            continue; // a second hint inside a name already looked at
        }
        let begin = memchr::memrchr(0, &table[..hit]).map_or(0, |i| i + 1);
        let end = memchr::memchr(0, &table[hit..]).map_or(table.len(), |i| hit + i);
        let name = &table[begin..end];
        if name.starts_with(b"_cgo_") {
            count_name(name, names);
        } else if memchr::memmem::find(name, CGO_HINT).is_some() {
            add_cgo_name(name, cgo);
        }
        next_free = end;
    }
    // runtime/cgo matters only where nothing above showed C code already.
    if cgo.is_empty() && names.cgo_c_functions.is_empty() {
        for prefix in [&b"runtime/cgo."[..], b"x_cgo_init", b"crosscall2"] {
            if names.runtime_cgo.is_none() {
                names.runtime_cgo = names_starting_with(table, prefix)
                    .next()
                    .map(|n| String::from_utf8_lossy(n).into_owned());
            }
        }
        // cgo with no C call: only `//export`ed functions (a c-shared
        // library's whole interface), which runtime/cgo comes with.
        if names.runtime_cgo.is_some() {
            for hit in memchr::memmem::find_iter(table, EXPORT_HINT) {
                let begin = memchr::memrchr(0, &table[..hit]).map_or(0, |i| i + 1);
                let end = memchr::memchr(0, &table[hit..]).map_or(table.len(), |i| hit + i);
                add_export_name(&table[begin..end], cgo);
            }
        }
    }
    // TLS: CA certificates must be where Go looks for them.
    names.tls = names_starting_with(table, TLS_HANDSHAKE.as_bytes())
        .next()
        .or_else(|| names_starting_with(table, TLS).next())
        .map(|n| String::from_utf8_lossy(n).into_owned());
    names.needs = needs::Seen::table(|prefix| names_starting_with(table, prefix));
    // A test binary (`go test -c`) runs testing's generated main.
    names.test_main = names_starting_with(table, TEST_MAIN)
        .next()
        .map(|n| String::from_utf8_lossy(n).into_owned());
    // A count matters only where the package's wrappers are gone (removed
    // as dead code) while its imports stayed.
    if count_packages {
        let count = |package: &str, prefix: &[u8]| -> u64 {
            if cgo.contains_key(package) {
                0
            } else {
                names_starting_with(table, prefix).count() as u64
            }
        };
        names.net = count("net", b"net.");
        names.os_user = count("os/user", b"os/user.");
        names.plugin = count("plugin", b"plugin.");
    }
}

/// The package of a cgo wrapper function, if `name` is one. The package
/// path must be plain: no spaces, brackets or parentheses, which would mean
/// the marker sits inside a generic instantiation or a method receiver.
pub(crate) fn cgo_package(name: &str) -> Option<&str> {
    let at = CGO_MARKERS.iter().filter_map(|m| name.find(m)).min()?;
    let (package, _) = name.split_at_checked(at)?;
    let plain = !package.is_empty()
        && !package.contains(|c: char| c.is_whitespace() || "[]()*{},;".contains(c));
    plain.then_some(package)
}

/// cgo's built-in helpers, present in any package that uses them.
fn is_cgo_helper(name: &str) -> bool {
    [
        "GoString",
        "GoStringN",
        "GoBytes",
        "CString",
        "CBytes",
        "_CMalloc",
    ]
    .iter()
    .any(|h| name.ends_with(&format!("_Cfunc_{h}")) || name.ends_with(&format!("_C_{h}")))
}

/// Strip a vendor directory: `example.com/app/vendor/github.com/x/y` is `github.com/x/y`.
pub(crate) fn unvendor(package: &str) -> &str {
    match package.rsplit_once("/vendor/") {
        Some((_, vendored)) => vendored,
        None => package.strip_prefix("vendor/").unwrap_or(package),
    }
}

/// Is `package` inside the standard library? Std paths have no dot in
/// their first element.
pub(crate) fn is_std(package: &str) -> bool {
    let first = package.split('/').next().unwrap_or("");
    !first.contains('.') && first != "main" && !package.contains("/vendor/")
}

/// How a test binary shows: its recorded path ends in `.test` (a library's
/// tests), or testing's generated main is linked (a main package's).
fn test_binary(path: Option<&str>, test_main: Option<&str>) -> Option<Evidence> {
    match (path, test_main) {
        (Some(p), _) => Some(Evidence::new(EvidenceKind::Setting, format!("path {p}"))),
        (None, Some(f)) => Some(Evidence::new(EvidenceKind::Function, f)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_cgo_packages() {
        assert_eq!(cgo_package("net._C2func_getaddrinfo"), Some("net"));
        assert_eq!(cgo_package("os/user._C_getpwnam_r"), Some("os/user"));
        assert_eq!(
            cgo_package("github.com/mattn/go-sqlite3._Cfunc_sqlite3_threadsafe"),
            Some("github.com/mattn/go-sqlite3")
        );
        assert_eq!(cgo_package("gopkg.in/x.v2._Cfunc_f"), Some("gopkg.in/x.v2"));
        assert_eq!(cgo_package("sync.(*Pool[net._C_struct_x]).Get"), None);
        assert_eq!(cgo_package("net.cgoLookupHost"), None);
        assert_eq!(cgo_package("._Cfunc_x"), None);
    }

    #[test]
    fn name_table_scan() {
        let table = b"runtime.main\0net._C2func_getaddrinfo\0net.(*Resolver).lookupHost\0net.dial\0os/user.lookupUser\0os/user.Current\0\
x_cgo_init\0_cgo_1a2b_C2func_getaddrinfo\0github.com/mattn/go-sqlite3._Cfunc_sqlite3_open_v2\0sync.(*Pool[net._C_struct_x]).Get\0plugin.Open";
        let (mut names, mut cgo) = (Names::default(), BTreeMap::new());
        scan_table(table, true, &mut names, &mut cgo);
        let packages: Vec<&str> = cgo.keys().map(String::as_str).collect();
        assert_eq!(packages, ["github.com/mattn/go-sqlite3", "net"]);
        assert_eq!(cgo["net"].0, 1);
        // net has its wrappers: its count is not needed; os/user's and
        // plugin's are (their wrappers are gone), the last name included.
        assert_eq!((names.net, names.os_user, names.plugin), (0, 2, 1));
        assert_eq!(names.cgo_c_functions, ["_cgo_1a2b_C2func_getaddrinfo"]);
        // runtime/cgo is looked for only where no cgo was found.
        assert!(names.runtime_cgo.is_none());
        let (mut names, mut cgo) = (Names::default(), BTreeMap::new());
        scan_table(
            b"runtime.main\0x_cgo_init\0main.main",
            false,
            &mut names,
            &mut cgo,
        );
        assert_eq!(names.runtime_cgo.as_deref(), Some("x_cgo_init"));
        // Without imports that need them, no counting at all.
        let (mut names, mut cgo) = (Names::default(), BTreeMap::new());
        scan_table(table, false, &mut names, &mut cgo);
        assert_eq!((names.net, names.os_user, names.plugin), (0, 0, 0));
        // "runtime/cgo." inside another name is not runtime/cgo.
        let (mut names, mut cgo) = (Names::default(), BTreeMap::new());
        scan_table(
            b"main.f[runtime/cgo.x]\0main.main",
            true,
            &mut names,
            &mut cgo,
        );
        assert!(names.runtime_cgo.is_none());
    }

    #[test]
    fn tls_is_seen_by_its_functions_the_handshake_preferred() {
        let scan = |table: &[u8]| {
            let (mut names, mut cgo) = (Names::default(), BTreeMap::new());
            scan_table(table, false, &mut names, &mut cgo);
            names.tls
        };
        assert_eq!(
            scan(b"main.main\0crypto/tls.(*Config).Clone\0crypto/tls.(*Conn).Handshake\0")
                .as_deref(),
            Some("crypto/tls.(*Conn).Handshake")
        );
        assert_eq!(
            scan(b"main.main\0crypto/tls.(*Config).Clone\0").as_deref(),
            Some("crypto/tls.(*Config).Clone")
        );
        assert_eq!(
            scan(b"main.main\0crypto/x509.ParseCertificate\0xcrypto/tls.y\0"),
            None,
            "x509 alone, or the name inside another"
        );
        // Go 1.2–1.15: name by name, the first kept until the handshake comes.
        let d = detect_go12(&[
            "main.main",
            "crypto/tls.(*Config).Clone",
            "crypto/tls.(*Conn).Handshake",
            "crypto/tls.z",
        ]);
        assert_eq!(d.names.tls.as_deref(), Some("crypto/tls.(*Conn).Handshake"));
        assert_eq!(
            d.info.tls.as_ref().map(|e| (e.kind, e.value.as_str())),
            Some((EvidenceKind::Function, "crypto/tls.(*Conn).Handshake"))
        );
        let d = detect_go12(&["main.main", "crypto/tls.a", "crypto/tls.b"]);
        assert_eq!(
            d.names.tls.as_deref(),
            Some("crypto/tls.a"),
            "the first one stays"
        );
        let d = detect_go12(&["main.main", "crosscall2", "context.Background", "net.Dial"]);
        assert_eq!(d.names.tls, None, "other c… names are not TLS");
        assert_eq!(
            d.names.runtime_cgo.as_deref(),
            Some("crosscall2"),
            "a c… name that is not TLS still counts"
        );
    }

    /// A Go 1.2–1.15 pclntab (names reached through the function table,
    /// one by one): 64-bit little-endian, one `_func` per name.
    fn go12_table(names: &[&str]) -> Vec<u8> {
        let n = names.len() as u64;
        let mut t = Vec::new();
        t.extend_from_slice(&0xffff_fffbu32.to_le_bytes());
        t.extend_from_slice(&[0, 0, 1, 8]);
        t.extend_from_slice(&n.to_le_bytes());
        let functab = t.len();
        t.resize(functab + (2 * names.len() + 1) * 8, 0);
        let mut funcs = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let func_off = t.len();
            funcs.push(func_off);
            t.extend_from_slice(&(0x1000 + i as u64).to_le_bytes());
            t.extend_from_slice(&[0; 8]);
            let name_off = t.len() as u32;
            t[func_off + 8..func_off + 12].copy_from_slice(&name_off.to_le_bytes());
            t.extend_from_slice(name.as_bytes());
            t.push(0);
            while t.len() % 8 != 0 {
                t.push(0);
            }
        }
        for (i, off) in funcs.iter().enumerate() {
            let at = functab + (2 * i + 1) * 8;
            t[at..at + 8].copy_from_slice(&(*off as u64).to_le_bytes());
        }
        t
    }

    fn detect_go12(names: &[&str]) -> Detected {
        let bytes = go12_table(names);
        let image = Image::raw(&bytes[..], false, false, 8);
        detect(&image, Search::Scan, true).expect("a Go 1.2 pclntab")
    }

    #[test]
    fn go12_names_are_counted_one_by_one() {
        let d = detect_go12(&[
            "runtime.main",
            "net.Dial",
            "net.(*Resolver).lookupIP",
            "netx.Y",
            "os/user.Current",
            "os.Exit",
            "plugin.Open",
            "pluginx.Z",
            "runtime/cgo.Handle.Value",
            "crosscall2",
            "_cgo_1a_Cfunc_puts",
            "_cgo_1a_C2func_getaddrinfo",
            "_cgo_panic",
            "testing.MainStart",
            "testing.MainStart2",
            "x_cgo_init",
            "_rt0_Cfunc_like",
        ]);
        assert_eq!(
            d.info.pclntab.as_ref().map(|p| p.version.as_str()),
            Some("go1.2-go1.15")
        );
        assert_eq!((d.names.net, d.names.os_user, d.names.plugin), (2, 1, 1));
        assert_eq!(
            d.names.runtime_cgo.as_deref(),
            Some("runtime/cgo.Handle.Value"),
            "the first runtime/cgo name stays"
        );
        assert_eq!(
            d.names.cgo_c_functions,
            ["_cgo_1a_Cfunc_puts", "_cgo_1a_C2func_getaddrinfo"],
            "C wrappers only"
        );
        assert_eq!(
            d.names.test_main.as_deref(),
            Some("testing.MainStart"),
            "the first test main stays"
        );
        assert_eq!(
            d.info.test_binary.as_ref().map(|e| e.value.as_str()),
            Some("testing.MainStart")
        );
        // runtime/cgo's C side alone is runtime/cgo too.
        for first in ["crosscall2", "x_cgo_init"] {
            let d = detect_go12(&["main.main", first, "runtime/cgo.later"]);
            assert_eq!(d.names.runtime_cgo.as_deref(), Some(first));
        }
        let d = detect_go12(&["main.main", "x_cgo_initx", "crosscall"]);
        assert_eq!(d.names.runtime_cgo, None, "only the exact C names");
        // A program, not a test.
        let d = detect_go12(&["main.main", "testing.Main"]);
        assert_eq!(d.names.test_main, None);
        // C functions: a bounded sample.
        let many: Vec<String> = (0..EXAMPLES + 3)
            .map(|i| format!("_cgo_{i}_Cfunc_f{i}"))
            .collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(detect_go12(&refs).names.cgo_c_functions.len(), EXAMPLES);
        // cgo wrappers and //export names are found on this path too.
        let d = detect_go12(&["main.main", "net._C2func_getaddrinfo", "_cgoexp_1a_Hello"]);
        let packages: Vec<&str> = d
            .info
            .cgo_packages
            .iter()
            .map(|p| p.package.as_str())
            .collect();
        assert_eq!(packages, ["main", "net"]);
    }

    /// A Go 1.16–1.17 pclntab of two functions: nfunc, nfiles, then five
    /// offsets from the table's start; exactly as long as it says.
    fn go116_table(names: &[u8]) -> Vec<u8> {
        let mut t = Vec::new();
        t.extend_from_slice(&0xffff_fffau32.to_le_bytes());
        t.extend_from_slice(&[0, 0, 1, 8]);
        let funcname = 64u64;
        let cu = funcname + names.len() as u64;
        for w in [2u64, 1, funcname, cu, cu, cu, cu] {
            t.extend_from_slice(&w.to_le_bytes());
        }
        t.extend_from_slice(names);
        t.resize(t.len() + 3 * 16, 0);
        t
    }

    #[test]
    fn go116_tables_are_read_by_their_name_table() {
        let t = go116_table(b"main.main\0net._C2func_getaddrinfo\0");
        let image = Image::raw(&t[..], false, false, 8);
        let d = detect(&image, Search::Scan, true).expect("a Go 1.16 pclntab");
        assert_eq!(
            d.info.pclntab.as_ref().map(|p| p.version.as_str()),
            Some("go1.16-go1.17")
        );
        let packages: Vec<&str> = d
            .info
            .cgo_packages
            .iter()
            .map(|p| p.package.as_str())
            .collect();
        assert_eq!(packages, ["net"]);
    }

    #[test]
    fn pclntab_headers_are_checked_before_use() {
        let good = go12_table(&["main.main", "net.Dial"]);
        let found = |bytes: &[u8]| {
            pclntab::find(&Image::raw(bytes, false, false, 8), Search::Scan).map(|t| t.info.nfunc)
        };
        assert_eq!(found(&good), Some(2));
        // The function table's exact end is enough; a byte less is not.
        let functab_end = 8 + 8 + (2 * 2 + 1) * 8;
        assert_eq!(found(&good[..functab_end]), Some(2));
        assert_eq!(found(&good[..functab_end - 1]), None);
        // Padding bytes, quantum and pointer size must be what Go writes.
        for (at, v) in [(4, 1u8), (5, 1), (6, 3), (7, 2)] {
            let mut bad = good.clone();
            bad[at] = v;
            assert_eq!(found(&bad), None, "byte {at} = {v}");
        }
        // A 32-bit table in a 64-bit file is not this file's.
        let mut other = good.clone();
        other[7] = 4;
        assert_eq!(found(&other), None);
        // Too many functions, or none.
        let mut none = good.clone();
        none[8..16].copy_from_slice(&0u64.to_le_bytes());
        assert_eq!(found(&none), None);
        // Scanning looks only in the sections Go's linker uses.
        let mut image = Image::raw(&good[..], false, false, 8);
        let region = image.segments[0].clone();
        image.sections.push(crate::image::Region {
            name: ".foo".into(),
            ..region.clone()
        });
        assert!(pclntab::find(&image, Search::Scan).is_none());
        image.sections.push(crate::image::Region {
            name: ".rodata".into(),
            ..region
        });
        assert!(pclntab::find(&image, Search::Scan).is_some());
    }

    #[test]
    fn pclntab_header_checks_hold_wherever_the_table_is() {
        let good = go12_table(&["main.main", "net.Dial", "os.Exit"]);
        let in_section = |bytes: &[u8], name: &str| {
            let mut image = Image::raw(bytes, false, false, 8);
            let region = image.segments[0].clone();
            image.sections.push(crate::image::Region {
                name: name.into(),
                ..region
            });
            pclntab::find(&image, Search::NamedOnly).map(|t| t.info.nfunc)
        };
        assert_eq!(in_section(&good, ".gopclntab"), Some(3));
        // A section of its own is still checked byte by byte (scanning only
        // ever tries headers whose padding is zero).
        for at in [4, 5] {
            let mut bad = good.clone();
            bad[at] = 1;
            assert_eq!(in_section(&bad, ".gopclntab"), None, "padding byte {at}");
        }
        // The function table of three functions needs seven words.
        let functab_end = 8 + 8 + (2 * 3 + 1) * 8;
        assert_eq!(in_section(&good[..functab_end], ".gopclntab"), Some(3));
        assert_eq!(in_section(&good[..functab_end - 1], ".gopclntab"), None);
        // Found by scanning after other data: what is available counts from
        // the header, not from the region's start.
        let mut shifted = vec![0xaa; 16];
        shifted.extend_from_slice(&good[..functab_end]);
        let found = |bytes: &[u8]| {
            pclntab::find(&Image::raw(bytes, false, false, 8), Search::Scan)
                .map(|t| (t.info.nfunc, t.info.offset))
        };
        assert_eq!(found(&shifted), Some((3, 16)));
        assert_eq!(found(&shifted[..shifted.len() - 1]), None);
        // A header cut right after its magic is not read past its end.
        let mut cut = vec![0xaa; 16];
        cut.extend_from_slice(&good[..6]);
        assert_eq!(found(&cut), None);
        // Go 1.16: (nfunc+1) pairs of words after the last offset.
        let t = go116_table(b"main.main\0net.Dial\0");
        assert_eq!(found(&t).map(|f| f.0), Some(2));
        assert_eq!(
            found(&t[..t.len() - 1]),
            None,
            "a Go 1.16 table a byte short"
        );
    }

    #[test]
    fn the_largest_function_count_is_still_a_table() {
        // 2^24 functions: a Go 1.20 header whose function table (8 bytes
        // per entry) fits exactly; one more is refused.
        let build = |nfunc: u64| {
            let names = b"main.main\0";
            let (f, c) = (72u64, 72 + names.len() as u64);
            let mut t = Vec::new();
            t.extend_from_slice(&0xffff_fff1u32.to_le_bytes());
            t.extend_from_slice(&[0, 0, 1, 8]);
            for w in [nfunc, 1, 0x40_1000, f, c, c, c, c] {
                t.extend_from_slice(&w.to_le_bytes());
            }
            t.extend_from_slice(names);
            t.resize((c + (nfunc + 1) * 8) as usize, 0);
            t
        };
        let found = |t: &[u8]| {
            pclntab::find(&Image::raw(t, false, false, 8), Search::Scan).map(|t| t.info.nfunc)
        };
        assert_eq!(found(&build(pclntab::MAX_FUNCS)), Some(pclntab::MAX_FUNCS));
        assert_eq!(found(&build(pclntab::MAX_FUNCS + 1)), None);
    }

    /// A Go 1.20 pclntab exactly as long as its header says, with the
    /// five offsets given (relative to the table).
    fn go120_table(names: &[u8], offsets: Option<[u64; 5]>) -> Vec<u8> {
        let nfunc = 2u64;
        let funcname = 72u64;
        let cu = funcname + names.len() as u64;
        let [f, c, ft, pc, pl] = offsets.unwrap_or([funcname, cu, cu, cu, cu]);
        let mut t = Vec::new();
        t.extend_from_slice(&0xffff_fff1u32.to_le_bytes());
        t.extend_from_slice(&[0, 0, 1, 8]);
        for w in [nfunc, 1, 0x40_1000, f, c, ft, pc, pl] {
            t.extend_from_slice(&w.to_le_bytes());
        }
        t.extend_from_slice(names);
        t.resize((cu + (nfunc + 1) * 8) as usize, 0);
        t
    }

    #[test]
    fn go120_offsets_must_be_in_order_and_inside() {
        let names = b"main.main\0net._C2func_getaddrinfo\0";
        let found =
            |t: &[u8]| pclntab::find(&Image::raw(t, false, false, 8), Search::Scan).is_some();
        let good = go120_table(names, None);
        assert!(found(&good), "exactly as long as it says");
        assert!(!found(&good[..good.len() - 1]), "a byte short");
        let d = detect(&Image::raw(&good[..], false, false, 8), Search::Scan, true).unwrap();
        assert_eq!(
            d.info.pclntab.as_ref().map(|p| p.version.as_str()),
            Some("go1.20+")
        );
        assert_eq!(
            d.info
                .cgo_packages
                .iter()
                .map(|p| p.package.as_str())
                .collect::<Vec<_>>(),
            ["net"]
        );
        let (f, c) = (72u64, 72 + names.len() as u64);
        for (why, offsets) in [
            ("names inside the header", [64, c, c, c, c]),
            ("an empty name table", [f, f, c, c, c]),
            ("cu after filetab", [f, c, c - 1, c, c]),
            ("filetab after pctab", [f, c, c, c - 1, c]),
            ("pctab after pcln", [f, c - 2, c - 2, c, c - 1]),
        ] {
            assert!(!found(&go120_table(names, Some(offsets))), "{why}");
        }
    }

    #[test]
    fn scanning_goes_where_something_says_go() {
        let bytes = [0u8; 64];
        let mut image = Image::raw(&bytes[..], false, false, 8);
        assert_eq!(
            search(&image, false, false),
            Search::Scan,
            "no section headers: scan"
        );
        image.sections.push(crate::image::Region {
            name: ".text".into(),
            ..image.segments[0].clone()
        });
        assert_eq!(search(&image, false, false), Search::NamedOnly);
        assert_eq!(search(&image, true, false), Search::Scan, "a Go note");
        assert_eq!(search(&image, false, true), Search::Scan, "runtime symbols");
        image.sections.push(crate::image::Region {
            name: ".gopclntab".into(),
            ..image.segments[0].clone()
        });
        assert_eq!(
            search(&image, false, false),
            Search::Scan,
            "a section only Go writes"
        );
    }

    #[test]
    fn std_and_vendor() {
        assert!(is_std("net"));
        assert!(is_std("os/user"));
        assert!(!is_std("main"));
        assert!(!is_std("github.com/mattn/go-sqlite3"));
        assert_eq!(
            unvendor("example.com/app/vendor/github.com/mattn/go-sqlite3"),
            "github.com/mattn/go-sqlite3"
        );
        assert_eq!(unvendor("vendor/golang.org/x/net"), "golang.org/x/net");
    }
}
