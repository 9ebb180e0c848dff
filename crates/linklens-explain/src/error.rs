//! The sentence for a file `linklens::analyze` could not read.

use linklens::{Error, Problem};

use crate::catalogue::{errors, fill};

/// What went wrong, in the catalogue's words.
pub fn message(e: &Error) -> String {
    match e {
        Error::Empty => errors::EMPTY.to_string(),
        Error::NotObject { what, starts_with_mz } => {
            fill(if *starts_with_mz { errors::NOT_OBJECT_MZ } else { errors::NOT_OBJECT }, &[("what", errors::sniffed(*what))])
        }
        Error::Truncated { format, problem } => in_format(errors::TRUNCATED, *format, problem),
        Error::Unsupported { format, problem } => in_format(errors::UNSUPPORTED, *format, problem),
        Error::Malformed { format, problem } => in_format(errors::MALFORMED, *format, problem),
    }
}

fn in_format(template: &str, format: linklens::ObjectFormat, problem: &Problem) -> String {
    fill(template, &[("format", format.as_str()), ("problem", &problem_text(problem, format))])
}

fn problem_text(p: &Problem, format: linklens::ObjectFormat) -> String {
    let (len, header, reach, said) = match p {
        Problem::ShorterThanHeader { len, header } => (len.to_string(), header.to_string(), String::new(), ""),
        Problem::TablesPastEnd { len, reach } => (len.to_string(), String::new(), reach.to_string(), ""),
        Problem::Parser { said } => (String::new(), String::new(), String::new(), said.as_str()),
        _ => Default::default(),
    };
    fill(errors::problem(p, format), &[("len", &len), ("header", &header), ("reach", &reach), ("said", said), ("format", format.as_str())])
}

#[cfg(test)]
mod tests {
    use linklens::{ObjectFormat, Sniffed};

    use super::*;

    #[test]
    fn every_error_is_worded_without_a_placeholder_left() {
        let problems = [
            Problem::ShorterThanHeader { len: 10, header: 64 },
            Problem::TablesPastEnd { len: 100, reach: 4096 },
            Problem::FatMachO,
            Problem::UnknownElfClass,
            Problem::NotAnExecutable,
            Problem::Parser { said: "Invalid ELF header size or alignment".into() },
        ];
        let mut all = vec![Error::Empty];
        all.extend(Sniffed::ALL.iter().flat_map(|&what| [false, true].map(|starts_with_mz| Error::NotObject { what, starts_with_mz })));
        for format in ObjectFormat::ALL.iter().copied() {
            for problem in &problems {
                let problem = problem.clone();
                all.extend([
                    Error::Truncated { format, problem: problem.clone() },
                    Error::Unsupported { format, problem: problem.clone() },
                    Error::Malformed { format, problem },
                ]);
            }
        }
        for e in &all {
            let m = message(e);
            assert!(!m.contains('{') && !m.is_empty(), "{e:?}: {m}");
        }
        let cut = Error::Truncated { format: ObjectFormat::Elf, problem: Problem::ShorterThanHeader { len: 10, header: 64 } };
        assert_eq!(message(&cut), "this ELF file is cut short (10 bytes, shorter than the 64-byte ELF header); was the download or copy complete?");
        let png = Error::NotObject { what: Sniffed::Png, starts_with_mz: false };
        assert_eq!(message(&png), "this is not an executable or library (a PNG image); linklens reads ELF, Mach-O and PE files");
    }
}
