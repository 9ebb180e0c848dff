//! Recipes for a Go binary, recommended first. Each starts from a fresh
//! copy of the binary's own command and changes only what the fix needs.

use std::collections::BTreeSet;

use super::command::GoBuild;
use super::{fix, floor, note};
use linklens::arch;
use linklens::{CauseId, Facts, FixId, GoInfo, Kind, Linkage, NoteId, WarningId};
use crate::explanation::{Fix, Note};


/// The fixes for a Go binary, recommended first.
pub(crate) fn for_go(report: &Facts, go: &GoInfo) -> Vec<Fix> {
    let r = Recipes::new(report, go);
    let causes = &r.causes;
    // Where Go always calls the system's C library, nothing makes it
    // static; plugins and c-shared libraries are shared objects by design.
    // A plugin host loads plugins with the dynamic loader: no rebuild
    // makes it static and still able to load them (CGO_ENABLED=0 builds,
    // but plugin.Open then always fails); the headline says so.
    if report.os.name.is_dynamic_by_design() || report.kind == Kind::SharedObject || causes.contains(&CauseId::Plugin) {
        return Vec::new();
    }
    // purego loads C libraries at run time: nothing static keeps that
    // working; only the floor can move (when cgo is on).
    if causes.contains(&CauseId::Purego) {
        return lower_floor(report, &r.base, &r.goarch, &r.cause_list, r.cxx_library.as_deref());
    }
    let mut fixes = Vec::new();
    // A race build or an external link with no C: only a build without
    // them is static; every other recipe would keep what makes it dynamic.
    if causes.contains(&CauseId::Race) || causes.contains(&CauseId::ExternalLink) || causes.contains(&CauseId::Sanitizer) {
        if report.linkage == Linkage::Dynamic {
            fixes.push(r.cgo_off());
        }
        return fixes;
    }
    if report.linkage.is_static() {
        // Static already; only glibc's NSS inside is worth a rebuild.
        if report.warnings.iter().any(|w| w.id == WarningId::GlibcStaticNss) {
            if !r.std_tags.is_empty() {
                fixes.push(r.tags(true));
            }
            fixes.extend(r.musl());
            fixes.extend(r.zig());
        }
        return fixes;
    }
    if r.needs_c {
        fixes.extend(r.musl());
        fixes.extend(r.zig());
        fixes.extend(r.pure_go_driver());
    } else if !r.std_tags.is_empty() {
        fixes.push(r.cgo_off());
        fixes.push(r.tags(false));
        fixes.extend(r.musl());
        fixes.extend(r.zig());
    }
    if causes.contains(&CauseId::PieInterp) {
        fixes.extend(r.pie());
    }
    fixes.extend(lower_floor(report, &r.base, &r.goarch, &r.cause_list, r.cxx_library.as_deref()));
    // Dynamic and no cause found: nothing is known that a command could
    // change, so none promises a static file (the headline says so).
    fixes
}

/// gccgo with its build info read: the static gccgo link and gc instead,
/// each from the binary's own package and flags.
pub(crate) fn for_gccgo(report: &Facts, go: &GoInfo) -> Vec<Fix> {
    if report.linkage.is_static() || report.kind == Kind::SharedObject {
        return Vec::new();
    }
    let causes: Vec<CauseId> = report.causes.iter().map(|c| c.id).collect();
    let base = GoBuild::from_binary(go, report.arch.goarch.as_deref());
    // Its own -gccgoflags, and -static (libgo and libc linked in).
    let recorded = go.settings.iter().find(|s| s.key == "-gccgoflags").map_or("", |s| s.value.as_str());
    let mut words: Vec<&str> = recorded.split_whitespace().collect();
    if !words.contains(&"-static") {
        words.push("-static");
    }
    let mut b = base.clone();
    let flag = |key: &str, value: String| linklens::Setting { key: key.into(), value };
    b.tool_flags.splice(0..0, [flag("-compiler", "gccgo".into()), flag("-gccgoflags", words.join(" "))]);
    let gccgo = with_build(fix(FixId::GccgoStatic, b.command(), b.notes.clone(), &causes, &b.output, Linkage::Static), b);
    let mut b = base;
    b.set_env("CGO_ENABLED", "0");
    let mut notes = b.notes.clone();
    b.drop_cgo_only(&mut notes, true);
    notes.push(note(NoteId::GcInsteadOfGccgo, &[]));
    let gc = with_build(fix(FixId::CgoOff, b.command(), notes, &causes, &b.output, Linkage::Static), b);
    vec![gccgo, gc]
}

