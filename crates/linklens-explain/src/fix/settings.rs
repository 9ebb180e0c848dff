//! Every build setting Go records, and what the fixes do with it. The
//! list is closed: `cmd/go` writes a fixed set of keys (the checked-in
//! `fixtures/go-build-settings.json` lists them per release, with where
//! each came from), and a test fails on a key with no row here. Nothing is
//! handled by omission: a setting is printed as recorded, changed by a fix
//! that says how, dropped with a note, or follows from the source itself.

use linklens::NoteId;

/// What every fix does with one recorded setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handling {
    /// Printed as recorded, by every fix.
    Kept,
    /// Not a flag: it follows from the source, its `go.mod` or the
    /// checkout, so rebuilding the same source gives it again.
    Derived,
    /// Set by the fix that needs it (each fix's notes say how); kept as
    /// recorded by the others.
    Changed,
    /// Kept while the fix keeps cgo on; dropped with this note by a fix
    /// that turns cgo off or links statically.
    NeedsCgo(NoteId),
    /// Recorded only in WebAssembly modules (`GOARCH=wasm`): they link
    /// nothing at run time, `go version -m` cannot read them either, and
    /// linklens declines them by name, so no fix ever meets the key.
    WasmOnly,
}

/// A recorded key and what the fixes do with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The key as `go version -m` prints it.
    pub key: &'static str,
    /// What the fixes do with it.
    pub handling: Handling,
}

const fn row(key: &'static str, handling: Handling) -> Row {
    Row { key, handling }
}

use Handling::{Changed, Derived, Kept, NeedsCgo, WasmOnly};

/// Every key of Go 1.19 to 1.27, sorted as Go sorts them.
pub const SETTINGS: &[Row] = &[
    row("-asan", NeedsCgo(NoteId::SanitizerDropped)),
    row("-asmflags", Kept),
    // drop-pie removes it, static-pie sets pie; Go's PIE link is noted.
    row("-buildmode", Changed),
    // gccgo → gc (gc-instead-of-gccgo).
    row("-compiler", Changed),
    row("-cover", Kept),
    // gccgo only: the gccgo-static fix adds -static.
    row("-gccgoflags", Changed),
    row("-gcflags", Kept),
    // Every word kept but -linkmode and -extldflags, which a static link sets.
    row("-ldflags", Changed),
    row("-msan", NeedsCgo(NoteId::SanitizerDropped)),
    row("-pgo", Kept),
    row("-race", NeedsCgo(NoteId::RaceDropped)),
    // Kept; netgo/osusergo added by pure-go-tags; libsqlite3 dropped by a
    // musl link (bundled-sqlite).
    row("-tags", Changed),
    row("-trimpath", Kept),
    row("CGO_CFLAGS", NeedsCgo(NoteId::CgoFlagsDropped)),
    row("CGO_CPPFLAGS", NeedsCgo(NoteId::CgoFlagsDropped)),
    row("CGO_CXXFLAGS", NeedsCgo(NoteId::CgoFlagsDropped)),
    row("CGO_ENABLED", Changed),
    row("CGO_LDFLAGS", NeedsCgo(NoteId::CgoFlagsDropped)),
    // From go.mod's go line and //go:debug lines.
    row("DefaultGODEBUG", Derived),
    row("GO386", Kept),
    row("GOAMD64", Kept),
    row("GOARCH", Kept),
    row("GOARM", Kept),
    row("GOARM64", Kept),
    // boringcrypto needs cgo: a fix that turns it off says so.
    row("GOEXPERIMENT", Kept),
    row("GOFIPS140", Kept),
    row("GOMIPS", Kept),
    row("GOMIPS64", Kept),
    row("GOOS", Kept),
    row("GOPPC64", Kept),
    row("GORISCV64", Kept),
    row("GOWASM", WasmOnly),
    // From the checkout the build ran in.
    row("vcs", Derived),
    row("vcs.modified", Derived),
    row("vcs.revision", Derived),
    row("vcs.time", Derived),
];

/// The row of `key`, if Go writes it.
pub fn handling(key: &str) -> Option<Handling> {
    SETTINGS.iter().find(|r| r.key == key).map(|r| r.handling)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_go_writes_has_a_row() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/go-build-settings.json");
        let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).expect("the key list")).expect("JSON");
        let releases = data["keys"].as_object().expect("keys per release");
        assert!(releases.len() >= 3, "{releases:?}");
        for (release, keys) in releases {
            let keys = keys.as_array().expect("a list");
            assert!(keys.len() > 20, "{release}: {keys:?}");
            for key in keys {
                let key = key.as_str().expect("a key");
                assert!(handling(key).is_some(), "{release} writes {key}: no row in SETTINGS");
            }
        }
        // Sorted and without repeats, so a diff against Go's list reads.
        assert!(SETTINGS.windows(2).all(|w| w[0].key < w[1].key));
    }
}
