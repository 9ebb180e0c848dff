//! The analysis crate's fixture helpers, and each fixture's facts explained.
#![allow(dead_code)]

#[path = "../../../linklens/tests/common/mod.rs"]
pub mod common;

pub use common::*;

/// A fixture's facts, explained: what the CLI and the page show.
pub trait Explained {
    /// Analyse and explain.
    fn report(&self) -> linklens_explain::Report;
}

impl Explained for Fixture {
    fn report(&self) -> linklens_explain::Report {
        linklens_explain::Report::new(self.facts())
    }
}
