//! The words of share links: why one cannot be opened, what a shortened
//! one left out, and the banner of a shared report.

use linklens::vocab::{OmittedId, ShareErrorId};

/// Why a link could not be opened, as a sentence.
pub fn share_error(id: ShareErrorId) -> &'static str {
    match id {
        ShareErrorId::Empty => "This share link carries no report.",
        ShareErrorId::TooLong => "This share link is longer than any linklens makes; it was not opened.",
        ShareErrorId::NotBase64 => "This share link is damaged: its report is not in the link's encoding (was it cut or edited?).",
        ShareErrorId::Damaged => "This share link is damaged: its report does not decompress (was it cut short?).",
        ShareErrorId::TooLarge => "This share link decompresses to more than a report can be; it was not opened.",
        ShareErrorId::NotAReport => "This share link does not hold a linklens report.",
        ShareErrorId::OtherVersion => "This share link was made by another version of linklens, whose reports this page cannot read.",
    }
}

/// What a list left out of a shortened link is called.
pub fn omitted(id: OmittedId) -> &'static str {
    match id {
        OmittedId::Imports => "imported symbols",
        OmittedId::Deps => "module dependencies",
        OmittedId::Settings => "build settings",
        OmittedId::RequiredSymbols => "symbols behind the version floors",
        OmittedId::Evidence => "pieces of evidence",
        OmittedId::BuildIds => "build ids",
    }
}

/// The banner of a shared report.
pub const SHARED_BANNER: &str = "Shared report — the binary itself was never uploaded.";
/// Under the banner, before the SHA-256: `{name}` and `{size}` of the file.
pub const SHARED_FILE: &str = "{name}, {size}, SHA-256 ";
/// How to check it is the same file.
pub const SHARED_CHECK: &str = "Check it is your file: sha256sum {name}";
/// A shortened link; `{lists}` says what it left out.
pub const SHORTENED: &str = "Shortened to fit a link: left out {lists}. Drop the file itself for the whole report.";
/// The share button.
pub const MAKE_LINK: &str = "Share link";
/// While the file is hashed.
pub const HASHING: &str = "Computing the file's SHA-256…";
/// The copy button beside the link.
pub const COPY_LINK: &str = "Copy link";
/// The shared result's accessible name; `{name}`: the file's.
pub const SHARED_RESULT: &str = "Shared result for {name}";
/// The link itself.
pub const LINK_LABEL: &str = "Link to this report";
/// Beside the link: what it holds.
pub const LINK_NOTE: &str = "The link holds this report and the file's SHA-256, in the part after # that browsers never send: no server sees it.";
/// While a link is decoded.
pub const OPENING: &str = "Opening the shared report…";
/// A link that could not be opened, above its reason.
pub const CANNOT_OPEN: &str = "Cannot open this share link.";
