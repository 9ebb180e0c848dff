//! Pipeline recipes: a fix's build model ([`GoBuild`]) rendered as the
//! files people keep in a repository — a Dockerfile, a GoReleaser `builds:`
//! entry, a GitHub Actions workflow, a Makefile — each with a check that
//! fails unless the result is what the fix promises. The same change as
//! the shell command, keeping what the binary recorded; words come from
//! the catalogue.

mod actions;
mod dockerfile;
mod goreleaser;
mod make;
mod yaml;

use crate::catalogue::{self, recipes as words};
use crate::fix::go_minor;
use crate::render::labels;
use linklens::{FixId, Linkage, NeedId, RecipeKind};
use crate::explanation::{Fix, GoBuild, Report};

/// One recipe, ready to copy. Serialisable: the page's worker renders
/// recipes and sends them with the report, so the page carries no printer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Recipe {
    /// Which kind.
    pub kind: RecipeKind,
    /// The file's text (or the command lines, for the shell).
    pub text: String,
}

/// The published linklens action, when the build was told its name
/// (`LINKLENS_ACTION=owner/linklens@v0 cargo xtask dist`): a GitHub
/// Actions recipe then checks its result with it. Without a name (this
/// repository has no published one), `file` and `readelf` check it.
pub const ACTION: Option<&str> = option_env!("LINKLENS_ACTION");

/// What a recipe may use beyond the fix.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The linklens action a workflow checks with (`owner/linklens@v0`).
    pub action: Option<&'a str>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options { action: ACTION }
    }
}

/// Every recipe a fix has, the shell command first. A kind the fix cannot
/// take is left out; [`recipe`] says why.
pub fn recipes(report: &Report, fix: &Fix) -> Vec<Recipe> {
    RecipeKind::ALL.iter().filter_map(|&kind| recipe(report, fix, kind).ok().map(|text| Recipe { kind, text })).collect()
}

/// One recipe of a fix, or the catalogue's sentence saying why it has none.
pub fn recipe(report: &Report, fix: &Fix, kind: RecipeKind) -> Result<String, &'static str> {
    recipe_with(report, fix, kind, Options::default())
}

/// [`recipe`], with the options given.
pub fn recipe_with(report: &Report, fix: &Fix, kind: RecipeKind, options: Options) -> Result<String, &'static str> {
    if kind == RecipeKind::Shell {
        let mut lines = vec![fix.command.clone()];
        lines.extend(fix.verify.iter().cloned());
        return Ok(lines.join("\n") + "\n");
    }
    let Some(build) = fix.build.as_ref() else { return Err(words::SHELL_ONLY) };
    let r = Ctx { action: options.action, ..Ctx::new(report, fix, build) };
    let text = build.command() + &r.out;
    // A line break ends a Dockerfile instruction and a make recipe line;
    // `{{` is a template in GoReleaser and (as `${{`) in Actions.
    let line_break = text.contains(['\n', '\r']) || !r.out.chars().all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
    let template = text.contains("{{");
    match kind {
        RecipeKind::Shell => unreachable!("handled above"),
        RecipeKind::Dockerfile if build.goos != "linux" => Err(words::NOT_LINUX),
        RecipeKind::Dockerfile | RecipeKind::Makefile if line_break => Err(words::UNSAFE_SETTING),
        RecipeKind::Goreleaser | RecipeKind::GithubActions if template => Err(words::UNSAFE_SETTING),
        RecipeKind::Dockerfile => Ok(dockerfile::render(&r)),
        RecipeKind::Goreleaser => Ok(goreleaser::render(&r)),
        RecipeKind::GithubActions => Ok(actions::render(&r)),
        RecipeKind::Makefile => Ok(make::render(&r)),
    }
}

/// The function by which the program reads a run-time file, if it does.
fn need(report: &Report, id: NeedId) -> Option<&str> {
    let go = report.facts.go.as_ref()?;
    go.needs.iter().find(|n| n.id == id).map(|n| n.evidence.value.as_str())
}

