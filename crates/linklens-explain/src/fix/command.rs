//! The command model: a `go build` line under construction, started from
//! what the binary recorded and changed one flag at a time, and rendered
//! with POSIX shell quoting, so what is printed is what runs. The finished
//! model travels with its fix (`Fix::build`): the shell command and every
//! pipeline recipe are rendered from it.

use serde::{Deserialize, Serialize};

use super::note;
use linklens::go::quoted;
use linklens::{GoInfo, NoteId, Setting};
use crate::explanation::Note;
use linklens::vocab::BuildTool;

/// The raw build settings a command reads (the rest come typed, from
/// `GoInfo::build`, or follow from the source): what a shortened share
/// link must keep.
pub const READ_FROM_SETTINGS: &[&str] = &[
    "-asan", "-asmflags", "-cover", "-gccgoflags", "-gcflags", "-msan", "-pgo", "-race", "CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS", "GOEXPERIMENT", "GOFIPS140",
];

/// A `go build` command line: what the binary recorded, as a fix changed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoBuild {
    /// Environment for the build, in the order it is printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub env: Vec<Setting>,
    /// `-trimpath`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trimpath: bool,
    /// `-race`, as recorded (`-race=true`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub race: bool,
    /// A test binary: `go test -c` rebuilds it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub test: bool,
    /// `-buildmode`, when not the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buildmode: Option<String>,
    /// `-msan` and `-asan`, as recorded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanitizers: Vec<String>,
    /// `-cover`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub cover: bool,
    /// `-tags`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// `-gcflags`, `-asmflags` and `-pgo` as recorded (`("-gcflags", "all=-l")`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tool_flags: Vec<Setting>,
    /// `-ldflags`, split into words as `go` splits them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ldflags: Vec<String>,
    /// The package argument (`.`, `./cmd/x`, an import path).
    pub package: String,
    /// Name of the file `go build` writes, for the verify steps.
    pub output: String,
    /// The target, always named (recipes need it even for the host's own).
    pub goos: String,
    /// The target architecture.
    pub goarch: String,
    /// `GOAMD64=v3`, `GOARM=7`…, as recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch_level: Option<Setting>,
    /// The Go release that built the binary (`go1.26.8`), if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub go_version: Option<String>,
    /// A module to add before building (`go get`), for a driver swap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub go_get: Option<String>,
    /// A module whose `replace` is dropped before building, and the version
    /// it then resolves to (`go mod edit -dropreplace`, `go get M@V`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_replace: Option<Setting>,
    /// An image to build inside (`golang:1.26-bookworm`), for an older glibc.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// How the command was derived from the binary (also in the fix).
    #[serde(skip)]
    pub notes: Vec<Note>,
}

