//! Share links: a file's facts carried in a URL fragment (`#/r/…`), never
//! the binary and never the words: the receiver explains the facts again
//! (the explanation follows from them alone). The fragment is the facts'
//! JSON, raw-deflated and base64url-encoded, with the file's name, size and
//! SHA-256 so the receiver can check it has the same file. Facts too long
//! for a typical link are shortened (`shorten.rs`: lists become counts)
//! and the link says so. Opening a fragment treats it as hostile: every
//! step is bounded and a failure is a typed error with its sentence.

mod shorten;

use base64::Engine;
use serde::{Deserialize, Serialize};

use linklens::vocab::{OmittedId, ShareErrorId};
use linklens::{Facts, SCHEMA_VERSION};

use crate::Report;

/// The longest fragment payload a typical link keeps (the whole URL stays
/// under 2,000 characters, which every browser, chat and tracker carries).
pub const TYPICAL_LINK: usize = 1_900;
/// A payload longer than this is refused before it is decoded.
pub const MAX_PAYLOAD: usize = 64 * 1024;
/// Inflated JSON beyond this is refused (a deflate bomb in a link).
pub const MAX_JSON: usize = 1024 * 1024;
/// The fragment's prefix, as the page routes it.
pub const PREFIX: &str = "#/r/";

/// A shared report: the link's facts, explained where it was opened.
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
    /// The facts, explained.
    pub report: Report,
}

/// What a link carries: the facts, and what identifies the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Payload {
    schema: u32,
    name: String,
    size: u64,
    sha256: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    omitted: Vec<Omitted>,
    facts: Facts,
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

/// The fragment (`#/r/…`) for the facts of the file `name` (`size` bytes,
/// `sha256`): all of them when they fit a typical link, else shortened,
/// listing what was left out. A step of shortening that would change what
/// the receiver's view leads with (verdict, headline, fixes, target
/// verdicts) is not taken.
pub fn link(facts: &Facts, name: &str, size: u64, sha256: &str) -> String {
    let mut payload = Payload { schema: SCHEMA_VERSION, name: name.to_string(), size, sha256: sha256.to_string(), omitted: Vec::new(), facts: facts.clone() };
    let mut encoded = encode(&payload);
    let leads = shorten::Leads::of(facts);
    for level in shorten::LEVELS {
        if encoded.len() <= TYPICAL_LINK {
            break;
        }
        let mut shorter = payload.clone();
        shorten::apply(&mut shorter.facts, &mut shorter.omitted, level);
        if shorten::Leads::of(&shorter.facts) == leads {
            payload = shorter;
            encoded = encode(&payload);
        }
    }
    format!("{PREFIX}{encoded}")
}

/// The JSON a whole link carries for `facts` (for seeding the fuzzer).
pub(crate) fn payload_json(facts: &Facts) -> Vec<u8> {
    let payload = Payload { schema: SCHEMA_VERSION, name: "app".into(), size: facts.size, sha256: "0".repeat(64), omitted: Vec::new(), facts: facts.clone() };
    serde_json::to_vec(&payload).unwrap_or_default()
}

/// The payload: JSON, deflated, base64url without padding.
fn encode(payload: &Payload) -> String {
    let json = serde_json::to_vec(payload).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 10);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(deflated)
}

/// Open a fragment (with or without its `#/r/` prefix): the shared facts,
/// explained, or why not.
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
    // The schema first: facts of another version may not parse at all.
    #[derive(Deserialize)]
    struct Schema {
        schema: u32,
    }
    let schema: Schema = serde_json::from_slice(&json).map_err(|_| ShareError::new(ShareErrorId::NotAReport))?;
    if schema.schema != SCHEMA_VERSION {
        return Err(ShareError::new(ShareErrorId::OtherVersion));
    }
    let p: Payload = serde_json::from_slice(&json).map_err(|_| ShareError::new(ShareErrorId::NotAReport))?;
    let sha_ok = p.sha256.len() == 64 && p.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !sha_ok || p.name.is_empty() || p.name.len() > 4096 || p.name.contains(['/', '\0']) {
        return Err(ShareError::new(ShareErrorId::NotAReport));
    }
    Ok(Shared { name: p.name, size: p.size, sha256: p.sha256, omitted: p.omitted, report: Report::new(p.facts) })
}

#[cfg(test)]
mod tests;
