//! The details of a report, laid out once: the file line, the loader's
//! requests, the C library with its evidence, the imports grouped by
//! cause, the build info as `go version -m` prints it, the pclntab, the
//! cgo packages and the toolchain. The page folds them under "Details";
//! `--json` carries the same facts.

use linklens::{CauseId, Facts};

use super::{evidence, go_version_m, labels};
use crate::catalogue::fill;

/// What the details say, each value already in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// `1.5 MB · executable · 64-bit little-endian · x86-64`.
    pub file: String,
    /// The interpreter, if any.
    pub interpreter: Option<String>,
    /// The needed libraries, in order.
    pub needs: Vec<String>,
    /// rpath and runpath, each `:`-joined, when either is set.
    pub search_paths: Option<(String, String)>,
    /// The C library and, after it, its evidence in words.
    pub libc: (String, Option<String>),
    /// The imports' heading (with their count) and their groups: a cause
    /// first (`dns (3)`), the unattributed rest last, each `name@version`.
    pub imports: Option<(String, Vec<ImportGroup>)>,
    /// The build info as `go version -m` prints it.
    pub buildinfo: Option<String>,
    /// The pclntab line.
    pub pclntab: Option<String>,
    /// Each cgo package and its line (`— 4 functions, e.g. `, then examples).
    pub cgo_packages: Vec<(String, String, String)>,
    /// The toolchain lines.
    pub toolchain: Vec<Line>,
}

/// A group of imports: its heading (`dns (3)`) and its `name@version`s.
pub type ImportGroup = (String, Vec<String>);

/// A line of the toolchain list: an optional label, then a value shown as
/// text or as code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Before the value (`Go build ID`).
    pub label: Option<&'static str>,
    /// The value.
    pub value: String,
    /// Whether the value is code (a `.comment` line, a build ID).
    pub code: bool,
}

fn line(label: Option<&'static str>, value: impl Into<String>, code: bool) -> Line {
    Line { label, value: value.into(), code }
}

/// The details of `facts`; `size` is the file's size as the caller writes
/// sizes.
pub fn details(facts: &Facts, size: &str) -> Details {
    let d = &facts.dynamic;
    let mut groups: Vec<(Option<CauseId>, Vec<String>)> = Vec::new();
    for i in &facts.imports {
        let label = match &i.version {
            Some(v) => format!("{}@{v}", i.name),
            None => i.name.clone(),
        };
        match groups.iter_mut().find(|(c, _)| *c == i.cause) {
            Some((_, v)) => v.push(label),
            None => groups.push((i.cause, vec![label])),
        }
    }
    // Causes first, the unattributed rest last.
    groups.sort_by_key(|(c, _)| (c.is_none(), *c));
    let groups: Vec<(String, Vec<String>)> = groups
        .into_iter()
        .map(|(c, names)| (format!("{} ({})", c.map_or(labels::OTHER_IMPORTS, CauseId::as_str), names.len()), names))
        .collect();
    let imports = (!groups.is_empty()).then(|| (fill(labels::IMPORTED_SYMBOLS, &[("count", &facts.imports.len().to_string())]), groups));
    let libc_evidence: Vec<String> = facts.libc.evidence.iter().map(|e| evidence(e, None).1).collect();
    let go = facts.go.as_ref();
    let pclntab = go.and_then(|g| g.pclntab.as_ref()).map(|p| {
        let place = match (&p.section, p.scanned) {
            (Some(s), false) => fill(labels::PCLNTAB_IN_SECTION, &[("section", s)]),
            _ => fill(labels::PCLNTAB_SCANNED, &[("offset", &format!("{:#x}", p.offset))]),
        };
        fill(labels::PCLNTAB_LINE, &[("layout", &p.version), ("nfunc", &p.nfunc.to_string()), ("where", &place)])
    });
    let cgo_packages = go
        .map(|g| &g.cgo_packages[..])
        .unwrap_or_default()
        .iter()
        .map(|p| (p.package.clone(), fill(labels::CGO_PACKAGE_LINE, &[("count", &p.count.to_string())]), p.functions.join(", ")))
        .collect();
    let t = &facts.toolchain;
    let mut toolchain: Vec<Line> = Vec::new();
    toolchain.extend(t.language.map(|l| line(Some(labels::LANGUAGE), labels::language(l), false)));
    toolchain.extend(t.comments.iter().map(|c| line(None, c.clone(), true)));
    toolchain.extend(t.abi_tag.as_ref().map(|a| line(Some(labels::ABI_TAG), a.clone(), false)));
    toolchain.extend(t.go_build_id.as_ref().map(|b| line(Some(labels::GO_BUILD_ID), b.clone(), true)));
    toolchain.extend(t.gnu_build_id.as_ref().map(|b| line(Some(labels::GNU_BUILD_ID), b.clone(), true)));
    toolchain.push(line(None, if t.runtime_cgo { labels::RUNTIME_CGO_LINKED } else { labels::RUNTIME_CGO_NOT_LINKED }, false));
    Details {
        file: format!("{size} · {} · {}-bit {} · {}", labels::kind(facts.kind), facts.bits, facts.endian, facts.arch.machine),
        interpreter: d.interpreter.clone(),
        needs: d.needed.clone(),
        search_paths: (!d.rpath.is_empty() || !d.runpath.is_empty()).then(|| (d.rpath.join(":"), d.runpath.join(":"))),
        libc: (facts.libc.name.as_str().to_string(), (!libc_evidence.is_empty()).then(|| libc_evidence.join("; "))),
        imports,
        buildinfo: go.map(go_version_m),
        pclntab,
        cgo_packages,
        toolchain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_are_grouped_by_cause_then_the_rest() {
        let r = crate::test_support::fixture("lookuphost-default-go1.26");
        let d = details(&r.facts, "2.0 MB");
        let (heading, groups) = d.imports.expect("imports");
        assert!(heading.contains(&r.facts.imports.len().to_string()), "{heading}");
        assert!(groups[0].0.starts_with("dns ("), "{groups:?}");
        assert!(groups.last().unwrap().0.starts_with("other ("), "{groups:?}");
        assert!(groups[0].1.iter().any(|n| n == "getaddrinfo@GLIBC_2.2.5"), "{groups:?}");
        assert!(d.file.starts_with("2.0 MB · executable · 64-bit"), "{}", d.file);
        assert!(d.buildinfo.is_some_and(|b| b.contains("build\tCGO_ENABLED=1")));
        assert_eq!(d.libc.0, "glibc");
    }
}
