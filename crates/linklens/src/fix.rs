//! The rebuild commands: exact, copy-pasteable, and true for this binary.
//! Each starts from what the build info recorded (tags, ldflags, trimpath,
//! buildmode, target) and changes only what the fix needs.

use std::collections::BTreeSet;

use crate::catalogue;
use crate::go::quoted;
use crate::report::{CauseId, Fix, GoInfo, Report};

/// A `go build` command line under construction.
#[derive(Debug, Clone)]
pub(crate) struct GoBuild {
    env: Vec<(String, String)>,
    trimpath: bool,
    buildmode: Option<String>,
    tags: Vec<String>,
    ldflags: Vec<String>,
    package: String,
    /// Name of the file `go build` writes, for the verify steps.
    pub output: String,
    pub notes: Vec<String>,
}

impl GoBuild {
    /// The command that would rebuild this binary as it is.
    pub fn from_binary(go: &GoInfo, goarch: Option<&str>) -> GoBuild {
        let b = &go.build;
        let mut notes = Vec::new();
        let mut env = Vec::new();
        let goarch = b.goarch.as_deref().or(goarch);
        let level = b.arch_level.as_ref().filter(|l| !(l.key == "GOAMD64" && l.value == "v1"));
        if goarch.is_some_and(|a| a != "amd64") || level.is_some() {
            env.push(("GOOS".into(), b.goos.clone().unwrap_or_else(|| "linux".into())));
            env.push(("GOARCH".into(), goarch.unwrap_or("amd64").into()));
            if let Some(l) = level {
                env.push((l.key.clone(), l.value.clone()));
            }
            notes.push("GOOS/GOARCH set to this binary's target, so the command works from any build machine.".into());
        }
        let (package, output) = package_argument(go, &mut notes);
        if go.version.is_none() {
            notes.push("This binary carries no Go build info: its original flags are unknown, add yours.".into());
        } else if b.trimpath && b.ldflags.is_none() {
            notes.push("Built with -trimpath, which does not record -ldflags: add your own -ldflags (e.g. -X version) if you used any.".into());
        }
        GoBuild {
            env,
            trimpath: b.trimpath,
            buildmode: b.buildmode.clone().filter(|m| m != "exe" && m != "default"),
            tags: b.tags.clone(),
            ldflags: b.ldflags.as_deref().map(quoted::split).unwrap_or_default(),
            package,
            output,
            notes,
        }
    }

    pub fn set_env(&mut self, key: &str, value: &str) -> &mut Self {
        self.env.retain(|(k, _)| k != key);
        // CGO_ENABLED and CC read best first.
        let at = if key == "CGO_ENABLED" { 0 } else if key == "CC" { self.env.iter().take_while(|(k, _)| k == "CGO_ENABLED").count() } else { self.env.len() };
        self.env.insert(at, (key.into(), value.into()));
        self
    }

    pub fn add_tags(&mut self, tags: &[&str]) -> &mut Self {
        for t in tags {
            if !self.tags.iter().any(|x| x == t) {
                self.tags.push((*t).into());
            }
        }
        self
    }

    pub fn buildmode(&self) -> Option<&str> {
        self.buildmode.as_deref()
    }

    pub fn set_buildmode(&mut self, mode: Option<&str>) -> &mut Self {
        self.buildmode = mode.map(str::to_string);
        self
    }

    /// Set `-linkmode`, replacing any existing value.
    pub fn linkmode(&mut self, mode: &str) -> &mut Self {
        self.remove_flag("-linkmode");
        self.ldflags.splice(0..0, ["-linkmode".to_string(), mode.to_string()]);
        self
    }

    /// Add `flag` to `-extldflags`, keeping what is there.
    pub fn extldflag(&mut self, flag: &str) -> &mut Self {
        let existing = self.remove_flag("-extldflags").unwrap_or_default();
        let mut parts = quoted::split(&existing);
        // -static and -static-pie exclude each other.
        parts.retain(|p| !(p.starts_with("-static") && flag.starts_with("-static")) || p == flag);
        if !parts.iter().any(|p| p == flag) {
            parts.push(flag.to_string());
        }
        self.ldflags.push("-extldflags".into());
        self.ldflags.push(quoted::join(&parts));
        self
    }

    /// Remove `-name value` or `-name=value` (also `--name`) from ldflags,
    /// returning the value.
    fn remove_flag(&mut self, name: &str) -> Option<String> {
        let mut value = None;
        let mut out = Vec::with_capacity(self.ldflags.len());
        let mut it = std::mem::take(&mut self.ldflags).into_iter();
        while let Some(a) = it.next() {
            let bare = a.strip_prefix('-').unwrap_or(&a);
            let bare = format!("-{}", bare.strip_prefix('-').unwrap_or(bare));
            if bare == name {
                value = it.next();
            } else if let Some(v) = bare.strip_prefix(&format!("{name}=")) {
                value = Some(v.to_string());
            } else {
                out.push(a);
            }
        }
        self.ldflags = out;
        value
    }

