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
    pub title: &'static str,
}

/// One per cause, plus a static one: about 7.9 MB compressed in all
/// (the Go 1.19 builds are the smallest real ones).
pub const SAMPLES: &[Sample] = &[
    Sample { slug: "static", cause: None, fixture: "hello-default-go1.19", title: "hello world: static" },
    Sample { slug: "lookuphost", cause: Some(CauseId::Dns), fixture: "lookuphost-file-go1.19", title: "net.LookupHost: the cgo DNS resolver" },
    Sample { slug: "userlookup", cause: Some(CauseId::OsUser), fixture: "userlookup-default-go1.19", title: "user.Lookup: os/user's cgo lookups" },
    Sample { slug: "cstdio", cause: Some(CauseId::CgoOwn), fixture: "cstdio-default-go1.19", title: "the program's own C code" },
    Sample { slug: "sqlite", cause: Some(CauseId::CgoDep), fixture: "sqlite-default-go1.26", title: "a cgo dependency: go-sqlite3" },
    Sample { slug: "pie", cause: Some(CauseId::PieInterp), fixture: "hello-pie-go1.26", title: "-buildmode=pie without cgo" },
    Sample { slug: "plugin", cause: Some(CauseId::Plugin), fixture: "pluginhost-default-go1.26", title: "the plugin package" },
    Sample { slug: "c", cause: Some(CauseId::NonGo), fixture: "c-dynamic", title: "a C program (not Go)" },
    Sample { slug: "race", cause: Some(CauseId::Race), fixture: "hello-race-go1.19", title: "a -race build" },
    Sample { slug: "gccgo", cause: Some(CauseId::Gccgo), fixture: "hello-gccgo-go1.26", title: "built by gccgo" },
    Sample { slug: "external-link", cause: Some(CauseId::ExternalLink), fixture: "hello-extlink-go1.19", title: "-linkmode=external without cgo" },
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
    }
}