impl GoBuild {
    /// The command that would rebuild this binary as it is.
    pub(crate) fn from_binary(go: &GoInfo, goarch: Option<&str>) -> GoBuild {
        let b = &go.build;
        let mut notes = Vec::new();
        let mut env = Vec::new();
        let goarch = b.goarch.as_deref().or(goarch);
        let level = b.arch_level.as_ref().filter(|l| !(l.key == "GOAMD64" && l.value == "v1"));
        let other_os = b.goos.as_deref().is_some_and(|os| os != "linux");
        if goarch.is_some_and(|a| a != "amd64") || level.is_some() || other_os {
            env.push(setting("GOOS", b.goos.as_deref().unwrap_or("linux")));
            env.push(setting("GOARCH", goarch.unwrap_or("amd64")));
            if let Some(l) = level {
                env.push(l.clone());
            }
            notes.push(note(NoteId::CrossTarget, &[]));
        }
        let test = go.test_binary.is_some();
        let (package, mut output) = package_argument(go, &mut notes);
        if test {
            output = format!("{output}.test");
            notes.push(note(NoteId::TestBinary, &[]));
        }
        // No main module but build info: a GOPATH-mode build, which today's
        // go only makes with modules off.
        if go.version.is_some() && go.main.is_none() && go.path.is_some() {
            env.push(setting("GO111MODULE", "off"));
        }
        // gccgo records its settings but no version.
        if go.version.is_none() && go.settings.is_empty() {
            notes.push(note(NoteId::FlagsUnknown, &[]));
        } else if b.trimpath && b.ldflags.is_none() {
            notes.push(note(NoteId::TrimpathLdflags, &[]));
        }
        let recorded = |key: &str| {
            debug_assert!(READ_FROM_SETTINGS.contains(&key), "{key}");
            go.settings.iter().find(|s| s.key == key).map(|s| s.value.as_str())
        };
        // The toolchain's own choices travel in the environment, as Go reads them.
        for key in ["GOEXPERIMENT", "GOFIPS140"] {
            if let Some(v) = recorded(key).filter(|v| !v.is_empty()) {
                env.push(setting(key, v));
            }
        }
        // cgo's flags, when set (an empty value is Go's default).
        for key in ["CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS"] {
            if let Some(v) = recorded(key).filter(|v| !v.is_empty()) {
                env.push(setting(key, v));
            }
        }
        let mut tool_flags: Vec<Setting> = ["-gcflags", "-asmflags"].iter().filter_map(|k| recorded(k).map(|v| setting(k, v))).collect();
        // -pgo=auto (the default) finds default.pgo beside the main package:
        // that one needs no flag (its recorded path is the builder's
        // checkout); any other profile is named as recorded.
        tool_flags.extend(recorded("-pgo").filter(|p| !beside_main_package(go, p)).map(|p| setting("-pgo", p)));
        let mut build = GoBuild {
            env,
            sanitizers: ["-msan", "-asan"].iter().filter(|k| recorded(k) == Some("true")).map(|k| k.to_string()).collect(),
            cover: recorded("-cover") == Some("true"),
            tool_flags,
            trimpath: b.trimpath,
            race: recorded("-race") == Some("true"),
            test,
            buildmode: b.buildmode.clone().filter(|m| m != "exe" && m != "default"),
            tags: b.tags.clone(),
            ldflags: b.ldflags.as_deref().map(quoted::split).unwrap_or_default(),
            package,
            output,
            goos: b.goos.clone().unwrap_or_else(|| "linux".into()),
            goarch: goarch.unwrap_or("amd64").into(),
            arch_level: level.cloned(),
            go_version: go.version.clone(),
            go_get: None,
            drop_replace: None,
            image: None,
            notes,
        };
        // A shell with a C compiler has cgo on: a binary built with it off
        // says so in its command, whatever the fix then changes.
        if b.cgo_enabled == Some(false) {
            build.set_env("CGO_ENABLED", "0");
        }
        build
    }

    /// The value of an environment variable the command sets.
    pub fn env_value(&self, key: &str) -> Option<&str> {
        self.env.iter().find(|s| s.key == key).map(|s| s.value.as_str())
    }

    /// Which compiler links the C side, read from the command itself.
    pub fn toolchain(&self) -> BuildTool {
        match self.env_value("CC") {
            Some(cc) if cc.starts_with("musl-gcc") => BuildTool::MuslGcc,
            Some(cc) if cc.starts_with("zig ") => BuildTool::Zig,
            // An external link runs gcc as the linker, cgo or not.
            _ if self.env_value("CGO_ENABLED") == Some("1") || self.links_externally() => BuildTool::Gcc,
            _ => BuildTool::Go,
        }
    }

    /// The zig target of `CC='zig cc -target …'`.
    pub fn zig_target(&self) -> Option<&str> {
        self.env_value("CC")?.strip_prefix("zig cc -target ").map(|t| t.split(' ').next().unwrap_or(t))
    }

    pub(crate) fn set_env(&mut self, key: &str, value: &str) -> &mut Self {
        self.env.retain(|s| s.key != key);
        // CGO_ENABLED, CC and CXX read best first.
        let leading = |keys: &[&str]| self.env.iter().take_while(|s| keys.contains(&s.key.as_str())).count();
        let at = match key {
            "CGO_ENABLED" => 0,
            "CC" => leading(&["CGO_ENABLED"]),
            "CXX" => leading(&["CGO_ENABLED", "CC"]),
            _ => self.env.len(),
        };
        self.env.insert(at, setting(key, value));
        self
    }