/// What every recipe for one binary starts from: its own command, its
/// causes, its architecture and what its C side needs.
struct Recipes<'a> {
    report: &'a Facts,
    base: GoBuild,
    causes: BTreeSet<CauseId>,
    cause_list: Vec<CauseId>,
    goarch: String,
    /// A cgo package of the program's or a dependency's.
    needs_c: bool,
    /// C++ in a cgo package: Go then links with $CXX, so a recipe that
    /// sets only CC links with g++ and glibc (the cxxdep proof showed it).
    cxx_library: Option<String>,
    /// `netgo`, `osusergo`: the tags that switch the causes found to Go.
    std_tags: Vec<&'static str>,
}

impl<'a> Recipes<'a> {
    fn new(report: &'a Facts, go: &GoInfo) -> Self {
        let causes: BTreeSet<CauseId> = report.causes.iter().map(|c| c.id).collect();
        let cxx_library = report
            .dynamic
            .needed
            .iter()
            .find(|l| l.starts_with("libstdc++") || l.starts_with("libc++"))
            .cloned()
            .or_else(|| report.imports.iter().any(|i| linklens::is_cxx_runtime(i.name.as_bytes())).then(|| "libstdc++".to_string()));
        let std_tags = [(CauseId::Dns, "netgo"), (CauseId::OsUser, "osusergo")].iter().filter(|(c, _)| causes.contains(c)).map(|(_, t)| *t).collect();
        let mut base = GoBuild::from_binary(go, report.arch.goarch.as_deref());
        unbundled_sqlite(report, go, &mut base);
        Recipes {
            report,
            base,
            cause_list: causes.iter().copied().collect(),
            goarch: go.build.goarch.clone().or_else(|| report.arch.goarch.clone()).unwrap_or_else(|| "amd64".into()),
            needs_c: causes.contains(&CauseId::CgoOwn) || causes.contains(&CauseId::CgoDep),
            causes,
            cxx_library,
            std_tags,
        }
    }

    /// A fix from a build and its notes, with its words and checks.
    fn fix(&self, id: FixId, b: GoBuild, notes: Vec<Note>, expect: Linkage) -> Fix {
        with_build(fix(id, b.command(), notes, &self.cause_list, &self.base.output, expect), b)
    }

    /// `CGO_ENABLED=0`, and without what needs cgo (race, external link, PIE).
    fn cgo_off(&self) -> Fix {
        let mut b = self.base.clone();
        b.set_env("CGO_ENABLED", "0");
        let mut notes = b.notes.clone();
        b.drop_cgo_only(&mut notes, true);
        if b.links_externally() {
            b.drop_external_link();
            notes.push(note(NoteId::LinkmodeDropped, &[]));
        }
        drop_pie(&mut b, &mut notes);
        self.fix(FixId::CgoOff, b, notes, Linkage::Static)
    }

    /// `-tags netgo,osusergo`.
    fn tags(&self, keep_static_link: bool) -> Fix {
        let mut b = self.base.clone();
        b.add_tags(&self.std_tags);
        let mut notes = b.notes.clone();
        b.drop_cgo_only(&mut notes, false);
        if keep_static_link {
            notes.push(note(NoteId::KeepsStaticLink, &[]));
        } else {
            // With no C left, Go links a PIE itself: interpreter, dynamic
            // (the lookuphost-pie-cgo proof showed it).
            drop_pie(&mut b, &mut notes);
        }
        notes.push(note(NoteId::TagsAdded, &[("tags", &self.std_tags.join(","))]));
        let expect = if self.report.linkage == Linkage::StaticPie { Linkage::StaticPie } else { Linkage::Static };
        self.fix(FixId::PureGoTags, b, notes, expect)
    }