/// What every recipe writer reads.
struct Ctx<'a> {
    fix: &'a Fix,
    b: &'a GoBuild,
    /// The file the build writes.
    out: String,
    /// `1.26` for image tags and setup-go, when the binary recorded it.
    go_minor: Option<String>,
    /// The glibc a build that stays dynamic may need at most.
    floor: Option<&'a str>,
    /// The oldest target that floor reaches (for `linklens --target`).
    floor_target: Option<&'static str>,
    /// The evidence that the program speaks TLS.
    tls: Option<&'a str>,
    /// The evidence that it reads the CA bundle, zoneinfo, the account files.
    ca_bundle: Option<&'a str>,
    zoneinfo: Option<&'a str>,
    accounts: Option<&'a str>,
    /// The linklens action a workflow checks with, if there is one.
    action: Option<&'a str>,
}

impl<'a> Ctx<'a> {
    fn new(report: &'a Report, fix: &'a Fix, b: &'a GoBuild) -> Ctx<'a> {
        // The floor the fix links for on this file's architecture.
        let floor = match fix.id {
            FixId::ZigGlibc | FixId::OlderGlibcImage => fix.glibc_floor.as_deref(),
            _ => None,
        };
        Ctx {
            fix,
            b,
            out: b.output.clone(),
            go_minor: b.go_version.as_deref().and_then(go_minor),
            floor,
            floor_target: floor.and_then(crate::targets::oldest_with_glibc).map(|t| t.as_str()),
            tls: report.facts.go.as_ref().and_then(|g| g.tls.as_ref()).map(|e| e.value.as_str()),
            ca_bundle: need(report, NeedId::CaBundle),
            zoneinfo: need(report, NeedId::Zoneinfo),
            accounts: need(report, NeedId::Accounts),
            action: None,
        }
    }

    /// The comment lines every recipe opens with: the fix, where its
    /// settings came from, how the command was derived.
    fn header(&self) -> Vec<String> {
        let go = self.b.go_version.as_deref().unwrap_or(words::GO_UNKNOWN);
        let mut lines = vec![
            catalogue::fill(words::HEADER, &[("title", &self.fix.title)]),
            catalogue::fill(words::FROM_BINARY, &[("output", &self.out), ("go", go)]),
        ];
        if self.b.go_get.is_some() {
            lines.push(words::SWAP_IMPORT.to_string());
        }
        lines.extend(self.fix.notes.iter().map(|n| n.text.clone()));
        lines
    }

    /// The sentence above the check.
    fn check_comment(&self) -> String {
        match self.floor {
            Some(floor) => catalogue::fill(words::CHECK_FLOOR, &[("floor", floor)]),
            None => catalogue::fill(words::CHECK_STATIC, &[("expect", labels::linkage_phrase(self.fix.expect))]),
        }
    }

    /// Shell lines that fail unless the file at `path` is what the fix
    /// promises: no interpreter and no needed library for a static build,
    /// no glibc symbol version above the floor for one that stays dynamic.
    fn checks(&self, path: &str) -> Vec<String> {
        let mut lines = vec![format!("go version -m {path}")];
        match (self.fix.expect, self.floor) {
            (Linkage::Dynamic, Some(floor)) => lines.push(format!(
                "printf '%s\\n' \"$(readelf -V {path} | grep -o 'GLIBC_2\\.[0-9.]*' | sort -uV | tail -n 1)\" GLIBC_{floor} | sort -V -C"
            )),
            _ => lines.push(format!("! readelf -l -d {path} | grep -Eq 'program interpreter|\\(NEEDED\\)'")),
        }
        lines
    }

    /// The linklens action's input that checks what the fix promises:
    /// `require-static`, or `targets` with the oldest target the glibc
    /// floor reaches (none: a floor no target has is checked by `readelf`).
    fn action_check(&self) -> Option<(&'static str, &str)> {
        match (self.fix.expect, self.floor_target) {
            (_, Some(target)) => Some(("targets", target)),
            (Linkage::Dynamic, None) => None,
            _ => Some(("require-static", "true")),
        }
    }

    /// linklens' own check of the file at `path`.
    fn linklens_check(&self, path: &str) -> String {
        match self.floor_target {
            Some(target) => format!("linklens --target {target} {path}"),
            None => format!("linklens --require-static {path}"),
        }
    }
}

/// Lines as `# ` comments.
fn comments(lines: &[String], prefix: &str) -> String {
    lines.iter().map(|l| format!("{prefix}{l}\n")).collect()
}


#[cfg(test)]
mod tests;
