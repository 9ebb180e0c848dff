//! Recipes for a Go binary, recommended first. Each starts from a fresh
//! copy of the binary's own command and changes only what the fix needs.

use std::collections::BTreeSet;

use super::command::GoBuild;
use super::{fix, note};
use crate::arch;
use crate::report::{CauseId, Fix, FixId, GoInfo, Kind, Linkage, Note, NoteId, Report, WarningId};


/// The fixes for a Go binary, recommended first.
pub(crate) fn for_go(report: &Report, go: &GoInfo) -> Vec<Fix> {
    let causes: BTreeSet<CauseId> = report.causes.iter().map(|c| c.id).collect();
    let cause_list: Vec<CauseId> = causes.iter().copied().collect();
    let base = GoBuild::from_binary(go, report.arch.goarch.as_deref());
    let goarch = go.build.goarch.clone().or_else(|| report.arch.goarch.clone()).unwrap_or_else(|| "amd64".into());
    let needs_c = causes.contains(&CauseId::CgoOwn) || causes.contains(&CauseId::CgoDep);
    let std_tags: Vec<&str> = [(CauseId::Dns, "netgo"), (CauseId::OsUser, "osusergo")]
        .iter()
        .filter(|(c, _)| causes.contains(c))
        .map(|(_, t)| *t)
        .collect();
    let out = base.output.clone();
    let fix = |id: FixId, command: String, notes: Vec<Note>, expect: Linkage| fix(id, command, notes, &cause_list, &out, expect);
    let mut fixes = Vec::new();

    // Recipes, each from a fresh copy of the binary's own command.
    let cgo_off = || {
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "0");
        let mut notes = b.notes.clone();
        if b.buildmode() == Some("pie") {
            b.set_buildmode(None);
            notes.push(note(NoteId::PieDropped, &[]));
        }
        fix(FixId::CgoOff, b.render(), notes, Linkage::Static)
    };
    let tags = |keep_static_link: bool| {
        let mut b = base.clone();
        b.add_tags(&std_tags);
        let mut notes = b.notes.clone();
        if keep_static_link {
            notes.push(note(NoteId::KeepsStaticLink, &[]));
        }
        notes.push(note(NoteId::TagsAdded, &[("tags", &std_tags.join(","))]));
        fix(FixId::PureGoTags, b.render(), notes, if report.linkage == Linkage::StaticPie { Linkage::StaticPie } else { Linkage::Static })
    };
    let musl = || {
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "1").set_env("CC", "musl-gcc");
        b.linkmode("external");
        let pie = b.buildmode() == Some("pie");
        b.extldflag(if pie { "-static-pie" } else { "-static" });
        fix(FixId::MuslGcc, b.render(), b.notes.clone(), if pie { Linkage::StaticPie } else { Linkage::Static })
    };
    let zig = || {
        let target = arch::from_goarch(&goarch)?.zig_musl?;
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "1").set_env("CC", &format!("zig cc -target {target}"));
        let mut notes = b.notes.clone();
        if !needs_c {
            b.linkmode("external");
            notes.push(note(NoteId::ZigExternalLink, &[]));
        }
        Some(fix(FixId::ZigMusl, b.render(), notes, Linkage::Static))
    };

    // Plugins and c-shared libraries are shared objects by design.
    if report.kind == Kind::SharedObject {
        return fixes;
    }

    if causes.contains(&CauseId::Plugin) {
        fixes.push(fix(
            FixId::PluginRpc,
            "go get github.com/hashicorp/go-plugin".into(),
            vec![note(NoteId::ServeExtensions, &[])],
            Linkage::Static,
        ));
        fixes.push(cgo_off());
        return fixes;
    }

    if report.linkage.is_static() {
        if report.warnings.iter().any(|w| w.id == WarningId::GlibcStaticNss) {
            if !std_tags.is_empty() {
                fixes.push(tags(true));
            }
            fixes.push(musl());
            fixes.extend(zig());
        }
        return fixes;
    }

    if needs_c {
        if goarch == "amd64" {
            fixes.push(musl());
            fixes.extend(zig());
        } else {
            fixes.extend(zig());
            fixes.push(musl());
        }
        let sqlite = report.causes.iter().any(|c| c.module.as_deref() == Some("github.com/mattn/go-sqlite3"));
        let only_deps = !causes.contains(&CauseId::CgoOwn);
        if sqlite && only_deps {
            let mut b = base.clone();
            b.set_env("CGO_ENABLED", "0");
            let cmd = format!("go get modernc.org/sqlite && {}", b.render());
            let mut notes = b.notes.clone();
            notes.push(note(NoteId::ReplaceImport, &[]));
            fixes.push(fix(FixId::PureGoDriver, cmd, notes, Linkage::Static));
        }
    } else if !std_tags.is_empty() {
        fixes.push(cgo_off());
        fixes.push(tags(false));
        fixes.push(musl());
        fixes.extend(zig());
    }

    if causes.contains(&CauseId::PieInterp) {
        let mut plain = base.clone();
        plain.set_buildmode(None);
        let drop = fix(FixId::DropPie, plain.render(), plain.notes.clone(), Linkage::Static);
        let mut sp = base.clone();
        sp.set_env("CGO_ENABLED", "1").set_buildmode(Some("pie")).linkmode("external");
        sp.extldflag("-static-pie");
        let spie = fix(FixId::StaticPie, sp.render(), sp.notes.clone(), Linkage::StaticPie);
        fixes.push(drop);
        fixes.push(spie);
    }

    if fixes.is_empty() && report.linkage == Linkage::Dynamic {
        // Dynamic with no cgo package found: cgo itself is the only suspect.
        let mut f = cgo_off();
        f.notes.push(note(NoteId::NoCgoPackageFound, &[]));
        fixes.push(f);
    }
    fixes
}