    /// musl-gcc and an external static link. Debian's musl-gcc wraps the
    /// machine's own gcc: it builds for amd64 only (the fixtures prove it;
    /// elsewhere zig cross-compiles).
    fn musl(&self) -> Option<Fix> {
        if self.goarch != "amd64" || self.cxx_library.is_some() {
            return None;
        }
        let mut b = self.base.clone();
        b.set_env("CGO_ENABLED", "1").set_env("CC", "musl-gcc");
        b.linkmode("external");
        b.extldflag("-static");
        let mut notes = b.notes.clone();
        b.drop_cgo_only(&mut notes, false);
        bundled_sqlite(&mut b, &mut notes);
        // Debian's musl-gcc links `-static-pie` as a dynamic PIE (the
        // lookuphost-pie-cgo proof showed it): a PIE becomes a plain static
        // executable here.
        drop_pie(&mut b, &mut notes);
        Some(self.fix(FixId::MuslGcc, b, notes, Linkage::Static))
    }

    /// zig cc for the architecture's musl target.
    fn zig(&self) -> Option<Fix> {
        let target = arch::from_goarch(&self.goarch)?.zig_musl.or_else(|| self.zig_mips_softfloat())?;
        let mut b = self.base.clone();
        let mut notes = b.notes.clone();
        b.drop_cgo_only(&mut notes, false);
        zig_compilers(&mut b, &mut notes, target, self.cxx_library.as_deref());
        if !self.needs_c {
            b.linkmode("external");
            notes.push(note(NoteId::ZigExternalLink, &[]));
        }
        // zig links a PIE as a static PIE (the lookuphost-pie-cgo proof).
        let expect = if b.buildmode() == Some("pie") { Linkage::StaticPie } else { Linkage::Static };
        Some(self.fix(FixId::ZigMusl, b, notes, expect))
    }

    /// Where zig links only a soft-float build without DWARF (32-bit MIPS),
    /// its target, for a file built that way.
    fn zig_mips_softfloat(&self) -> Option<&'static str> {
        let target = arch::from_goarch(&self.goarch)?.zig_musl_softfloat?;
        let softfloat = self.base.env_value("GOMIPS") == Some("softfloat");
        let no_dwarf = self.base.ldflags_value().split_whitespace().any(|w| w == "-w" || w == "-s");
        (softfloat && no_dwarf).then_some(target)
    }

    /// go-sqlite3 as the only C: the pure-Go driver, cgo off.
    fn pure_go_driver(&self) -> Option<Fix> {
        let sqlite = self.report.causes.iter().any(|c| c.module.as_deref() == Some("github.com/mattn/go-sqlite3"));
        if !sqlite || self.causes.contains(&CauseId::CgoOwn) {
            return None;
        }
        let mut b = self.base.clone();
        b.set_env("CGO_ENABLED", "0");
        b.go_get = Some(PURE_GO_SQLITE.into());
        let mut notes = b.notes.clone();
        notes.push(note(NoteId::ReplaceImport, &[]));
        Some(self.fix(FixId::PureGoDriver, b, notes, Linkage::Static))
    }

    /// Go's own PIE link: drop `-buildmode=pie`, or link a static PIE.
    fn pie(&self) -> [Fix; 2] {
        let mut plain = self.base.clone();
        plain.set_buildmode(None);
        let mut notes = plain.notes.clone();
        notes.push(note(NoteId::PieDropped, &[]));
        let drop = self.fix(FixId::DropPie, plain, notes, Linkage::Static);
        let mut sp = self.base.clone();
        sp.set_env("CGO_ENABLED", "1").set_buildmode(Some("pie")).linkmode("external");
        sp.extldflag("-static-pie");
        let notes = sp.notes.clone();
        [drop, self.fix(FixId::StaticPie, sp, notes, Linkage::StaticPie)]
    }
}

/// go-sqlite3 replaced by a local copy that links the system's libsqlite3
/// (a distribution's package, without the bundled SQLite): every command
/// first drops the replace, so the upstream module at its required
/// version builds, with its bundled SQLite, wherever the command runs.
fn unbundled_sqlite(report: &Facts, go: &GoInfo, b: &mut GoBuild) {
    const MODULE: &str = "github.com/mattn/go-sqlite3";
    let system_library = report.dynamic.needed.iter().any(|l| l.starts_with("libsqlite3.so"));
    let Some(m) = go.deps.iter().find(|m| m.path == MODULE) else { return };
    let Some(r) = m.replace.as_ref().filter(|r| r.path.starts_with('/') || r.path.starts_with('.')) else { return };
    if !system_library || !m.version.starts_with('v') {
        return;
    }
    b.drop_replace = Some(linklens::Setting { key: MODULE.into(), value: m.version.clone() });
    b.notes.push(note(NoteId::ReplaceDropped, &[("module", MODULE), ("path", &r.path), ("version", &m.version)]));
}