    pub(crate) fn add_tags(&mut self, tags: &[&str]) -> &mut Self {
        for t in tags {
            if !self.tags.iter().any(|x| x == t) {
                self.tags.push((*t).into());
            }
        }
        self
    }

    /// Remove a build tag, saying whether it was there.
    pub(crate) fn remove_tag(&mut self, tag: &str) -> bool {
        let before = self.tags.len();
        self.tags.retain(|t| t != tag);
        self.tags.len() != before
    }

    pub(crate) fn buildmode(&self) -> Option<&str> {
        self.buildmode.as_deref()
    }

    pub(crate) fn set_buildmode(&mut self, mode: Option<&str>) -> &mut Self {
        self.buildmode = mode.map(str::to_string);
        self
    }

    /// Whether the command builds with the race detector.
    /// Build without what needs cgo when cgo goes off or the link goes
    /// static: the race detector, the sanitizers, cgo's flags; with their
    /// notes. BoringCrypto is said, not silently lost.
    pub(crate) fn drop_cgo_only(&mut self, notes: &mut Vec<Note>, cgo_off: bool) {
        if self.race {
            self.race = false;
            notes.push(note(NoteId::RaceDropped, &[]));
        }
        if !self.sanitizers.is_empty() {
            self.sanitizers.clear();
            notes.push(note(NoteId::SanitizerDropped, &[]));
        }
        if !cgo_off {
            return;
        }
        let flags = |s: &Setting| s.key.starts_with("CGO_") && s.key.ends_with("FLAGS");
        if self.env.iter().any(flags) {
            self.env.retain(|s| !flags(s));
            notes.push(note(NoteId::CgoFlagsDropped, &[]));
        }
        if self.env_value("GOEXPERIMENT").is_some_and(|e| e.split(',').any(|x| x == "boringcrypto")) {
            notes.push(note(NoteId::BoringcryptoDropped, &[]));
        }
    }

    /// Whether ldflags ask for the external linker.
    pub(crate) fn links_externally(&self) -> bool {
        quoted::external_linkmode(&self.ldflags)
    }

    /// Let Go link the program itself: no `-linkmode external`, and no
    /// `-extldflags` (only the external linker reads them).
    pub(crate) fn drop_external_link(&mut self) -> &mut Self {
        self.remove_flag("-linkmode");
        self.remove_flag("-extldflags");
        self
    }

    /// Set `-linkmode`, replacing any existing value.
    pub(crate) fn linkmode(&mut self, mode: &str) -> &mut Self {
        self.remove_flag("-linkmode");
        self.ldflags.splice(0..0, ["-linkmode".to_string(), mode.to_string()]);
        self
    }

