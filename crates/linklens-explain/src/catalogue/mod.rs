//! The catalogue: every sentence a person reads about a binary. For each
//! cause and warning, what it means, how to see it with the usual tools,
//! which fixes apply and where to read more; for each fix, what it does,
//! what it costs and how to check the result; the notes a rebuild command
//! can carry; and the sentences of the headline. It is data, in one place,
//! so the CLI, the result view, the export and the documentation pages say
//! the same thing. Commands tailored to a binary are built in `fix`; the
//! words here never depend on a binary except through `{placeholders}`
//! filled by [`fill`].

mod archive;
pub mod errors;
pub mod evidence;
mod fixes;
pub mod page;
pub mod recipes;
pub mod sentences;
pub mod share;
mod targets;
mod topics;

use serde::Serialize;

pub use archive::{archive_error, format_name, reader_name, ImageReasonWords, SAID_BY, SAID_WORDS, THE_ARCHIVE};
pub use linklens::vocab::{CauseId, FixId, NoteId, ReasonId, TargetId, WarningId};
pub use recipes::{recipe, RecipeWords};
pub use share::{omitted, share_error};
pub use targets::{
    accounts_error, ALSO_LACKS,
    os_name, NeedWords, ReasonWords, RemedyWords, TargetWords, LOADER_MISSING_LIBRARY,
    LOADER_VERSION, LOADER_WEAK_VERSION,
};

/// A topic is a cause or a warning; both have a page (`#/cause/<id>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum TopicId {
    /// A cause of dynamic linking.
    Cause(CauseId),
    /// A warning.
    Warning(WarningId),
}

impl TopicId {
    /// The id as the report and the page address spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            TopicId::Cause(c) => c.as_str(),
            TopicId::Warning(w) => w.as_str(),
        }
    }

    /// A cause or warning id from its spelling.
    pub fn parse(s: &str) -> Option<TopicId> {
        CauseId::parse(s)
            .map(TopicId::Cause)
            .or_else(|| WarningId::parse(s).map(TopicId::Warning))
    }

    /// Which of the two kinds this is.
    pub fn kind(self) -> TopicKind {
        match self {
            TopicId::Cause(_) => TopicKind::Cause,
            TopicId::Warning(_) => TopicKind::Warning,
        }
    }
}

/// Causes and warnings are listed apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TopicKind {
    /// Why a binary is dynamic.
    Cause,
    /// Worth knowing, but not a cause.
    Warning,
}

/// A way to see something yourself with a standard tool.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The command to type (`./app` stands for the binary).
    pub command: &'static str,
    /// What its output shows.
    pub shows: &'static str,
}

/// Further reading.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The page's title.
    pub title: &'static str,
    /// Where it is.
    pub url: &'static str,
}

/// One cause or warning.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Topic {
    /// Its id (`dns`, `glibc-static-nss`…).
    pub id: TopicId,
    /// A short title.
    pub title: &'static str,
    /// One line, for lists and the CLI.
    pub summary: &'static str,
    /// What happens in the build.
    pub what_happens: &'static str,
    /// Why it makes the binary dynamic (a cause) or why it matters (a warning).
    pub why_dynamic: &'static str,
    /// How to confirm it with standard tools.
    pub confirm: &'static [Check],
    /// The fixes that apply, in the order they are usually preferred; what
    /// each costs is in its [`FixEntry`].
    pub fixes: &'static [FixId],
    /// Further reading.
    pub links: &'static [Link],
    /// For a warning: the sentence a report carries, with `{placeholders}`.
    pub message: Option<&'static str>,
}

/// One fix.
#[derive(Debug, Serialize)]
pub struct FixEntry {
    /// Its id.
    pub id: FixId,
    /// A short title.
    pub title: &'static str,
    /// What the fix does, in one or two sentences.
    pub how: &'static str,
    /// What you give up or must have.
    pub tradeoffs: &'static [Tradeoff],
    /// How to check the rebuilt file; `{output}` is its name.
    pub verify: &'static [&'static str],
}

/// A cost of a fix, for every use or only for one cause.
#[derive(Debug, Serialize)]
pub struct Tradeoff {
    /// The cause this applies to; `None` for every use of the fix.
    pub when: Option<CauseId>,
    /// The sentence.
    pub text: &'static str,
}

/// The topic of a cause.
pub fn cause(id: CauseId) -> &'static Topic {
    &topics::CAUSES[id as usize]
}

/// The topic of a warning.
pub fn warning(id: WarningId) -> &'static Topic {
    &topics::WARNINGS[id as usize]
}

/// A cause's or warning's topic, by id.
pub fn topic(id: TopicId) -> &'static Topic {
    match id {
        TopicId::Cause(c) => cause(c),
        TopicId::Warning(w) => warning(w),
    }
}

