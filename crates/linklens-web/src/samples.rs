//! "Try an example": small real binaries built from the fixture programs,
//! served beside the page as `samples/<slug>.gz` (copied from fixtures/bin
//! at build time by web/samples.sh) and fetched only when chosen.

pub struct Sample {
    pub slug: &'static str,
    /// The fixture it is (its manifest entry says what it must show).
    pub fixture: &'static str,
    pub title: &'static str,
}

/// One per cause, plus a static one: about 6.6 MB compressed in all
/// (the Go 1.19 builds are the smallest real ones).
pub const SAMPLES: &[Sample] = &[
    Sample { slug: "static", fixture: "hello-default-go1.19", title: "hello world: static" },
    Sample { slug: "lookuphost", fixture: "lookuphost-file-go1.19", title: "net.LookupHost: the cgo DNS resolver" },
    Sample { slug: "userlookup", fixture: "userlookup-default-go1.19", title: "user.Lookup: os/user's cgo lookups" },
    Sample { slug: "cstdio", fixture: "cstdio-default-go1.19", title: "the program's own C code" },
    Sample { slug: "sqlite", fixture: "sqlite-default-go1.26", title: "a cgo dependency: go-sqlite3" },
    Sample { slug: "pie", fixture: "hello-pie-go1.26", title: "-buildmode=pie without cgo" },
    Sample { slug: "plugin", fixture: "pluginhost-default-go1.26", title: "the plugin package" },
    Sample { slug: "c", fixture: "c-dynamic", title: "a C program (not Go)" },
];

pub fn find(slug: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|s| s.slug == slug)
}
