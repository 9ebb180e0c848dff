//! Errors a person can act on. Every way `analyze` can fail is one of these;
//! none of them is a panic.

use core::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
/// Why a file could not be analysed.
pub enum Error {
    /// Zero bytes.
    Empty,
    /// Not an executable or library at all; `what` says what it looks like.
    NotObject {
        /// What it looks like instead (from its first bytes).
        what: String,
    },
    /// A known format, cut short.
    Truncated {
        /// The format (`ELF`, `PE`, `Mach-O`).
        format: &'static str,
        /// The specific problem, as a fact.
        detail: String,
    },
    /// A known format in a variant linklens does not read.
    Unsupported {
        /// The format (`ELF`, `PE`, `Mach-O`).
        format: &'static str,
        /// The specific problem, as a fact.
        detail: String,
    },
    /// A known format whose headers contradict themselves.
    Malformed {
        /// The format (`ELF`, `PE`, `Mach-O`).
        format: &'static str,
        /// The specific problem, as a fact.
        detail: String,
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty => f.write_str("the file is empty (0 bytes): nothing to analyse"),
            Error::NotObject { what } => write!(
                f,
                "this is not an executable or library ({what}); linklens reads ELF, Mach-O and PE files"
            ),
            Error::Truncated { format, detail } => write!(
                f,
                "this {format} file is cut short ({detail}); was the download or copy complete?"
            ),
            Error::Unsupported { format, detail } => {
                write!(f, "this {format} file is of a kind linklens does not read: {detail}")
            }
            Error::Malformed { format, detail } => {
                write!(f, "this {format} file is damaged or hostile: {detail}")
            }
        }
    }
}

impl std::error::Error for Error {}