    /// Like `quoted::join`, but `-extldflags` values are always quoted, as
    /// people write them (`-extldflags "-static"`).
    fn render_ldflags(&self) -> String {
        let mut out: Vec<String> = Vec::with_capacity(self.ldflags.len());
        for (i, a) in self.ldflags.iter().enumerate() {
            let after_ext = i > 0 && self.ldflags[i - 1].trim_start_matches('-') == "extldflags";
            if after_ext && !a.contains('"') {
                out.push(format!("\"{a}\""));
            } else {
                out.push(quoted::join(std::slice::from_ref(a)));
            }
        }
        out.join(" ")
    }

    pub fn render(&self) -> String {
        let mut words: Vec<String> = self.env.iter().map(|(k, v)| format!("{k}={}", shell_quote(v))).collect();
        words.push("go build".into());
        if self.trimpath {
            words.push("-trimpath".into());
        }
        if let Some(m) = &self.buildmode {
            words.push(format!("-buildmode={m}"));
        }
        if !self.tags.is_empty() {
            words.push(format!("-tags {}", shell_quote(&self.tags.join(","))));
        }
        if !self.ldflags.is_empty() {
            words.push(format!("-ldflags {}", shell_quote_always(&self.render_ldflags())));
        }
        words.push(shell_quote(&self.package));
        words.join(" ")
    }
}

/// The package to build, relative to the main module when possible.
fn package_argument(go: &GoInfo, notes: &mut Vec<String>) -> (String, String) {
    let path = go.path.as_deref();
    let main = go.main.as_ref().map(|m| m.path.as_str()).filter(|p| !p.is_empty());
    let last = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    match (path, main) {
        (None, _) => {
            notes.push("The main package is not recorded: run the command in its directory (or name it).".into());
            (".".into(), "app".into())
        }
        (Some("command-line-arguments"), _) => {
            notes.push("Built from files named on the command line (go build main.go): name those files instead of '.'.".into());
            (".".into(), "app".into())
        }
        (Some(p), Some(m)) if p == m => (".".into(), last(p)),
        (Some(p), Some(m)) if p.starts_with(&format!("{m}/")) => (format!("./{}", &p[m.len() + 1..]), last(p)),
        (Some(p), _) => {
            notes.push(format!("Run from the module or GOPATH tree that contains {p}."));
            (p.to_string(), last(p))
        }
    }
}

fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./,=:+@%".contains(c)) {
        s.to_string()
    } else {
        shell_quote_always(s)
    }
}

fn shell_quote_always(s: &str) -> String {
    if s.contains('\'') {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('$', "\\$").replace('`', "\\`"))
    } else {
        format!("'{s}'")
    }
}

/// zig's name for a Go architecture, as used in `-target <arch>-linux-musl`.
pub(crate) fn zig_target(goarch: &str) -> Option<&'static str> {
    Some(match goarch {
        "amd64" => "x86_64-linux-musl",
        "arm64" => "aarch64-linux-musl",
        "386" => "x86-linux-musl",
        "arm" => "arm-linux-musleabihf",
        "riscv64" => "riscv64-linux-musl",
        "ppc64le" => "powerpc64le-linux-musl",
        "s390x" => "s390x-linux-musl",
        "loong64" => "loongarch64-linux-musl",
        "mips64le" => "mips64el-linux-musl",
        _ => return None,
    })
}

/// Trade-offs of fix `id` that apply to a binary with these causes.
fn caveats_for(id: &str, causes: &[&str]) -> Vec<String> {
    catalogue::fix(id).map(|e| e.tradeoffs_for(causes)).unwrap_or_default()
}

struct Ctx<'a> {
    causes: Vec<&'a str>,
    output: String,
}

fn fix(ctx: &Ctx, id: &str, command: String, mut notes: Vec<String>, extra_caveats: &[String], expect: &str) -> Fix {
    let entry = catalogue::fix(id);
    let output = &ctx.output;
    let mut caveats: Vec<String> = extra_caveats.to_vec();
    caveats.extend(caveats_for(id, &ctx.causes));
    notes.dedup();
    Fix {
        id: id.to_string(),
        title: entry.map(|e| e.title).unwrap_or(id).to_string(),
        command,
        notes,
        caveats,
        verify: vec![
            format!("file ./{output}   # expect: {expect}"),
            format!("go version -m ./{output} | grep -E 'CGO_ENABLED|-tags|-ldflags'"),
            format!("linklens --require-static ./{output}   # or drop it on the linklens page"),
        ],
    }
}