/// The pure-Go SQLite driver that replaces go-sqlite3.
const PURE_GO_SQLITE: &str = "modernc.org/sqlite";

/// A fix with the build it prints.
fn with_build(mut fix: Fix, build: GoBuild) -> Fix {
    fix.build = Some(build);
    fix
}

/// `-buildmode=pie` dropped, with its note, when the command has it.
fn drop_pie(b: &mut GoBuild, notes: &mut Vec<Note>) {
    if b.buildmode() == Some("pie") {
        b.set_buildmode(None);
        notes.push(note(NoteId::PieDropped, &[]));
    }
}

/// `-tags libsqlite3` dropped, with its note: the system's libsqlite3 is
/// glibc's, and neither musl nor zig's stubs can link it.
fn bundled_sqlite(b: &mut GoBuild, notes: &mut Vec<Note>) {
    if b.remove_tag("libsqlite3") {
        notes.push(note(NoteId::BundledSqlite, &[]));
    }
}

/// zig as the C (and, for C++ packages, the C++) compiler for `target`.
fn zig_compilers(b: &mut GoBuild, notes: &mut Vec<Note>, target: &str, cxx_library: Option<&str>) {
    b.set_env("CGO_ENABLED", "1").set_env("CC", &format!("zig cc -target {target}"));
    if let Some(library) = cxx_library {
        b.set_env("CXX", &format!("zig c++ -target {target}"));
        notes.push(note(NoteId::CxxToo, &[("library", library)]));
    }
    bundled_sqlite(b, notes);
}

/// Recipes that keep a glibc-dynamic cgo binary dynamic but lower the
/// glibc it needs, for targets older than the machine it was built on.
/// After the static recipes: they fix fewer targets.
fn lower_floor(report: &Facts, base: &GoBuild, goarch: &str, causes: &[CauseId], cxx_library: Option<&str>) -> Vec<Fix> {
    let mut out = Vec::new();
    // A sanitizer build needs the compiler's own runtime (libasan), which
    // neither zig nor an older image's toolchain provides.
    if !report.toolchain.runtime_cgo || !base.sanitizers.is_empty() {
        return out;
    }
    let output = base.output.clone();
    if let Some(target) = floor::zig_target(report, goarch) {
        // Unlike musl's, zig's glibc objects link internally too: the
        // binary's link mode is kept as it was.
        let mut b = base.clone();
        let mut notes = b.notes.clone();
        zig_compilers(&mut b, &mut notes, &target, cxx_library);
        out.extend(floor::fix(report, FixId::ZigGlibc, b.command(), notes, causes, &output, floor::zig_floor(goarch)).map(|f| with_build(f, b)));
    }
    let go_minor = report.go.as_ref().and_then(|g| g.version.as_deref()).and_then(go_minor);
    if let (true, Some(minor)) = (floor::lowers(report, floor::GOLANG_IMAGE), go_minor) {
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "1");
        b.image = Some(format!("golang:{minor}-bookworm"));
        let notes = b.notes.clone();
        out.extend(floor::fix(report, FixId::OlderGlibcImage, b.command(), notes, causes, &output, floor::GOLANG_IMAGE).map(|f| with_build(f, b)));
    }
    out
}

