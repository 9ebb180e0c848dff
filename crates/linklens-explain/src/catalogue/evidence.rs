//! The words for evidence: the column a fact is listed under, and the
//! sentence for the facts that are an absence or a number (their `value`
//! goes in `{value}`, the cause's package in `{package}`). Evidence whose
//! value is the fact itself (a symbol, a library, a setting) is shown as
//! it was found.

use linklens::EvidenceKind as E;

/// The column a piece of evidence is listed under.
pub fn label(kind: E) -> &'static str {
    match kind {
        E::Function | E::CgoFunctions | E::LinkedFunctions => "function",
        E::Import | E::SymbolVersion => "import",
        E::Library => "library",
        E::Interpreter => "interpreter",
        E::Setting | E::MissingTag => "setting",
        E::Section | E::NoLibraries | E::DynamicWithoutPie | E::Comment | E::NoCCode | E::Header => "section",
        E::Flag => "flag",
        E::Symbol | E::NoGoInfo | E::GccgoMarks => "symbol",
        E::Note | E::AbiTag | E::NoAbiTag | E::NoteName => "note",
        E::Package => "package",
        E::Offset => "offset",
        E::Count | E::Length => "count",
    }
}

/// The sentence for a kind of evidence, or `None` when its value is shown
/// as found.
pub fn sentence(kind: E) -> Option<&'static str> {
    Some(match kind {
        // The count last: "1 cgo functions" would need a plural rule.
        E::CgoFunctions => "cgo functions in {package}: {value}",
        E::LinkedFunctions => "functions of package {package} linked: {value}; its cgo wrappers were removed as dead code, the C side stayed",
        E::MissingTag => "CGO_ENABLED=1 and no {value} in -tags",
        E::NoLibraries => "no DT_NEEDED entries: no shared library is needed",
        E::DynamicWithoutPie => "PT_DYNAMIC present, without DF_1_PIE",
        E::NoGoInfo => "no Go build info or pclntab",
        E::GccgoMarks => "no gc build info or pclntab, but libgo.so or a .go_export section: built by gccgo",
        E::SymbolVersion => "symbol versions such as {value}",
        E::AbiTag => ".note.ABI-tag ({value}), which glibc's start files add",
        E::Comment => ".comment: {value}",
        E::NoCCode => "no interpreter, no libraries and no C code: nothing from a C library",
        E::NoAbiTag => "static C code without .note.ABI-tag, which every glibc link carries",
        E::NoteName => "an ELF note named \"{value}\"",
        E::Header => "a {value} header",
        E::Length => "{value} bytes",
        E::Function | E::Import | E::Library | E::Interpreter | E::Setting | E::Section | E::Flag | E::Symbol | E::Note | E::Package | E::Offset | E::Count => {
            return None
        }
    })
}