/// The fixes for a Go binary, recommended first.
pub(crate) fn for_go(report: &Report, go: &GoInfo) -> Vec<Fix> {
    let causes: BTreeSet<CauseId> = report.causes.iter().map(|c| c.id).collect();
    let warnings: BTreeSet<&str> = report.warnings.iter().map(|w| w.id.as_str()).collect();
    let base = GoBuild::from_binary(go, report.arch.goarch.as_deref());
    let goarch = go.build.goarch.clone().or_else(|| report.arch.goarch.clone()).unwrap_or_else(|| "amd64".into());
    let needs_c = causes.contains(&CauseId::CgoOwn) || causes.contains(&CauseId::CgoDep);
    let std_tags: Vec<&str> = [(CauseId::Dns, "netgo"), (CauseId::OsUser, "osusergo")]
        .iter()
        .filter(|(c, _)| causes.contains(c))
        .map(|(_, t)| *t)
        .collect();
    let out = base.output.clone();
    let ctx = Ctx { causes: causes.iter().map(|c| c.as_str()).collect(), output: out.clone() };
    let static_word = "statically linked";
    let mut fixes = Vec::new();

    // Recipes, each from a fresh copy of the binary's own command.
    let cgo_off = || {
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "0");
        let mut notes = b.notes.clone();
        if b.buildmode() == Some("pie") {
            b.set_buildmode(None);
            notes.push("-buildmode=pie dropped: a PIE linked by Go itself always asks for the dynamic loader.".into());
        }
        fix(&ctx, "cgo-off", b.render(), notes, &[], static_word)
    };
    let tags = |keep_static_link: bool| {
        let mut b = base.clone();
        b.add_tags(&std_tags);
        let mut notes = b.notes.clone();
        if keep_static_link {
            notes.push("Keeps your external static link; the tags only remove the NSS-dependent lookups.".into());
        }
        notes.push(format!("Adds {} to the tags this binary was built with.", std_tags.join(",")));
        fix(&ctx, "pure-go-tags", b.render(), notes, &[], static_word)
    };
    let musl = || {
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "1").set_env("CC", "musl-gcc");
        b.linkmode("external");
        let pie = b.buildmode() == Some("pie");
        b.extldflag(if pie { "-static-pie" } else { "-static" });
        let mut extra = Vec::new();
        if goarch != "amd64" {
            extra.push(format!("musl-gcc from musl-tools builds for the machine it runs on: for {goarch}, use zig (next) or a {goarch} musl cross-compiler as CC."));
        }
        fix(&ctx, "musl-gcc", b.render(), b.notes.clone(), &extra, if pie { "static-pie linked" } else { static_word })
    };
    let zig = || {
        let target = zig_target(&goarch)?;
        let mut b = base.clone();
        b.set_env("CGO_ENABLED", "1").set_env("CC", &format!("zig cc -target {target}"));
        let mut notes = b.notes.clone();
        if !needs_c {
            b.linkmode("external");
            notes.push("-linkmode external: with cgo only in net/os/user, Go would link internally and fail on zig's objects.".into());
        }
        Some(fix(&ctx, "zig-musl", b.render(), notes, &[], static_word))
    };

    // Plugins and c-shared libraries are shared objects by design.
    if report.kind == crate::report::Kind::SharedObject {
        return fixes;
    }

    if causes.contains(&CauseId::Plugin) {
        let entry = catalogue::fix("plugin-rpc");
        fixes.push(Fix {
            id: "plugin-rpc".into(),
            title: entry.map(|e| e.title).unwrap_or_default().into(),
            command: "go get github.com/hashicorp/go-plugin".into(),
            notes: vec!["Then serve each extension as its own static binary and connect to it over RPC.".into()],
            caveats: caveats_for("plugin-rpc", &ctx.causes),
            verify: vec![format!("file ./{out}   # expect: {static_word}")],
        });
        let mut off = cgo_off();
        off.caveats.insert(0, "plugin.Open will then always fail with \"plugin: not implemented\": only if plugins are optional.".into());
        fixes.push(off);
        return fixes;
    }

    if report.linkage.is_static() {
        if warnings.contains("glibc-static-nss") {
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
            notes.push("First replace the import github.com/mattn/go-sqlite3 with modernc.org/sqlite and sql.Open(\"sqlite3\", …) with sql.Open(\"sqlite\", …).".into());
            fixes.push(fix(&ctx, "pure-go-driver", cmd, notes, &[], static_word));
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
        let drop = fix(&ctx, "drop-pie", plain.render(), plain.notes.clone(), &[], static_word);
        let mut sp = base.clone();
        sp.set_env("CGO_ENABLED", "1").set_buildmode(Some("pie")).linkmode("external");
        sp.extldflag("-static-pie");
        let spie = fix(&ctx, "static-pie", sp.render(), sp.notes.clone(), &[], "static-pie linked");
        fixes.push(drop);
        fixes.push(spie);
    }

    if fixes.is_empty() && report.linkage == crate::report::Linkage::Dynamic {
        // Dynamic with no cgo package found: cgo itself is the only suspect.
        let mut f = cgo_off();
        f.notes.push("No cgo package was found, but the file is dynamic; turning cgo off removes runtime/cgo and libc.".into());
        fixes.push(f);
    }
    fixes
}