/// `go1.26.8` → `1.26`: the golang image tag that follows patch releases.
pub(crate) fn go_minor(version: &str) -> Option<String> {
    let v = version.strip_prefix("go")?;
    let mut parts = v.split('.');
    let (major, minor) = (parts.next()?, parts.next()?);
    let minor: String = minor.chars().take_while(char::is_ascii_digit).collect();
    (major.chars().all(|c| c.is_ascii_digit()) && !minor.is_empty()).then(|| format!("{major}.{minor}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use linklens::arch::ARCHES;
    use linklens::{Cause, Format, Warning};

    fn go(goarch: &str, settings: &[(&str, &str)]) -> GoInfo {
        let settings: Vec<(&str, &str)> = settings.iter().copied().chain([("GOARCH", goarch), ("GOOS", "linux")]).collect();
        crate::test_support::go_info("example.com/app", &settings)
    }

    fn cause(id: CauseId, module: Option<&str>) -> Cause {
        crate::test_support::cause(id, None, module)
    }

    /// A report of a Go file with these causes, as `analyze` would fill it.
    fn report(goarch: &str, linkage: Linkage, kind: Kind, causes: &[Cause], settings: &[(&str, &str)]) -> (Facts, GoInfo) {
        let mut r = Facts::new(Format::Elf, String::new(), Some(goarch), 64, false, 0);
        r.linkage = linkage;
        r.kind = kind;
        r.causes = causes.to_vec();
        let g = go(goarch, settings);
        r.go = Some(g.clone());
        (r, g)
    }

    fn ids(f: &[Fix]) -> Vec<FixId> {
        f.iter().map(|f| f.id).collect()
    }

    fn has_note(f: &Fix, id: NoteId) -> bool {
        f.notes.iter().any(|n| n.id == id)
    }

    #[test]
    fn a_glibc_floor_above_the_targets_adds_recipes_that_stay_dynamic() {
        let dep = [cause(CauseId::CgoDep, Some("github.com/mattn/go-sqlite3"))];
        let (mut r, g) = report("arm64", Linkage::Dynamic, Kind::Executable, &dep, &[("-ldflags", "-s -w")]);
        r.libc.name = linklens::LibcName::Glibc;
        r.toolchain.runtime_cgo = true;
        r.portability.glibc_min = Some("2.39".into());
        let mut g = g;
        g.version = Some("go1.26.8".into());
        r.go = Some(g.clone());
        let f = for_go(&r, &g);
        let zig = f.iter().find(|f| f.id == FixId::ZigGlibc).expect("zig-glibc");
        assert_eq!(zig.command, "CGO_ENABLED=1 CC='zig cc -target aarch64-linux-gnu.2.17' GOOS=linux GOARCH=arm64 go build -ldflags '-s -w' .");
        let image = f.iter().find(|f| f.id == FixId::OlderGlibcImage).expect("older image");
        assert_eq!(
            image.command,
            r#"docker run --rm --platform linux/arm64 -v "$PWD":/src -w /src golang:1.26-bookworm sh -c "CGO_ENABLED=1 GOOS=linux GOARCH=arm64 go build -ldflags '-s -w' .""#
        );
        assert!(image.notes.iter().any(|n| n.id == NoteId::GlibcFloor && n.text.contains("glibc 2.36") && n.text.contains("needs 2.39")));
        // The static recipes stay first.
        assert_eq!(f[0].id, FixId::ZigMusl);
        // 2.34: bookworm's 2.36 would not lower it; zig's 2.17 would.
        r.portability.glibc_min = Some("2.34".into());
        let ids = ids(&for_go(&r, &g));
        assert!(ids.contains(&FixId::ZigGlibc) && !ids.contains(&FixId::OlderGlibcImage), "{ids:?}");
        // Not for a file with no cgo, nor a static one.
        r.toolchain.runtime_cgo = false;
        assert!(!ids_of(&r, &g).contains(&FixId::ZigGlibc));
        r.toolchain.runtime_cgo = true;
        r.linkage = Linkage::Static;
        assert!(!ids_of(&r, &g).contains(&FixId::ZigGlibc));
    }

    #[test]
    fn a_race_build_and_an_external_link_say_what_they_drop() {
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::Race, None)], &[("-race", "true"), ("-tags", "x")]);
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::CgoOff]);
        assert_eq!(f[0].command, "CGO_ENABLED=0 go build -tags x .");
        assert!(has_note(&f[0], NoteId::RaceDropped));
        // Only -linkmode and -extldflags go; the other flags stay.
        let ld = [("-ldflags", "-s -linkmode=external -X main.v=1 -extldflags \"-Wl,-z,now\"")];
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::ExternalLink, None)], &ld);
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::CgoOff]);
        assert_eq!(f[0].command, "CGO_ENABLED=0 go build -ldflags '-s -X main.v=1' .");
        assert!(has_note(&f[0], NoteId::LinkmodeDropped));
        // The same DNS binary without -race keeps its cgo-off recipe as it was.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::Dns, None)], &[]);
        assert!(!has_note(&for_go(&r, &g)[0], NoteId::RaceDropped));
    }

    #[test]
    fn cxx_and_the_system_sqlite_get_recipes_that_build() {
        let dep = [cause(CauseId::CgoDep, Some("github.com/bep/golibsass"))];
        let (mut r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &dep, &[]);
        r.dynamic.needed = vec!["libstdc++.so.6".into(), "libc.so.6".into()];
        let f = for_go(&r, &g);
        // musl-gcc cannot compile C++: zig, with CXX, is the recipe.
        assert_eq!(ids(&f), [FixId::ZigMusl]);
        assert_eq!(f[0].command, "CGO_ENABLED=1 CC='zig cc -target x86_64-linux-musl' CXX='zig c++ -target x86_64-linux-musl' go build .");
        assert!(f[0].notes.iter().any(|n| n.id == NoteId::CxxToo && n.text.contains("libstdc++.so.6")));
        // -tags libsqlite3: the static recipes build the bundled SQLite.
        let sqlite = [cause(CauseId::CgoDep, Some("github.com/mattn/go-sqlite3"))];
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &sqlite, &[("-tags", "libsqlite3,json1")]);
        let f = for_go(&r, &g);
        assert_eq!(f[0].command, r#"CGO_ENABLED=1 CC=musl-gcc go build -tags json1 -ldflags '-linkmode external -extldflags "-static"' ."#);
        assert!(has_note(&f[0], NoteId::BundledSqlite) && has_note(&f[1], NoteId::BundledSqlite));
    }

    #[test]
    fn the_tags_recipe_drops_a_pie_go_would_link_itself() {
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::PieExecutable, &[cause(CauseId::Dns, None)], &[("-buildmode", "pie")]);
        let f = for_go(&r, &g);
        let tags = f.iter().find(|f| f.id == FixId::PureGoTags).unwrap();
        assert_eq!(tags.command, "go build -tags netgo .");
        assert!(has_note(tags, NoteId::PieDropped));
        assert_eq!(tags.expect, Linkage::Static);
    }

    #[test]
    fn the_golang_image_tag_follows_the_minor_version() {
        assert_eq!(go_minor("go1.26.8").as_deref(), Some("1.26"));
        assert_eq!(go_minor("go1.22rc1").as_deref(), Some("1.22"));
        assert_eq!(go_minor("gox.26"), None);
        assert_eq!(go_minor("go1.x"), None);
        assert_eq!(go_minor("go1"), None);
        assert_eq!(go_minor("devel +abc"), None);
    }

    fn ids_of(r: &Facts, g: &GoInfo) -> Vec<FixId> {
        ids(&for_go(r, g))
    }

    #[test]
    fn dns_only_prefers_turning_cgo_off() {
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::Dns, None)], &[]);
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::CgoOff, FixId::PureGoTags, FixId::MuslGcc, FixId::ZigMusl]);
        assert_eq!(f[0].command, "CGO_ENABLED=0 go build .");
        assert_eq!(f[1].command, "go build -tags netgo .");
        assert!(has_note(&f[1], NoteId::TagsAdded) && !has_note(&f[1], NoteId::KeepsStaticLink));
        assert_eq!(f[2].command, r#"CGO_ENABLED=1 CC=musl-gcc go build -ldflags '-linkmode external -extldflags "-static"' ."#);
        // With cgo only in net, Go would link internally: zig needs -linkmode external.
        assert_eq!(f[3].command, "CGO_ENABLED=1 CC='zig cc -target x86_64-linux-musl' go build -ldflags '-linkmode external' .");
        assert!(has_note(&f[3], NoteId::ZigExternalLink));
        assert!(f[0].verify[0].contains("expect: statically linked"), "{:?}", f[0].verify);
        // Both std causes: both tags.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::Dns, None), cause(CauseId::OsUser, None)], &[]);
        assert_eq!(for_go(&r, &g)[1].command, "go build -tags netgo,osusergo .");
    }

    #[test]
    fn c_code_needs_a_static_c_toolchain_zig_only_off_amd64() {
        let dep = [cause(CauseId::CgoDep, Some("github.com/mattn/go-sqlite3"))];
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &dep, &[]);
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::MuslGcc, FixId::ZigMusl, FixId::PureGoDriver]);
        assert!(!has_note(&f[1], NoteId::ZigExternalLink), "real cgo links externally already");
        assert!(f[2].command.starts_with("go get modernc.org/sqlite && CGO_ENABLED=0 go build"), "{}", f[2].command);
        // The program's own C code too: no driver swap can remove it.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[dep[0].clone(), cause(CauseId::CgoOwn, None)], &[]);
        assert_eq!(ids(&for_go(&r, &g)), [FixId::MuslGcc, FixId::ZigMusl]);
        // Another dependency: no driver swap either.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::CgoDep, Some("github.com/x/y"))], &[]);
        assert_eq!(ids(&for_go(&r, &g)), [FixId::MuslGcc, FixId::ZigMusl]);
        let (r, g) = report("arm64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::CgoOwn, None)], &[]);
        let f = for_go(&r, &g);
        // musl-gcc builds for the machine it runs on: not offered off amd64.
        assert_eq!(ids(&f), [FixId::ZigMusl]);
        assert!(f[0].command.contains("CC='zig cc -target aarch64-linux-musl'") && f[0].command.contains("GOARCH=arm64"), "{}", f[0].command);
    }

    #[test]
    fn zig_names_every_architecture_it_can_target() {
        for a in ARCHES {
            let (r, g) = report(a.goarch, Linkage::Dynamic, Kind::Executable, &[cause(CauseId::CgoOwn, None)], &[]);
            let f = for_go(&r, &g);
            let zig = f.iter().find(|f| f.id == FixId::ZigMusl);
            match a.zig_musl {
                Some(target) => {
                    let zig = zig.unwrap_or_else(|| panic!("{}: no zig fix", a.goarch));
                    assert!(zig.command.contains(&format!("-target {target}'")), "{}: {}", a.goarch, zig.command);
                    assert!(zig.command.contains(&format!("GOARCH={}", a.goarch)) || a.goarch == "amd64", "{}", zig.command);
                }
                None => assert!(zig.is_none(), "{}: zig has no musl target for it", a.goarch),
            }
        }
    }

    #[test]
    fn gccgo_keeps_its_own_flags_and_adds_static_once() {
        let gccgo = [cause(CauseId::Gccgo, None)];
        for (recorded, want) in [("-static-libgo", "-gccgoflags='-static-libgo -static'"), ("-static", "-gccgoflags=-static ")] {
            let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &gccgo, &[("-compiler", "gccgo"), ("-gccgoflags", recorded), ("-gcflags", "all=-N")]);
            let f = for_gccgo(&r, &g);
            assert_eq!(ids(&f), [FixId::GccgoStatic, FixId::CgoOff]);
            assert!(f[0].command.contains("-compiler=gccgo ") && f[0].command.contains(want) && f[0].command.contains("-gcflags=all=-N"), "{}", f[0].command);
            assert!(!f[1].command.contains("gccgo") && f[1].command.starts_with("CGO_ENABLED=0 "), "{}", f[1].command);
            assert!(f[1].notes.iter().any(|n| n.id == NoteId::GcInsteadOfGccgo));
            assert!(f.iter().all(|f| f.notes.iter().all(|n| n.id != NoteId::FlagsUnknown)), "its flags are known");
        }
    }

    #[test]
    fn zig_reaches_32_bit_mips_only_soft_float_without_dwarf() {
        let own = [cause(CauseId::CgoOwn, None)];
        let zig = |settings: &[(&str, &str)]| {
            let (r, g) = report("mipsle", Linkage::Dynamic, Kind::Executable, &own, settings);
            for_go(&r, &g).into_iter().find(|f| f.id == FixId::ZigMusl).map(|f| f.command)
        };
        let command = zig(&[("GOMIPS", "softfloat"), ("-ldflags", "-s -w")]).expect("a zig fix");
        assert!(command.contains("-target mipsel-linux-musleabi'") && command.contains("GOMIPS=softfloat"), "{command}");
        assert_eq!(zig(&[("GOMIPS", "softfloat")]), None, "DWARF kept: zig cannot link it");
        assert_eq!(zig(&[("GOMIPS", "hardfloat"), ("-ldflags", "-w")]), None, "hard-float: zig refuses it");
    }

    #[test]
    fn static_files_get_fixes_only_for_glibc_nss() {
        let dns = [cause(CauseId::Dns, None)];
        let (mut r, g) = report("amd64", Linkage::Static, Kind::Executable, &dns, &[("-ldflags", "-linkmode external -extldflags -static")]);
        assert!(for_go(&r, &g).is_empty());
        r.warnings.push(Warning { id: WarningId::GlibcStaticNss, values: Default::default(), evidence: vec![] });
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::PureGoTags, FixId::MuslGcc, FixId::ZigMusl]);
        assert!(has_note(&f[0], NoteId::KeepsStaticLink));
        assert!(f[0].command.contains("-tags netgo") && f[0].command.contains("-linkmode external"), "{}", f[0].command);
        // No std cause (own C code with NSS inside): no tags to add.
        let (mut r, g) = report("amd64", Linkage::Static, Kind::Executable, &[cause(CauseId::CgoOwn, None)], &[]);
        r.warnings.push(Warning { id: WarningId::GlibcStaticNss, values: Default::default(), evidence: vec![] });
        assert_eq!(ids(&for_go(&r, &g)), [FixId::MuslGcc, FixId::ZigMusl]);
    }

    #[test]
    fn plugins_shared_objects_pies_and_unexplained_dynamic() {
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::Plugin, None)], &[]);
        assert!(for_go(&r, &g).is_empty(), "a plugin host must stay dynamic: no command");
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::SharedObject, &[cause(CauseId::Dns, None)], &[]);
        assert!(for_go(&r, &g).is_empty(), "a shared object is dynamic by design");
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::PieExecutable, &[cause(CauseId::PieInterp, None)], &[("-buildmode", "pie")]);
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::DropPie, FixId::StaticPie]);
        assert_eq!(f[0].command, "go build .");
        assert_eq!(f[1].command, r#"CGO_ENABLED=1 go build -buildmode=pie -ldflags '-linkmode external -extldflags "-static-pie"' ."#);
        assert!(f[1].verify[0].contains("expect: static-pie linked"), "{:?}", f[1].verify);
        // A PIE with the DNS cause: cgo-off drops -buildmode=pie and says so.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::PieExecutable, &[cause(CauseId::Dns, None)], &[("-buildmode", "pie")]);
        let f = for_go(&r, &g);
        assert_eq!(f[0].command, "CGO_ENABLED=0 go build .");
        assert!(has_note(&f[0], NoteId::PieDropped));
        // musl-gcc cannot link a static PIE: it drops -buildmode=pie too; zig keeps a static PIE.
        assert_eq!(f[2].command, r#"CGO_ENABLED=1 CC=musl-gcc go build -ldflags '-linkmode external -extldflags "-static"' ."#);
        assert!(has_note(&f[2], NoteId::PieDropped));
        assert_eq!((f[3].id, f[3].expect), (FixId::ZigMusl, Linkage::StaticPie));
        assert!(f[3].verify[0].contains("static-pie linked"), "{:?}", f[3].verify);
        // Dynamic with nothing found: no command promises what is not known.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[], &[]);
        assert!(for_go(&r, &g).is_empty());
        // A sanitizer build: only the build without it (and without cgo), noted.
        let (r, g) = report("amd64", Linkage::Dynamic, Kind::Executable, &[cause(CauseId::Sanitizer, None)], &[("-asan", "true")]);
        let f = for_go(&r, &g);
        assert_eq!(ids(&f), [FixId::CgoOff]);
        assert_eq!(f[0].command, "CGO_ENABLED=0 go build .");
        assert!(has_note(&f[0], NoteId::SanitizerDropped));
        // Static and clean: nothing to do.
        let (r, g) = report("amd64", Linkage::Static, Kind::Executable, &[], &[]);
        assert!(for_go(&r, &g).is_empty());
    }
}
