//! An archive's or image's report as text: the counts, each image's
//! verdict with the error `docker run` would print and the fix, and what
//! could not be read. Each member is then printed by [`text`](super::text)
//! under its full name ([`member_name`]).

use std::fmt::Write;

use super::labels;
use super::text::TextOptions;
use linklens::archive::{ArchiveReport, ImageReport, ImageVerdict};

use crate::archive::ExplainedArchive;
use crate::catalogue::{self, fill};

/// `outer.tar.gz!/usr/bin/app`; the outer name alone for a compressed file.
pub fn member_name(outer: &str, member: &str) -> String {
    if member.is_empty() {
        outer.to_string()
    } else {
        format!("{outer}{}{member}", labels::MEMBER_SEPARATOR)
    }
}

/// The counts line's words.
pub fn counts(r: &ArchiveReport) -> String {
    let n = |v: u64| v.to_string();
    fill(
        labels::ARCHIVE_COUNTS,
        &[
            ("files", &n(r.files)),
            ("elf", &n(r.elf)),
            ("go", &n(r.go)),
            ("dynamic", &n(r.dynamic)),
        ],
    )
}

/// The formats from the inside out: `tar archive, gzip-compressed`.
pub fn format_chain(r: &ArchiveReport) -> String {
    let names: Vec<&str> = if r.chain.is_empty() {
        vec![catalogue::format_name(r.format)]
    } else {
        r.chain
            .iter()
            .rev()
            .map(|f| catalogue::format_name(*f))
            .collect()
    };
    names.join(labels::FORMAT_SEPARATOR)
}

/// An image's title: `myapp:latest (linux/amd64, layers: 3)`.
pub fn image_title(i: &ImageReport) -> String {
    let layers = fill(labels::LAYERS, &[("count", &i.layers.to_string())]);
    format!(
        "{} ({}, {layers})",
        i.name.as_deref().unwrap_or(labels::UNNAMED_IMAGE),
        i.platform
    )
}

/// The archive's summary as terminal text, ending in a newline.
pub fn archive_text(name: &str, a: &ExplainedArchive, o: TextOptions) -> String {
    let (r, e) = (&a.facts, &a.explanation);
    let mut out = String::new();
    let _ = writeln!(out, "{name}: {}, {}", format_chain(r), counts(r));
    for (i, w) in r.images.iter().zip(&e.images) {
        let mark = match i.verdict {
            ImageVerdict::Starts => o.paint("1;32", "✔ starts"),
            ImageVerdict::StartsBut => o.paint("1;33", "◐ starts, but"),
            ImageVerdict::Fails => o.paint("1;31", "✘ fails"),
            ImageVerdict::Unknown => o.paint("1;33", "? unknown"),
        };
        let _ = writeln!(out, "  {} {}: {mark}", labels::IMAGE, image_title(i));
        if o.quiet {
            continue;
        }
        let argv: Vec<&str> = i
            .entrypoint
            .iter()
            .chain(i.cmd.iter())
            .map(String::as_str)
            .collect();
        if !argv.is_empty() {
            let _ = writeln!(out, "    {:<14} {}", labels::ENTRYPOINT, argv.join(" "));
        }
        if let Some(libc) = &i.libc {
            let _ = writeln!(
                out,
                "    {:<14} {} {} ({})",
                labels::IMAGE_LIBC,
                libc.name,
                libc.version.as_deref().unwrap_or(""),
                libc.path
            );
        }
        let _ = writeln!(out, "    {}", w.reason);
        if let Some(e) = &w.error {
            let _ = writeln!(out, "    {:<14} {e}", labels::ERROR_SEEN);
        }
        if let Some(f) = w.fix {
            let _ = writeln!(
                out,
                "    {:<14} {} [{f}]",
                labels::FIX,
                catalogue::fix(f).title
            );
        }
        if let Some(b) = w.base {
            let _ = writeln!(
                out,
                "    {:<14} {}",
                labels::OR_BASE,
                catalogue::target(b).name
            );
        }
        for b in i.binaries.iter().filter(|b| !b.missing.is_empty()) {
            let _ = writeln!(
                out,
                "    {:<14} {}: {}",
                labels::MISSING,
                b.path,
                b.missing.join(", ")
            );
        }
    }
    for message in &e.errors {
        let _ = writeln!(out, "  {}: {message}", o.paint("1;31", labels::ERROR));
    }
    out
}
