//! The [`Explanation`]: what a binary's [`Facts`] mean, in the catalogue's
//! words — the summary and headline, each cause's title and each warning's
//! message, the rebuild commands, a verdict per target. All of it follows
//! from the facts alone ([`explain`](crate::explain)), so a report that
//! travels (a share link, a JSON file) carries the facts and is explained
//! again where it lands.

use serde::{Deserialize, Serialize};

use linklens::{
    Facts, FixId, Linkage, NeedId, NoteId, ReasonId, RemedyId, TargetId, Verdict, SCHEMA_VERSION,
};

pub use crate::fix::command::GoBuild;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// A file's facts and their explanation: what `--json` prints and the page
/// shows.
pub struct Report {
    /// [`SCHEMA_VERSION`] of this shape.
    pub schema: u32,
    /// What was read and decided.
    pub facts: Facts,
    /// What it means, from the facts alone.
    pub explanation: Explanation,
}

impl Report {
    /// Explain `facts`.
    pub fn new(facts: Facts) -> Report {
        let explanation = crate::explain(&facts);
        Report {
            schema: SCHEMA_VERSION,
            facts,
            explanation,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// What the facts of one file mean. A cause's title is its id's, the same
/// for every file (`catalogue::cause`), so it is not repeated here.
pub struct Explanation {
    /// A one-line description in the spirit of `file`.
    pub summary: String,
    /// One sentence: why the verdict is what it is.
    pub headline: String,
    /// Each warning's message, filled with its values, in the facts' order
    /// (`warnings[i]` words `facts.warnings[i]`).
    pub warnings: Vec<String>,
    /// Rebuild recipes, recommended first. Empty when nothing needs fixing.
    pub fixes: Vec<Fix>,
    /// One verdict per target, in the table's order; empty when the file is
    /// not for Linux (see `targets_note`).
    pub targets: Vec<TargetResult>,
    /// Why there are no targets, when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets_note: Option<String>,
    /// For a Linux program that looks host names up: which of the
    /// resolver's files a container runtime provides, and what a lookup
    /// prints without them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolver: Option<String>,
}

/// A remark on how a rebuild command was derived from this binary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Which remark.
    pub id: NoteId,
    /// The catalogue's sentence, filled in.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A rebuild recipe.
pub struct Fix {
    /// Stable id; its catalogue entry has the words.
    pub id: FixId,
    /// The catalogue's title.
    pub title: String,
    /// The exact shell command.
    pub command: String,
    /// What `file` will say of the rebuilt file: the linkage the command
    /// gives (proven for the fixtures by `cargo xtask fixtures`).
    pub expect: Linkage,
    /// For a fix that stays dynamic: the glibc it links for (`2.17`), the
    /// floor `readelf -V` will show.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glibc_floor: Option<String>,
    /// How the command was derived from this binary.
    pub notes: Vec<Note>,
    /// The catalogue's trade-offs that apply to this binary's causes.
    pub caveats: Vec<String>,
    /// How to check the result.
    pub verify: Vec<String>,
    /// For a Go rebuild, the build as data: the shell command and every
    /// pipeline recipe are rendered from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub build: Option<GoBuild>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// The verdict for one target.
pub struct TargetResult {
    /// Stable id.
    pub id: TargetId,
    /// The catalogue's name (`Debian 12 (bookworm)`).
    pub name: String,
    /// Will it run?
    pub verdict: Verdict,
    /// The deciding fact, by id.
    pub reason_id: ReasonId,
    /// The deciding fact, in the catalogue's words, filled in.
    pub reason: String,
    /// What the user sees there when it does not run.
    pub error: Option<String>,
    /// The fix in `fixes` that makes it run, when one does.
    pub fix: Option<FixId>,
    /// The run-time files it reads that the image lacks (`starts-but`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lacks: Vec<NeedId>,
    /// What makes it start, or work, in the image as it is, without a
    /// rebuild: a package to install, a file to copy in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedies: Vec<Remedy>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A change to the image (or one build flag) that makes a binary start or
/// work there as it is.
pub struct Remedy {
    /// Stable id.
    pub id: RemedyId,
    /// The Dockerfile line or command, filled in.
    pub command: String,
    /// What to know about it.
    pub caveat: String,
}