    /// Add `flag` to `-extldflags`, keeping what is there.
    pub(crate) fn extldflag(&mut self, flag: &str) -> &mut Self {
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

    /// The `go build` line alone, as printed.
    pub fn render(&self) -> String {
        self.go_command(None, &[])
    }

    /// The `go build` line with `-o output` when given, leaving out the
    /// environment variables in `skip_env` (a recipe that sets them its own way).
    pub fn go_command(&self, output: Option<&str>, skip_env: &[&str]) -> String {
        let mut words: Vec<String> =
            self.env.iter().filter(|s| !skip_env.contains(&s.key.as_str())).map(|s| format!("{}={}", s.key, shell_quote(&s.value))).collect();
        words.extend(self.go_args(output));
        words.join(" ")
    }

    /// `go build …` without its environment: the verb, the flags, `-o`, the package.
    pub fn go_args(&self, output: Option<&str>) -> Vec<String> {
        let mut words = vec![if self.test { "go test -c" } else { "go build" }.to_string()];
        words.extend(self.flags());
        if let Some(o) = output {
            words.push(format!("-o {}", shell_quote(o)));
        }
        words.push(shell_quote(&self.package));
        words
    }

    /// `-trimpath`, `-race`, `-buildmode=…`: the flags that take no value
    /// of their own (a GoReleaser `flags:` list).
    pub fn switches(&self) -> Vec<String> {
        let mut words = Vec::new();
        if self.trimpath {
            words.push("-trimpath".into());
        }
        if self.race {
            words.push("-race".into());
        }
        words.extend(self.sanitizers.iter().cloned());
        if self.cover {
            words.push("-cover".into());
        }
        if let Some(m) = &self.buildmode {
            words.push(format!("-buildmode={m}"));
        }
        words
    }

    /// The flags between the verb and the package, each a shell word.
    pub fn flags(&self) -> Vec<String> {
        let mut words = self.switches();
        if !self.tags.is_empty() {
            words.push(format!("-tags {}", shell_quote(&self.tags.join(","))));
        }
        words.extend(self.tool_flags.iter().map(|s| format!("{}={}", s.key, shell_quote(&s.value))));
        if !self.ldflags.is_empty() {
            words.push(format!("-ldflags {}", shell_quote_always(&self.render_ldflags())));
        }
        words
    }

    /// The whole command a fix prints: the build, after `go get` for a
    /// driver swap, or inside an image for an older glibc.
    pub fn command(&self) -> String {
        self.command_to(None)
    }

    /// [`command`](Self::command), writing `-o output` when given.
    pub fn command_to(&self, output: Option<&str>) -> String {
        let build = self.go_command(output, &[]);
        if let Some(image) = &self.image {
            // The image's own platform, so a cgo build for another
            // architecture runs natively there (under emulation) with its gcc.
            return format!("docker run --rm --platform linux/{} -v \"$PWD\":/src -w /src {image} sh -c {}", self.goarch, shell_quote(&build));
        }
        let mut steps = self.before_build();
        steps.push(build);
        steps.join(" && ")
    }

    /// What runs before the build, in order: a replace dropped (and the
    /// module fetched at its version), a driver added.
    pub fn before_build(&self) -> Vec<String> {
        let mut steps = Vec::new();
        if let Some(m) = &self.drop_replace {
            steps.push(format!("go mod edit -dropreplace={}", shell_quote(&m.key)));
            steps.push(format!("go get {}", shell_quote(&format!("{}@{}", m.key, m.value))));
        }
        if let Some(module) = &self.go_get {
            steps.push(format!("go get {module}"));
        }
        steps
    }

    /// The `-ldflags` value as one string (for a field that takes it whole).
    pub fn ldflags_value(&self) -> String {
        self.render_ldflags()
    }
}

fn setting(key: &str, value: &str) -> Setting {
    Setting { key: key.into(), value: value.into() }
}

/// The package to build, relative to the main module when possible.
fn package_argument(go: &GoInfo, notes: &mut Vec<Note>) -> (String, String) {
    // A library's test binary records its package path plus `.test`.
    let path = go.path.as_deref().map(|p| if go.test_binary.is_some() { p.strip_suffix(".test").unwrap_or(p) } else { p });
    let main = go.main.as_ref().map(|m| m.path.as_str()).filter(|p| !p.is_empty());
    let last = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
    // A package below the main module: `./sub/dir` from the module's root.
    let below = path.zip(main).and_then(|(p, m)| p.strip_prefix(m)?.strip_prefix('/'));
    match (path, main, below) {
        (None, _, _) => {
            notes.push(note(NoteId::PackageUnknown, &[]));
            (".".into(), "app".into())
        }
        (Some("command-line-arguments"), _, _) => {
            notes.push(note(NoteId::CommandLineFiles, &[]));
            (".".into(), "app".into())
        }
        // GOPATH mode outside any GOPATH records the directory as `_/abs/dir`:
        // no go accepts that as a package; `.` in that directory is it.
        (Some(p), None, _) if p.starts_with("_/") => {
            let dir = p.strip_prefix('_').unwrap_or(p);
            notes.push(note(NoteId::RunInDirectory, &[("dir", dir)]));
            (".".into(), last(p))
        }
        (Some(p), Some(m), _) if p == m => (".".into(), last(p)),
        (Some(p), _, Some(sub)) => (format!("./{sub}"), last(p)),
        (Some(p), _, None) => {
            notes.push(note(NoteId::RunInTree, &[("package", p)]));
            (p.to_string(), last(p))
        }
    }
}

/// One shell word: bare when it is safe, quoted otherwise.
pub(crate) fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./,=:+@%".contains(c)) {
        s.to_string()
    } else {
        shell_quote_always(s)
    }
}

