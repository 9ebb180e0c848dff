//! The words of the pipeline recipes: each kind's name, the file it goes
//! in, and the comments a recipe carries. The recipes themselves are
//! rendered in `render::recipe` from the fix's build model.

use linklens::vocab::RecipeKind;

/// What a person reads about one kind of recipe.
#[derive(Debug)]
pub struct RecipeWords {
    /// Its id.
    pub kind: RecipeKind,
    /// The tab's label.
    pub label: &'static str,
    /// Where it goes in a repository.
    pub file: &'static str,
    /// How to use it, in one sentence.
    pub how: &'static str,
}

static RECIPES: [RecipeWords; RecipeKind::ALL.len()] = [
    RecipeWords { kind: RecipeKind::Shell, label: "Shell", file: "", how: "Run it where the module's go.mod is, then check the result." },
    RecipeWords {
        kind: RecipeKind::Dockerfile,
        label: "Dockerfile",
        file: "Dockerfile",
        how: "A multi-stage build: the build stage fails unless the binary comes out as promised; the image holds the binary alone.",
    },
    RecipeWords {
        kind: RecipeKind::Goreleaser,
        label: "GoReleaser",
        file: ".goreleaser.yaml",
        how: "The builds: entry, with this binary's flags, tags and target; its post hooks check each build.",
    },
    RecipeWords {
        kind: RecipeKind::GithubActions,
        label: "GitHub Actions",
        file: ".github/workflows/static.yml",
        how: "A workflow that builds, checks and uploads the binary; copy its build and verify steps into yours.",
    },
    RecipeWords {
        kind: RecipeKind::Makefile,
        label: "Makefile",
        file: "Makefile",
        how: "make builds it; make verify checks it.",
    },
];

/// The words for a recipe kind.
pub fn recipe(kind: RecipeKind) -> &'static RecipeWords {
    &RECIPES[kind as usize]
}

/// The first comment line of every recipe. `{title}`: the fix's title.
pub const HEADER: &str = "linklens: {title}";
/// Where the settings came from. `{output}`: the binary; `{go}`: its Go release.
pub const FROM_BINARY: &str = "The flags, tags and target are the ones {output} was built with ({go}).";
/// Said when the binary did not record its Go release.
pub const GO_UNKNOWN: &str = "an unknown Go release";
/// Above the check of a static build. `{expect}`: the linkage phrase.
pub const CHECK_STATIC: &str = "Fails unless the binary is {expect}: no interpreter, no needed libraries.";
/// Above the check of a build that stays dynamic. `{floor}`: the glibc it may need at most.
pub const CHECK_FLOOR: &str = "Fails if the binary needs a glibc newer than {floor}.";
/// The scratch image of a program that speaks TLS. `{function}`: the evidence.
pub const CA_CERTIFICATES: &str = "The program speaks TLS ({function}): scratch has no CA certificates, so the build stage's are copied.";
/// The program verifies certificates against the system's roots.
pub const CA_ROOTS_COPIED: &str = "The program verifies certificates against the system's roots ({function}): scratch has none, so the build stage's CA bundle is copied.";
/// The program loads time zones by name and scratch has no zoneinfo.
pub const ZONEINFO_COPIED: &str = "The program loads time zones by name ({function}): scratch has no zoneinfo, so the build stage's is copied.";
/// The program looks accounts up and scratch has no /etc/passwd.
pub const ACCOUNTS_WRITTEN: &str = "The program looks accounts up ({function}): scratch has no /etc/passwd or /etc/group, so the build stage writes both, with root and the nonroot user it runs as.";
/// The Alpine build stage standing in for musl-gcc.
pub const ALPINE_MUSL: &str = "Alpine's gcc links against musl: the same static link as musl-gcc, no CC to set.";
/// A Dockerfile for a binary that is not for Linux.
pub const NOT_LINUX: &str = "A {goos} binary: no Linux image runs it, so there is no Dockerfile recipe.";
/// A fix that is not a Go build (C, C++, Rust).
pub const SHELL_ONLY: &str = "This fix is not a Go build: only the shell command is given.";
/// A build setting that a recipe file cannot carry exactly.
pub const UNSAFE_SETTING: &str = "A build setting holds a line break or a template marker that this file would change: use the shell command.";
/// GoReleaser and Actions for a build inside an older image.
pub const INSIDE_IMAGE: &str = "Run this build inside {image}: its gcc and glibc set the floor.";
/// The driver swap's first step.
pub const SWAP_IMPORT: &str = "First replace the import of github.com/mattn/go-sqlite3 with modernc.org/sqlite (driver name \"sqlite\").";
/// A GitHub Actions step's name: the build.
pub const STEP_BUILD: &str = "Build {output}";
/// A GitHub Actions step's name: the check.
pub const STEP_VERIFY: &str = "Verify {output}";
/// A GitHub Actions step's name: installing musl-gcc.
pub const STEP_MUSL: &str = "Install musl-gcc";
/// The workflow's name.
pub const WORKFLOW: &str = "static build";
