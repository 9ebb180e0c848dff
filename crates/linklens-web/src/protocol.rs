//! Messages between the page and the analysis worker. The page sends
//! `{id, file}` (a `File` cannot go through serde); everything coming back
//! is one of these, converted with serde-wasm-bindgen.
//!
//! Externally tagged (`{"done": {…}}`), not `#[serde(tag = …)]`: an
//! internally tagged enum is buffered whole before it is read, which put a
//! second copy of the `Report` reader into the page's wasm.

use linklens_explain::render::recipe::{recipes, Recipe};
use linklens_explain::Report;
use serde::{Deserialize, Serialize};

/// What the worker renders of a report for the page, with the core's one
/// renderer, sent with the report: the recipe printer, the Markdown
/// printer and the JSON writer stay out of the page's first load.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Rendered {
    /// Each fix's recipes in the report's fix order (`[i]` belongs to
    /// `fixes[i]`), the shell command first.
    pub recipes: Vec<Vec<Recipe>>,
    /// The report as the CLI's `--json` writes it: the JSON export, and
    /// what a share link is made from.
    pub json: String,
    /// The Markdown export (for an issue or a pull-request comment).
    pub markdown: String,
}

impl Rendered {
    /// Everything the page shows of `report`, for the file called `name`
    /// (run in the worker).
    pub fn of(name: &str, report: &Report) -> Rendered {
        Rendered {
            recipes: report.explanation.fixes.iter().map(|f| recipes(report, f)).collect(),
            json: serde_json::to_string_pretty(report).unwrap_or_default(),
            markdown: linklens_explain::render::markdown(name, report),
        }
    }
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
        rendered: Box<Rendered>,
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
        archive: Box<linklens_explain::archive::ExplainedArchive>,
        /// Per member, in the archive's member order (empty without a report).
        rendered: Vec<Rendered>,
        millis: f64,
        wasm_memory: f64,
    },
    Failed { id: u32, code: String, message: String },
    /// A share link's fragment (`#/r/…`) and the file's SHA-256 in it
    /// (asked for with `op: "share"`: the worker hashes the file and
    /// encodes the report, so the page carries no encoder).
    Linked { id: u32, sha256: String, fragment: String },
    /// A share link opened (asked for with `op: "open"`): the report and
    /// what the page shows of it, or why not.
    Opened {
        fragment: String,
        shared: Option<Box<linklens_explain::share::Shared>>,
        rendered: Option<Box<Rendered>>,
        error: Option<linklens_explain::share::ShareError>,
    },
    /// The file could not be read to the end for its SHA-256.
    HashFailed { id: u32, message: String },
}