/// One shell word, always quoted: single quotes, or double quotes with
/// `\ " $ `` ` escaped when the text holds a single quote.
pub(crate) fn shell_quote_always(s: &str) -> String {
    if s.contains('\'') {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('$', "\\$").replace('`', "\\`"))
    } else {
        format!("'{s}'")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::go_info as go;

    #[test]
    fn a_profile_is_named_unless_go_finds_it_by_default() {
        let beside = go("example.com/app/cmd/tool", &[("-pgo", "/src/app/cmd/tool/default.pgo")]);
        assert!(beside_main_package(&beside, "/src/app/cmd/tool/default.pgo"));
        assert!(GoBuild::from_binary(&beside, Some("amd64")).tool_flags.is_empty());
        // A default.pgo elsewhere, or another name: named as recorded.
        for profile in ["/tmp/default.pgo", "/src/app/cmd/other/default.pgo", "/src/app/cmd/tool/cpu.pprof"] {
            let g = go("example.com/app/cmd/tool", &[("-pgo", profile)]);
            assert!(!beside_main_package(&g, profile), "{profile}");
            let flags = GoBuild::from_binary(&g, Some("amd64")).tool_flags;
            assert_eq!(flags.len(), 1, "{profile}: {flags:?}");
            assert_eq!(flags[0].value, profile);
        }
        // The main package at the module's root.
        let root = go("example.com/app", &[]);
        assert!(beside_main_package(&root, "/anywhere/default.pgo"));
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
        // -static-pie replaces -static, never sits beside it.
        b.extldflag("-static-pie");
        assert!(b.render().contains(r#"-extldflags "-lm -static-pie"'"#), "{}", b.render());
    }

    #[test]
    fn env_order_reads_best() {
        let g = go("example.com/app", &[("GOARCH", "arm64"), ("GOOS", "linux")]);
        let mut b = GoBuild::from_binary(&g, Some("arm64"));
        b.set_env("CC", "zig cc -target aarch64-linux-musl").set_env("CGO_ENABLED", "1");
        assert_eq!(b.render(), "CGO_ENABLED=1 CC='zig cc -target aarch64-linux-musl' GOOS=linux GOARCH=arm64 go build .");
        // Setting a key again replaces it in place of adding a second one.
        b.set_env("CGO_ENABLED", "0");
        assert_eq!(b.render().matches("CGO_ENABLED").count(), 1);
        assert!(b.render().starts_with("CGO_ENABLED=0 CC="));
        assert!(b.notes.iter().any(|n| n.id == NoteId::CrossTarget));
    }

    #[test]
    fn cross_builds_name_their_target() {
        let g = go("example.com/app", &[("GOARCH", "arm64"), ("GOOS", "linux"), ("GOARM64", "v8.2")]);
        let mut b = GoBuild::from_binary(&g, Some("arm64"));
        b.add_tags(&["netgo"]);
        b.set_env("CGO_ENABLED", "0");
        assert_eq!(b.render(), "CGO_ENABLED=0 GOOS=linux GOARCH=arm64 GOARM64=v8.2 go build -tags netgo .");
        // amd64 at the baseline level needs no target; a higher level does.
        let plain = GoBuild::from_binary(&go("example.com/app", &[("GOARCH", "amd64"), ("GOAMD64", "v1")]), Some("amd64"));
        assert_eq!(plain.render(), "go build .");
        let v3 = GoBuild::from_binary(&go("example.com/app", &[("GOARCH", "amd64"), ("GOAMD64", "v3")]), Some("amd64"));
        assert_eq!(v3.render(), "GOOS=linux GOARCH=amd64 GOAMD64=v3 go build .");
    }

    #[test]
    fn package_argument_follows_the_main_module() {
        let at = |path: &str| GoBuild::from_binary(&go(path, &[]), None);
        assert!(at("example.com/app").render().ends_with(" ."));
        assert!(at("example.com/app/cmd/x").render().ends_with(" ./cmd/x"));
        assert_eq!(at("example.com/app/cmd/x").output, "x");
        // A path that only shares a prefix is not inside the module.
        let other = at("example.com/application/cmd");
        assert!(other.render().ends_with(" example.com/application/cmd"), "{}", other.render());
        assert!(other.notes.iter().any(|n| n.id == NoteId::RunInTree));
        // A test binary: `go test -c` for the package under test.
        let mut t = go("example.com/app/nettest.test", &[]);
        t.test_binary = Some(linklens::Evidence::new(linklens::EvidenceKind::Setting, "path example.com/app/nettest.test"));
        let b = GoBuild::from_binary(&t, None);
        assert_eq!(b.render(), "go test -c ./nettest");
        assert_eq!(b.output, "nettest.test");
        assert!(b.notes.iter().any(|n| n.id == NoteId::TestBinary));
        // GOPATH mode outside GOPATH: `_/abs/dir`, no main module.
        let mut gopath = go("_/home/me/src/use-sqlite", &[]);
        gopath.main = None;
        let b = GoBuild::from_binary(&gopath, None);
        assert_eq!(b.render(), "GO111MODULE=off go build .");
        assert!(b.notes.iter().any(|n| n.id == NoteId::RunInDirectory && n.text.contains("run it in /home/me/src/use-sqlite")));
        // GOPATH mode inside a GOPATH: the import path, from the tree.
        let mut inside = go("github.com/me/tool", &[]);
        inside.main = None;
        let b = GoBuild::from_binary(&inside, None);
        assert_eq!(b.render(), "GO111MODULE=off go build github.com/me/tool");
        assert!(b.notes.iter().any(|n| n.id == NoteId::RunInTree) && !b.notes.iter().any(|n| n.id == NoteId::RunInDirectory));
        let cla = at("command-line-arguments");
        assert!(cla.render().ends_with(" ."));
        assert!(cla.notes.iter().any(|n| n.id == NoteId::CommandLineFiles));
    }

    #[test]
    fn compilers_read_first_whatever_else_is_set() {
        let mut b = GoBuild::from_binary(&go("example.com/app", &[("GOARCH", "arm64"), ("GOOS", "linux")]), None);
        b.set_env("CXX", "zig c++").set_env("CC", "zig cc").set_env("CGO_ENABLED", "1");
        assert_eq!(b.render(), "CGO_ENABLED=1 CC='zig cc' CXX='zig c++' GOOS=linux GOARCH=arm64 go build .");
    }

    #[test]
    fn the_build_model_says_which_compiler_links_the_c_side() {
        let g = go("example.com/app/cmd/x", &[("-ldflags", "-s"), ("-tags", "a,b"), ("-trimpath", "true"), ("GOAMD64", "v3")]);
        let mut b = GoBuild::from_binary(&g, Some("amd64"));
        assert_eq!(b.toolchain(), BuildTool::Go, "nothing set: Go links alone");
        assert_eq!(b.zig_target(), None);
        b.set_env("CGO_ENABLED", "1");
        assert_eq!(b.toolchain(), BuildTool::Gcc, "cgo on: the system's gcc");
        b.set_env("CGO_ENABLED", "0");
        assert_eq!(b.toolchain(), BuildTool::Go);
        b.env.retain(|s| s.key != "CGO_ENABLED");
        b.linkmode("external");
        assert_eq!(b.toolchain(), BuildTool::Gcc, "an external link needs gcc");
        b.set_env("CC", "clang");
        assert_eq!(b.toolchain(), BuildTool::Gcc, "another C compiler is the system's");
        assert_eq!(b.zig_target(), None);
        b.set_env("CC", "musl-gcc");
        assert_eq!(b.toolchain(), BuildTool::MuslGcc);
        b.set_env("CC", "zig cc -target aarch64-linux-musl -O2");
        assert_eq!((b.toolchain(), b.zig_target()), (BuildTool::Zig, Some("aarch64-linux-musl")));
        assert_eq!(b.env_value("CC"), Some("zig cc -target aarch64-linux-musl -O2"));
        assert_eq!(b.env_value("CXX"), None);
        // The pieces recipes use: flags, -o, skipped env, the whole command.
        assert_eq!(b.flags(), ["-trimpath", "-tags a,b", "-ldflags '-linkmode external -s'"]);
        assert_eq!(b.go_args(Some("out dir/x")), ["go build", "-trimpath", "-tags a,b", "-ldflags '-linkmode external -s'", "-o 'out dir/x'", "./cmd/x"]);
        assert_eq!(
            b.go_command(None, &["CC", "GOOS", "GOARCH", "GOAMD64"]),
            "go build -trimpath -tags a,b -ldflags '-linkmode external -s' ./cmd/x"
        );
        assert_eq!(b.ldflags_value(), "-linkmode external -s");
        assert_eq!(b.command(), b.render());
        assert_eq!((b.goos.as_str(), b.goarch.as_str()), ("linux", "amd64"));
        assert_eq!(b.arch_level.as_ref().map(|l| l.value.as_str()), Some("v3"));
        b.go_get = Some("modernc.org/sqlite".into());
        assert_eq!(b.command(), format!("go get modernc.org/sqlite && {}", b.render()));
        b.image = Some("golang:1.26-bookworm".into());
        assert!(b.command_to(Some("app")).starts_with("docker run --rm --platform linux/amd64 -v \"$PWD\":/src -w /src golang:1.26-bookworm sh -c "));
        assert!(b.command_to(Some("app")).contains(" -o app ./cmd/x"));
        // A test binary is rebuilt with go test -c.
        b.test = true;
        assert_eq!(b.go_args(None)[0], "go test -c");
        // The race detector is a flag.
        b.race = true;
        assert!(b.flags().contains(&"-race".to_string()));
    }

    /// Each value must reach `go` as exactly one argument, whatever it holds.
    #[test]
    fn quoting_survives_the_shell() {
        let values = [
            "plain",
            "with space",
            "it's",
            "say \"hi\"",
            "$HOME and `id` and $(id)",
            "back\\slash",
            "new\nline",
            "tab\there",
            "both ' and \" and $x",
            "",
            "*glob?",
            "!bang",
        ];
        for v in values {
            let word = shell_quote(v);
            let out = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("printf '%s' {word}"))
                .output()
                .expect("sh");
            assert_eq!(String::from_utf8_lossy(&out.stdout), v, "quoted as {word}");
        }
    }

    #[test]
    fn ldflags_with_quotes_reach_go_intact() {
        // The rendered -ldflags word, once the shell has read it, is what
        // Go's quoting splits back into the recorded arguments.
        let g = go("example.com/app", &[("-ldflags", "-X \"main.msg=it's here\" -X main.v=$v")]);
        let b = GoBuild::from_binary(&g, None);
        let cmd = b.render();
        let word = cmd.split_once("-ldflags ").map(|(_, w)| w.trim_end_matches(" .")).unwrap();
        let out = std::process::Command::new("sh").arg("-c").arg(format!("printf '%s' {word}")).output().unwrap();
        let seen = String::from_utf8_lossy(&out.stdout).into_owned();
        assert_eq!(quoted::split(&seen), vec!["-X", "main.msg=it's here", "-X", "main.v=$v"], "from {cmd}");
    }
}

/// Whether a recorded `-pgo` profile is `default.pgo` in the main
/// package's directory (`…/cmd/app/default.pgo` for `example.com/m/cmd/app`
/// in module `example.com/m`), the one `-pgo=auto` picks.
fn beside_main_package(go: &linklens::GoInfo, profile: &str) -> bool {
    let Some(dir) = profile.strip_suffix("/default.pgo") else { return false };
    let relative = match (go.path.as_deref(), go.main.as_ref()) {
        (Some(path), Some(main)) => path.strip_prefix(main.path.as_str()).map(|r| r.trim_start_matches('/')),
        _ => None,
    };
    match relative {
        Some("") => true,
        Some(r) => dir.ends_with(&format!("/{r}")),
        // No module to place the package in: as Go 1.21–1.26 record it.
        None => true,
    }
}
