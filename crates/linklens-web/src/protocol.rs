//! Messages between the page and the analysis worker. The page sends
//! `{id, file}` (a `File` cannot go through serde); everything coming back
//! is one of these, converted with serde-wasm-bindgen.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FromWorker {
    /// The worker's wasm is loaded; messages sent before this are lost.
    Ready,
    /// Bytes read so far (the worker reads only what the analysis needs).
    Progress { id: u32, read: f64, size: f64 },
    /// Walking an archive: bytes read or decompressed, files and binaries found so far.
    Scanning { id: u32, read: f64, size: f64, files: f64, elf: f64 },
    Done {
        id: u32,
        report: Box<linklens::Report>,
        /// Bytes the analysis read, of the file's size.
        read: f64,
        millis: f64,
        /// The worker's wasm memory after the analysis (it only grows, so
        /// this is its peak).
        wasm_memory: f64,
    },
    /// An archive or container image: a result per binary inside.
    ArchiveDone {
        id: u32,
        archive: Box<linklens::archive::ArchiveReport>,
        millis: f64,
        wasm_memory: f64,
    },
    Failed { id: u32, code: String, message: String },
    /// The file's SHA-256, for a share link (asked for with `op: "hash"`).
    Hashed { id: u32, sha256: String },
    /// The file could not be read to the end for its SHA-256.
    HashFailed { id: u32, message: String },
}
