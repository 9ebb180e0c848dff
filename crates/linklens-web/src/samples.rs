//! "Try an example": small real binaries built from the fixture programs,
//! served beside the page as `samples/<slug>.gz` (copied from fixtures/bin
//! at build time by web/samples.sh) and fetched only when chosen.

use linklens_explain::catalogue::TopicId;
use linklens::CauseId;

pub struct Sample {
    pub slug: &'static str,
    /// The cause it shows (`None`: the static one).
    pub cause: Option<CauseId>,
    /// The fixture it is (its manifest entry says what it must show).
    pub fixture: &'static str,
}

impl Sample {
    /// Its name in the menu, from the catalogue.
    pub fn title(&self) -> &'static str {
        linklens_explain::catalogue::page::sample_title(self.slug)
    }
}

/// One per cause, plus a static one: about 9.8 MB compressed in all
/// (the Go 1.19 builds are the smallest real ones), each fetched only when
/// chosen.
pub const SAMPLES: &[Sample] = &[
    Sample { slug: "static", cause: None, fixture: "hello-default-go1.19" },
    Sample { slug: "lookuphost", cause: Some(CauseId::Dns), fixture: "lookuphost-file-go1.19" },
    Sample { slug: "userlookup", cause: Some(CauseId::OsUser), fixture: "userlookup-default-go1.19" },
    Sample { slug: "cstdio", cause: Some(CauseId::CgoOwn), fixture: "cstdio-default-go1.19" },
    Sample { slug: "sqlite", cause: Some(CauseId::CgoDep), fixture: "sqlite-default-go1.26" },
    Sample { slug: "pie", cause: Some(CauseId::PieInterp), fixture: "hello-pie-go1.26" },
    Sample { slug: "plugin", cause: Some(CauseId::Plugin), fixture: "pluginhost-default-go1.26" },
    Sample { slug: "purego", cause: Some(CauseId::Purego), fixture: "puregoputs-cgo0-go1.26" },
    Sample { slug: "asan", cause: Some(CauseId::Sanitizer), fixture: "hello-asan-go1.26" },
    Sample { slug: "c", cause: Some(CauseId::NonGo), fixture: "c-dynamic" },
    Sample { slug: "race", cause: Some(CauseId::Race), fixture: "hello-race-go1.19" },
    Sample { slug: "gccgo", cause: Some(CauseId::Gccgo), fixture: "hello-gccgo-go1.26" },
    Sample { slug: "external-link", cause: Some(CauseId::ExternalLink), fixture: "hello-extlink-go1.19" },
];

pub fn find(slug: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.slug == slug)
}

/// The sample that shows a topic, if one does.
pub fn for_topic(id: TopicId) -> Option<&'static Sample> {
    match id {
        TopicId::Cause(c) => SAMPLES.iter().find(|s| s.cause == Some(c)),
        TopicId::Warning(_) => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_cause_has_its_sample() {
        for &c in linklens::CauseId::ALL {
            let s = super::for_topic(linklens_explain::catalogue::TopicId::Cause(c));
            assert!(s.is_some_and(|s| s.cause == Some(c)), "{c}");
        }
        for s in super::SAMPLES {
            assert!(!s.title().is_empty(), "{}: no title in the catalogue", s.slug);
        }
    }
}
