//! Share links: a report carried in a URL fragment (`#/r/…`), never the
//! binary. The fragment is the report's JSON without what the receiver can
//! derive again (`slim.rs`: the catalogue's words, the target verdicts, the
//! summary lines), raw-deflated and base64url-encoded; with the file's
//! name, size and SHA-256 so the receiver can check it has the same file.
//! A report too long for a typical link is shortened (`shorten.rs`: lists
//! become counts) and says so. Opening a fragment treats it as hostile:
//! every step is bounded and a failure is a typed error with its sentence.

mod shorten;
mod slim;

use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::report::{Report, SCHEMA_VERSION};
use crate::vocab::{OmittedId, ShareErrorId};

/// The longest fragment payload a typical link keeps (the whole URL stays
/// under 2,000 characters, which every browser, chat and tracker carries).
pub const TYPICAL_LINK: usize = 1_900;
/// A payload longer than this is refused before it is decoded.
pub const MAX_PAYLOAD: usize = 64 * 1024;
/// Inflated JSON beyond this is refused (a deflate bomb in a link).
pub const MAX_JSON: usize = 1024 * 1024;
/// The fragment's prefix, as the page routes it.
pub const PREFIX: &str = "#/r/";

/// A shared report: what the link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    /// The file's name as it was dropped.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, lowercase hexadecimal.
    pub sha256: String,
    /// What was left out to fit a link, each with how many.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
    /// The report.
    pub report: Report,
}

/// Things a shortened link left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Omitted {
    /// Which list.
    pub id: OmittedId,
    /// How many entries it had.
    pub count: u64,
}

/// Why a fragment could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareError {
    /// Its id.
    pub id: ShareErrorId,
    /// The catalogue's sentence.
    pub message: String,
}

impl ShareError {
    fn new(id: ShareErrorId) -> ShareError {
        ShareError { id, message: crate::catalogue::share_error(id).to_string() }
    }
}

/// The fragment (`#/r/…`) for a report of the file `name` (`size` bytes,
/// `sha256`): the whole report when it fits a typical link, else a
/// shortened one that lists what it left out.
pub fn link(report: &Report, name: &str, size: u64, sha256: &str) -> String {
    let mut shared = Shared { name: name.to_string(), size, sha256: sha256.to_string(), omitted: Vec::new(), report: report.clone() };
    let mut payload = encode(&shared);
    for level in shorten::LEVELS {
        if payload.len() <= TYPICAL_LINK {
            break;
        }
        shorten::apply(&mut shared, *level);
        payload = encode(&shared);
    }
    format!("{PREFIX}{payload}")
}

/// The JSON a whole link carries for `report` (for seeding the fuzzer).
pub(crate) fn payload_json(report: &Report) -> Vec<u8> {
    let shared = Shared { name: "app".into(), size: report.size, sha256: "0".repeat(64), omitted: Vec::new(), report: report.clone() };
    serde_json::to_vec(&slim::Slim::from(&shared)).unwrap_or_default()
}

/// The payload: slim JSON, deflated, base64url without padding.
fn encode(shared: &Shared) -> String {
    let json = serde_json::to_vec(&slim::Slim::from(shared)).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 10);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)
}

/// Open a fragment (with or without its `#/r/` prefix): the shared report,
/// with everything derivable filled in again, or why not.
pub fn open(fragment: &str) -> Result<Shared, ShareError> {
    let payload = fragment.strip_prefix(PREFIX).or_else(|| fragment.strip_prefix(PREFIX.trim_start_matches('#'))).unwrap_or(fragment);
    if payload.len() > MAX_PAYLOAD {
        return Err(ShareError::new(ShareErrorId::TooLong));
    }
    if payload.is_empty() {
        return Err(ShareError::new(ShareErrorId::Empty));
    }
    let deflated = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| ShareError::new(ShareErrorId::NotBase64))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_JSON).map_err(|e| {
        ShareError::new(if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) { ShareErrorId::TooLarge } else { ShareErrorId::Damaged })
    })?;
    let slim: slim::Slim = serde_json::from_slice(&json).map_err(|_| ShareError::new(ShareErrorId::NotAReport))?;
    if slim.report.schema != SCHEMA_VERSION {
        return Err(ShareError::new(ShareErrorId::OtherVersion));
    }
    let sha_ok = slim.sha256.len() == 64 && slim.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !sha_ok || slim.name.is_empty() || slim.name.len() > 4096 || slim.name.contains(['/', '\0']) {
        return Err(ShareError::new(ShareErrorId::NotAReport));
    }
    Ok(slim.into_shared())
}

#[cfg(test)]
mod tests;