/// Every topic: causes first, then warnings, each in id order.
pub fn topics() -> impl Iterator<Item = &'static Topic> {
    topics::CAUSES.iter().chain(topics::WARNINGS.iter())
}

/// The entry of a fix.
pub fn fix(id: FixId) -> &'static FixEntry {
    &fixes::FIXES[id as usize]
}

/// The words of a target.
pub fn target(id: TargetId) -> &'static TargetWords {
    &targets::TARGETS[id as usize]
}

/// The words of a file a program reads at run time.
pub fn need(id: linklens::NeedId) -> &'static NeedWords {
    &targets::NEEDS[id as usize]
}

/// The words of a remedy.
pub fn remedy(id: linklens::RemedyId) -> &'static RemedyWords {
    &targets::REMEDIES[id as usize]
}

/// The words of a deciding fact.
pub fn reason(id: ReasonId) -> &'static ReasonWords {
    &targets::REASONS[id as usize]
}

/// The words of an image's deciding fact.
pub fn image_reason(id: linklens::vocab::ImageReasonId) -> &'static ImageReasonWords {
    &archive::IMAGE_REASONS[id as usize]
}

/// Every fix, in id order.
pub fn fixes() -> &'static [FixEntry] {
    &fixes::FIXES
}

/// The sentence of a fix note, with `{placeholders}`.
pub fn note(id: NoteId) -> &'static str {
    fixes::NOTES[id as usize]
}

impl FixEntry {
    /// The trade-offs that apply when the binary has these causes.
    pub fn tradeoffs_for(&self, causes: &[CauseId]) -> Vec<String> {
        self.tradeoffs
            .iter()
            .filter(|t| t.when.is_none_or(|c| causes.contains(&c)))
            .map(|t| t.text.to_string())
            .collect()
    }
}

/// Fill `{name}` placeholders in a catalogue sentence. A placeholder with
/// no value is left as it is (the catalogue tests make sure none is).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after.split_once('}').and_then(|(name, tail)| {
            args.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v, tail))
        });
        match value {
            Some((v, tail)) => {
                out.push_str(v);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_has_its_entry_in_order() {
        for &id in CauseId::ALL {
            assert_eq!(cause(id).id, TopicId::Cause(id));
            assert!(cause(id).message.is_none(), "{id}: causes carry no message");
        }
        for &id in WarningId::ALL {
            let t = warning(id);
            assert_eq!(t.id, TopicId::Warning(id));
            assert!(
                t.message.is_some_and(|m| !m.is_empty()),
                "{id}: a warning needs its message"
            );
        }
        for &id in FixId::ALL {
            assert_eq!(fix(id).id, id);
            assert!(
                !fix(id).verify.is_empty(),
                "{id}: a fix says how to verify it"
            );
        }
        for &id in NoteId::ALL {
            assert!(!note(id).is_empty(), "{id}: empty note");
        }
        assert_eq!(topics::CAUSES.len(), CauseId::ALL.len());
        assert_eq!(topics::WARNINGS.len(), WarningId::ALL.len());
        assert_eq!(fixes::FIXES.len(), FixId::ALL.len());
        assert_eq!(fixes::NOTES.len(), NoteId::ALL.len());
        for &id in linklens::vocab::ImageReasonId::ALL {
            assert_eq!(image_reason(id).id, id);
        }
        for &id in linklens::vocab::ArchiveErrorId::ALL {
            assert!(
                archive_error(id).ends_with('.') || archive_error(id).ends_with('}'),
                "{id}: a sentence"
            );
        }
        for &f in linklens::vocab::ArchiveFormat::ALL {
            assert!(!format_name(f).is_empty());
        }
    }

    #[test]
    fn every_topic_is_complete() {
        for t in topics() {
            let id = t.id.as_str();
            for (field, text) in [
                ("title", t.title),
                ("summary", t.summary),
                ("what_happens", t.what_happens),
                ("why", t.why_dynamic),
            ] {
                assert!(!text.trim().is_empty(), "{id}: empty {field}");
            }
            assert!(
                !t.confirm.is_empty(),
                "{id}: no way to confirm it with a standard tool"
            );
            assert_eq!(TopicId::parse(id), Some(t.id));
        }
        // Every cause names at least one way out.
        for &id in CauseId::ALL {
            assert!(!cause(id).fixes.is_empty(), "{id}: no fix");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("a {x} b {y}", &[("x", "1"), ("y", "2")]), "a 1 b 2");
        assert_eq!(fill("keep {z} and {", &[]), "keep {z} and {");
    }

    #[test]
    fn ids_are_unique_across_kinds() {
        let mut ids: Vec<&str> = topics()
            .map(|t| t.id.as_str())
            .chain(FixId::ALL.iter().map(|f| f.as_str()))
            .collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids in the catalogue");
    }
}
