//! What an archive's or image's facts mean: each binary explained, each
//! image's deciding fact worded (with the error `docker run` prints and,
//! when it fails on what the program needs, the program's recommended
//! rebuild and a base it runs on), each error worded.

use serde::{Deserialize, Serialize};

use linklens::archive::{ArchiveError, ArchiveErrorId, ArchiveReport, ImageReport, ImageReasonId, ImageVerdict};
use linklens::{FixId, TargetId, Verdict, SCHEMA_VERSION};

use crate::catalogue::{self, fill};
use crate::render::labels;
use crate::{explain, Explanation, Report};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// An archive's facts and their explanation: what `--json` prints for an
/// archive or image.
pub struct ExplainedArchive {
    /// [`SCHEMA_VERSION`] of this shape.
    pub schema: u32,
    /// What was found.
    pub facts: ArchiveReport,
    /// What it means.
    pub explanation: ArchiveExplanation,
}

impl ExplainedArchive {
    /// Explain `facts`.
    pub fn new(facts: ArchiveReport) -> ExplainedArchive {
        let explanation = explain_archive(&facts);
        ExplainedArchive { schema: SCHEMA_VERSION, facts, explanation }
    }

    /// Each member's path and, when it could be analysed, its report.
    pub fn members(&self) -> impl Iterator<Item = (&str, Option<Report>)> + '_ {
        self.facts.members.iter().zip(&self.explanation.members).map(|(m, e)| {
            let report = m.facts.clone().zip(e.clone()).map(|(facts, explanation)| Report { schema: SCHEMA_VERSION, facts, explanation });
            (m.path.as_str(), report)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// The words of an archive, each list in the order of the facts' own.
pub struct ArchiveExplanation {
    /// Each member's explanation; `None` where it could not be analysed.
    pub members: Vec<Option<Explanation>>,
    /// Each member's error in words, where it has one.
    pub member_errors: Vec<Option<String>>,
    /// Each image's words.
    pub images: Vec<ImageWords>,
    /// Each error's sentence.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// An image's deciding fact in words, and what to do when it fails.
pub struct ImageWords {
    /// The deciding fact.
    pub reason: String,
    /// What `docker run` prints when it fails.
    pub error: Option<String>,
    /// The program's recommended rebuild, when it fails on what it needs.
    pub fix: Option<FixId>,
    /// A base image the program runs on as it is, then.
    pub base: Option<TargetId>,
}

/// Explain every member, image and error of `r`.
pub fn explain_archive(r: &ArchiveReport) -> ArchiveExplanation {
    let members: Vec<Option<Explanation>> = r.members.iter().map(|m| m.facts.as_ref().map(explain)).collect();
    let images = r.images.iter().map(|i| image_words(r, &members, i)).collect();
    let member_errors = r.members.iter().map(|m| m.error.as_ref().map(error_message)).collect();
    ArchiveExplanation { members, member_errors, images, errors: r.errors.iter().map(error_message).collect() }
}

fn image_words(r: &ArchiveReport, members: &[Option<Explanation>], i: &ImageReport) -> ImageWords {
    let words = catalogue::image_reason(i.reason_id);
    let mut args: Vec<(&str, &str)> = i.values.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    if i.reason_id == ImageReasonId::AllFound && i.values.iter().all(|(k, v)| k != "libraries" || v.is_empty()) {
        args.retain(|(k, _)| *k != "libraries");
        args.push(("libraries", labels::NONE));
    }
    let program = i.program.as_deref().map(|p| p.trim_start_matches('/'));
    let member = program.and_then(|p| r.members.iter().position(|m| m.path == p));
    let analysis = member.and_then(|at| r.members.get(at)?.error.as_ref()?.analysis.as_ref()).map(crate::error::message);
    if i.reason_id == ImageReasonId::NotElf && !i.values.iter().any(|(k, _)| k == "detail") {
        args.push(("detail", analysis.as_deref().unwrap_or(catalogue::sentences::NOT_AN_ELF_FILE)));
    }
    // It fails on what the program needs: the program's own rebuild, and
    // a base it starts on as it is.
    let needs = matches!(i.reason_id, ImageReasonId::NoLoader | ImageReasonId::MissingLibrary | ImageReasonId::GlibcTooOld);
    let explained = member.and_then(|at| members.get(at)?.as_ref());
    let (fix, base) = match (needs && i.verdict == ImageVerdict::Fails, explained) {
        (true, Some(e)) => (e.fixes.first().map(|f| f.id), e.targets.iter().find(|t| t.verdict == Verdict::Runs).map(|t| t.id)),
        _ => (None, None),
    };
    let mut error = words.error.map(|e| fill(e, &args));
    if i.reason_id == ImageReasonId::NoAccounts {
        // Go's reader or libc's, as the program links os/user.
        let facts = member.and_then(|at| r.members.get(at)?.facts.as_ref());
        let via_libc = facts.is_some_and(|f| f.causes.iter().any(|c| c.id == linklens::CauseId::OsUser));
        let function = i.values.iter().find(|(k, _)| k == "function").map_or("", |(_, v)| v.as_str());
        error = catalogue::accounts_error(function, via_libc).map(str::to_string);
    }
    ImageWords { reason: fill(words.reason, &args), error, fix, base }
}

/// An archive error's sentence: its id's words with the path, the limit
/// (in bytes as people write them, where it is bytes), the detail, and who
/// refused the bytes in what words.
pub fn error_message(e: &ArchiveError) -> String {
    let shown = e.path.as_deref().filter(|p| !p.is_empty()).unwrap_or(catalogue::THE_ARCHIVE);
    let limit = match (e.id, e.limit) {
        (ArchiveErrorId::TooBig | ArchiveErrorId::MemberTooBig | ArchiveErrorId::ImageJsonTooBig, Some(n)) => labels::size(n),
        (_, Some(n)) => n.to_string(),
        (_, None) => String::new(),
    };
    let analysis = e.analysis.as_ref().map(crate::error::message);
    let detail = analysis.as_deref().or(e.detail.as_deref()).unwrap_or_default();
    let said = match (e.said_by, e.detail.as_deref()) {
        (Some(by), Some(words)) => fill(catalogue::SAID_WORDS, &[("reader", catalogue::reader_name(by)), ("words", words)]),
        (Some(by), None) => fill(catalogue::SAID_BY, &[("reader", catalogue::reader_name(by))]),
        (None, _) => String::new(),
    };
    fill(catalogue::archive_error(e.id), &[("path", shown), ("limit", &limit), ("detail", detail), ("said", &said)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use linklens::archive::Reader;

    #[test]
    fn every_error_sentence_is_filled() {
        for &id in ArchiveErrorId::ALL {
            for said_by in [None, Some(Reader::Tar)] {
                let e = ArchiveError { id, path: Some("a/b".into()), limit: Some(3), said_by, detail: Some("why".into()), analysis: None };
                assert!(!error_message(&e).contains('{'), "{id}: {}", error_message(&e));
            }
        }
        let cut = ArchiveError { id: ArchiveErrorId::Truncated, path: None, limit: None, said_by: Some(Reader::Gzip), detail: Some("unexpected end of file".into()), analysis: None };
        assert_eq!(error_message(&cut), "the archive ends early: the file is cut short: the gzip decoder says \u{201c}unexpected end of file\u{201d}.");
        let own = ArchiveError { id: ArchiveErrorId::Truncated, path: Some("a.zst".into()), limit: None, said_by: Some(Reader::Zstd), detail: None, analysis: None };
        assert_eq!(error_message(&own), "a.zst ends early: the file is cut short (found by the zstd decoder).");
        let big = ArchiveError { id: ArchiveErrorId::TooBig, path: None, limit: Some(16 << 30), said_by: None, detail: None, analysis: None };
        assert!(error_message(&big).contains("16 GiB"), "{}", error_message(&big));
    }
}
