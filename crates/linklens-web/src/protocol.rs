//! Messages between the page and the analysis worker: [`ToWorker`] one
//! way (a plain object: a `File` cannot go through serde), [`FromWorker`]
//! the other, converted with serde-wasm-bindgen.
//!
//! Externally tagged (`{"done": {…}}`), not `#[serde(tag = …)]`: an
//! internally tagged enum is buffered whole before it is read, which put a
//! second copy of the `Report` reader into the page's wasm.

use linklens_explain::render::recipe::{recipes, Recipe};
use linklens_explain::Report;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

linklens::vocabulary! {
    /// Why the page shows no result for a file: the analysis's own error,
    /// or what went wrong around it.
    pub enum FailureId {
        /// The file is empty.
        Empty = "empty",
        /// Not an executable or library.
        NotObject = "not-object",
        /// A known format, cut short.
        Truncated = "truncated",
        /// A known format in a variant not read.
        Unsupported = "unsupported",
        /// A known format whose headers contradict themselves.
        Malformed = "malformed",
        /// The file could not be read (or was not a file).
        Io = "io",
        /// The worker could not be started.
        Worker = "worker",
        /// The worker stopped while it held the file.
        Crash = "crash",
        /// The user cancelled.
        Cancelled = "cancelled",
        /// A sample could not be fetched.
        Sample = "sample",
    }
}

linklens::vocabulary! {
    /// Who decoded an archive's outer compression.
    pub enum DecodedBy {
        /// The worker's wasm (every format; the CLI's walk).
        Wasm = "wasm",
        /// The browser's own gzip decoder, the tar then walked in place.
        Browser = "browser",
    }
}

impl From<&linklens::Error> for FailureId {
    fn from(e: &linklens::Error) -> FailureId {
        match e {
            linklens::Error::Empty => FailureId::Empty,
            linklens::Error::NotObject { .. } => FailureId::NotObject,
            linklens::Error::Truncated { .. } => FailureId::Truncated,
            linklens::Error::Unsupported { .. } => FailureId::Unsupported,
            linklens::Error::Malformed { .. } => FailureId::Malformed,
        }
    }
}

/// What the page asks of the worker. The message is a plain object (a
/// `Blob` cannot go through serde) whose keys are written and read here
/// only.
#[derive(Debug, Clone)]
pub enum ToWorker {
    /// Analyse a file; the answer is `Done`, `ArchiveDone` or `Failed`.
    Analyse { id: u32, file: web_sys::Blob },
    /// A share link for a file already analysed (its report as JSON); the
    /// answer is `Linked` or `HashFailed`.
    Share { id: u32, file: web_sys::Blob, report: String, name: String },
    /// Open a share link's fragment; the answer is `Opened`.
    Open { fragment: String },
}

const OP: &str = "op";
const ID: &str = "id";
const FILE: &str = "file";
const REPORT: &str = "report";
const NAME: &str = "name";
const FRAGMENT: &str = "fragment";

impl ToWorker {
    /// The message as the worker receives it.
    pub fn to_js(&self) -> JsValue {
        let msg = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&msg, &k.into(), v);
        };
        let op = match self {
            ToWorker::Analyse { id, file } => {
                set(ID, &JsValue::from(*id));
                set(FILE, file);
                "analyse"
            }
            ToWorker::Share { id, file, report, name } => {
                set(ID, &JsValue::from(*id));
                set(FILE, file);
                set(REPORT, &report.into());
                set(NAME, &name.into());
                "share"
            }
            ToWorker::Open { fragment } => {
                set(FRAGMENT, &fragment.into());
                "open"
            }
        };
        set(OP, &op.into());
        msg.into()
    }

    /// The message the page sent, or `None` for anything else.
    pub fn from_js(data: &JsValue) -> Option<ToWorker> {
        let get = |k: &str| js_sys::Reflect::get(data, &k.into()).ok();
        let text = |k: &str| get(k).and_then(|v| v.as_string());
        let id = || get(ID).and_then(|v| v.as_f64()).filter(|v| v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(v)).map(|v| v as u32);
        let file = || get(FILE).and_then(|f| f.dyn_into::<web_sys::Blob>().ok());
        match text(OP)?.as_str() {
            "analyse" => Some(ToWorker::Analyse { id: id()?, file: file()? }),
            "share" => Some(ToWorker::Share { id: id()?, file: file()?, report: text(REPORT)?, name: text(NAME)? }),
            "open" => Some(ToWorker::Open { fragment: text(FRAGMENT)? }),
            _ => None,
        }
    }

    /// The id of the file the message is about, if any.
    pub fn id(data: &JsValue) -> u32 {
        js_sys::Reflect::get(data, &ID.into()).ok().and_then(|v| v.as_f64()).map_or(0, |v| v as u32)
    }
}

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
        decoded_by: DecodedBy,
    },
    Failed { id: u32, code: FailureId, message: String },
    /// A share link's fragment (`#/r/…`) and the file's SHA-256 in it
    /// (asked for with `ToWorker::Share`: the worker hashes the file and
    /// encodes the report, so the page carries no encoder).
    Linked { id: u32, sha256: String, fragment: String },
    /// A share link opened (asked for with `ToWorker::Open`): the report and
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
