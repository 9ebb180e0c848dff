//! Why `analyze` could not read a file, as facts: which format, what was
//! wrong, the numbers involved. Every way `analyze` can fail is one of
//! these; none of them is a panic. The sentences are the explainer's
//! (`linklens_explain::error`).

use core::fmt;

use serde::Serialize;

use crate::sniff::Sniffed;
use crate::vocab::vocabulary;

vocabulary! {
    /// The object format an error is about.
    pub enum ObjectFormat {
        /// ELF (Linux, the BSDs…).
        Elf = "ELF",
        /// Mach-O (macOS, iOS).
        MachO = "Mach-O",
        /// PE (Windows).
        Pe = "PE",
        /// An object format `object` knows but linklens does not read (COFF, XCOFF, wasm…).
        Other = "object",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
/// What exactly is wrong, with its numbers.
pub enum Problem {
    /// Fewer bytes than the format's fixed header.
    ShorterThanHeader {
        /// The file's length.
        len: u64,
        /// The header's length.
        header: u64,
    },
    /// The header tables reach past the end of the file.
    TablesPastEnd {
        /// The file's length.
        len: u64,
        /// The byte the tables reach.
        reach: u64,
    },
    /// A universal (fat) Mach-O: several architectures in one file.
    FatMachO,
    /// An ELF class or byte order that is neither 1 nor 2.
    UnknownElfClass,
    /// A kind of object file that is not an executable or library.
    NotAnExecutable,
    /// The `object` parser's own words, verbatim (a short static string).
    Parser {
        /// What it said.
        said: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "kebab-case")]
/// Why a file could not be analysed.
pub enum Error {
    /// Zero bytes.
    Empty,
    /// Not an executable or library at all.
    NotObject {
        /// What its first bytes say it is.
        what: Sniffed,
        /// It starts with "MZ" (a DOS header) but is not a PE file.
        starts_with_mz: bool,
    },
    /// A known format, cut short.
    Truncated {
        /// The format.
        format: ObjectFormat,
        /// What is missing.
        #[serde(flatten)]
        problem: Problem,
    },
    /// A known format in a variant linklens does not read.
    Unsupported {
        /// The format.
        format: ObjectFormat,
        /// Which variant.
        #[serde(flatten)]
        problem: Problem,
    },
    /// A known format whose headers contradict themselves.
    Malformed {
        /// The format.
        format: ObjectFormat,
        /// What contradicts.
        #[serde(flatten)]
        problem: Problem,
    },
}

impl Error {
    /// Stable short name, for JSON and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Empty => "empty",
            Error::NotObject { .. } => "not-object",
            Error::Truncated { .. } => "truncated",
            Error::Unsupported { .. } => "unsupported",
            Error::Malformed { .. } => "malformed",
        }
    }
}

/// Terse, for logs and `?`: the code and the facts. People read
/// `linklens_explain::error::message`.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str(self.code()),
            Error::NotObject { what, .. } => write!(f, "{}: {what}", self.code()),
            Error::Truncated { format, problem } | Error::Unsupported { format, problem } | Error::Malformed { format, problem } => {
                write!(f, "{} {format}: {problem:?}", self.code())
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialized_flat_with_its_numbers() {
        let e = Error::Truncated { format: ObjectFormat::Elf, problem: Problem::TablesPastEnd { len: 3000, reach: 8128 } };
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(json, r#"{"error":"truncated","format":"ELF","problem":"tables-past-end","len":3000,"reach":8128}"#);
        let e = Error::NotObject { what: Sniffed::Png, starts_with_mz: false };
        assert_eq!(serde_json::to_string(&e).unwrap(), r#"{"error":"not-object","what":"png","starts_with_mz":false}"#);
    }
}