/// Recipes for files that are not Go.
pub(crate) fn for_non_go(report: &Report) -> Vec<Fix> {
    if report.linkage.is_static() {
        return Vec::new();
    }
    let lang = report.toolchain.language.as_deref().unwrap_or("C");
    let triple_arch = match report.arch.goarch.as_deref() {
        Some("amd64") | None => "x86_64",
        Some("arm64") => "aarch64",
        Some("386") => "i686",
        Some("arm") => "armv7",
        Some("riscv64") => "riscv64gc",
        Some("s390x") => "s390x",
        Some("ppc64le") => "powerpc64le",
        Some(other) => other,
    };
    let entry = |id: &str| catalogue::fix(id);
    let make = |id: &str, command: String| {
        let e = entry(id);
        Fix {
            id: id.into(),
            title: e.map(|e| e.title).unwrap_or(id).into(),
            command,
            notes: vec!["Adapt the file names to your build; with make, pass the flag via LDFLAGS.".into()],
            caveats: caveats_for(id, &[]),
            verify: vec!["file ./app   # expect: statically linked".into()],
        }
    };
    match lang {
        "Rust" => vec![Fix {
            notes: vec![],
            ..make(
                "rust-musl",
                format!("rustup target add {triple_arch}-unknown-linux-musl && cargo build --release --target {triple_arch}-unknown-linux-musl"),
            )
        }],
        "C++" => vec![make("cxx-static", "g++ -O2 -static -o app *.cpp".into())],
        _ => vec![make("c-static", "musl-gcc -O2 -static -o app *.c".into())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{BuildSettings, GoDetection, Module, Setting};

    fn go(path: &str, settings: &[(&str, &str)]) -> GoInfo {
        let settings: Vec<Setting> = settings.iter().map(|(k, v)| Setting { key: k.to_string(), value: v.to_string() }).collect();
        GoInfo {
            detected_by: GoDetection::Both,
            version: Some("go1.26.8".into()),
            path: Some(path.into()),
            main: Some(Module { path: "example.com/app".into(), version: "(devel)".into(), sum: None, replace: None }),
            deps: vec![],
            build: crate::go::buildinfo::typed_settings(&settings),
            settings,
            pclntab: None,
            cgo_packages: vec![],
            buildinfo_location: None,
        }
    }

    #[test]
    fn keeps_existing_flags_and_merges_extldflags() {
        let g = go(
            "example.com/app/cmd/tool",
            &[("-ldflags", "-s -w -X main.v=1 -extldflags=-lm"), ("-tags", "sqlite_omit_load_extension"), ("-trimpath", "true")],
        );
        let mut b = GoBuild::from_binary(&g, Some("amd64"));
        b.set_env("CC", "musl-gcc").set_env("CGO_ENABLED", "1").linkmode("external");
        b.extldflag("-static");
        assert_eq!(
            b.render(),
            r#"CGO_ENABLED=1 CC=musl-gcc go build -trimpath -tags sqlite_omit_load_extension -ldflags '-linkmode external -s -w -X main.v=1 -extldflags "-lm -static"' ./cmd/tool"#
        );
        // Applying twice changes nothing.
        b.linkmode("external");
        b.extldflag("-static");
        assert!(b.render().contains(r#"-extldflags "-lm -static"'"#));
        assert_eq!(b.render().matches("-linkmode").count(), 1);
    }

    #[test]
    fn cross_builds_name_their_target() {
        let g = go("example.com/app", &[("GOARCH", "arm64"), ("GOOS", "linux"), ("GOARM64", "v8.2")]);
        let mut b = GoBuild::from_binary(&g, Some("arm64"));
        b.add_tags(&["netgo"]);
        b.set_env("CGO_ENABLED", "0");
        assert_eq!(b.render(), "CGO_ENABLED=0 GOOS=linux GOARCH=arm64 GOARM64=v8.2 go build -tags netgo .");
    }

    #[test]
    fn command_line_arguments_and_quoting() {
        let g = go("command-line-arguments", &[("-ldflags", "-X 'main.msg=it''s'")]);
        let b = GoBuild::from_binary(&g, None);
        assert!(b.notes.iter().any(|n| n.contains("command line")));
        assert!(b.render().ends_with(" ."));
        let _ = BuildSettings::default();
    }
}
