//! The analysis crate's fixture helpers, and each fixture's facts explained.
#![allow(dead_code)]

#[path = "../../../linklens/tests/common/mod.rs"]
pub mod common;

pub use common::*;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use linklens_explain::proof::Proof;

/// A fixture's facts, explained: what the CLI and the page show; and the
/// proofs `cargo xtask fixtures` recorded for its commands.
pub trait Explained {
    /// Analyse and explain.
    fn report(&self) -> linklens_explain::Report;
    /// Every command printed for it, as run (the manifest's `proofs`).
    fn proofs(&self) -> &'static [Proof];
}

impl Explained for Fixture {
    fn report(&self) -> linklens_explain::Report {
        linklens_explain::Report::new(self.facts())
    }

    fn proofs(&self) -> &'static [Proof] {
        static ALL: OnceLock<BTreeMap<String, Vec<Proof>>> = OnceLock::new();
        let all = ALL.get_or_init(|| {
            #[derive(serde::Deserialize)]
            struct Entry {
                name: String,
                #[serde(default)]
                proofs: Vec<Proof>,
            }
            #[derive(serde::Deserialize)]
            struct Manifest {
                fixtures: Vec<Entry>,
            }
            let text = std::fs::read_to_string(root().join("manifest.json")).expect("fixtures/manifest.json");
            let m: Manifest = serde_json::from_str(&text).expect("the manifest's proofs");
            m.fixtures.into_iter().map(|e| (e.name, e.proofs)).collect()
        });
        all.get(&self.name).map_or(&[], Vec::as_slice)
    }
}
