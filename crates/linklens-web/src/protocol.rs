//! Messages between the page and the analysis worker. The page sends
//! `{id, file}` (a `File` cannot go through serde); everything coming back
//! is one of these, converted with serde-wasm-bindgen.
//!
//! Externally tagged (`{"done": {…}}`), not `#[serde(tag = …)]`: an
//! internally tagged enum is buffered whole before it is read, which put a
//! second copy of the `Report` reader into the page's wasm.

use linklens::render::recipe::{recipes, Recipe};
use linklens::Report;
use serde::{Deserialize, Serialize};

/// Each fix's recipes, in the report's fix order (`[i]` belongs to
/// `fixes[i]`), the shell command first. The worker renders them with the
/// report: the recipe printer stays out of the page's first load.
pub type FixRecipes = Vec<Vec<Recipe>>;

/// The recipes of every fix of `report` (run in the worker).
pub fn fix_recipes(report: &Report) -> FixRecipes {
    report.fixes.iter().map(|f| recipes(report, f)).collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FromWorker {
    /// The worker's wasm is loaded; messages sent before this are lost.
    Ready,
    /// Bytes read so far (the worker reads only what the analysis needs).
    Progress { id: u32, read: f64, size: f64 },
    /// Walking an archive: bytes read or decompressed, files and binaries found so far.
    Scanning { id: u32, read: f64, size: f64, files: f64, elf: f64 },
    Done {
        id: u32,
        report: Box<Report>,
        recipes: FixRecipes,
        /// Bytes the analysis read, of the file's size.
        read: f64,
        millis: f64,
        /// The worker's wasm memory after the analysis (it only grows, so
        /// this is its peak).
        wasm_memory: f64,
    },
    /// An archive or image: a result per binary inside.
    ArchiveDone {
        id: u32,
        archive: Box<linklens::archive::ArchiveReport>,
        /// Per member, in the archive's member order (empty without a report).
        recipes: Vec<FixRecipes>,
        millis: f64,
        wasm_memory: f64,
    },
    Failed { id: u32, code: String, message: String },
    /// A share link's fragment (`#/r/…`) and the file's SHA-256 in it
    /// (asked for with `op: "share"`: the worker hashes the file and
    /// encodes the report, so the page carries no encoder).
    Linked { id: u32, sha256: String, fragment: String },
    /// A share link opened (asked for with `op: "open"`): the report and
    /// its recipes, or why not.
    Opened {
        fragment: String,
        shared: Option<Box<linklens::share::Shared>>,
        recipes: FixRecipes,
        error: Option<linklens::share::ShareError>,
    },
    /// The file could not be read to the end for its SHA-256.
    HashFailed { id: u32, message: String },
}
