//! The linklens web app. The page (`main.rs`, Yew components) never parses
//! binaries: it hands each dropped `File` to a Web Worker (`bin/worker.rs`),
//! which reads it lazily in slices and sends back its `Report` (the facts
//! and their explanation) with what the page shows of it rendered.
//!
//! The modules here that do not touch the browser (`protocol`, `compare`,
//! `format`, `route`, `samples`, `state`, `docs`) are plain Rust and tested
//! natively.

pub mod compare;
pub mod docs;
pub mod format;
pub mod protocol;
pub mod route;
pub mod samples;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod blob_reader;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod held;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod native_gzip;
#[cfg(target_arch = "wasm32")]
pub mod worker;
#[cfg(target_arch = "wasm32")]
pub mod worker_bridge;
