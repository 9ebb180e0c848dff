//! Arguments to files: a directory is walked (symlinks not followed) and
//! only files that start like an executable or a library are kept, so an
//! unpacked image or a release folder can be checked in one call.

use std::io::Read;

/// ELF, Mach-O (both byte orders, 32/64, fat), PE ("MZ").
fn looks_like_a_binary(path: &std::path::Path) -> bool {
    let mut head = [0u8; 4];
    let Ok(mut f) = std::fs::File::open(path) else { return false };
    if f.read_exact(&mut head).is_err() {
        return false;
    }
    matches!(
        head,
        [0x7f, b'E', b'L', b'F'] | [0xfe, 0xed, 0xfa, 0xce | 0xcf] | [0xce | 0xcf, 0xfa, 0xed, 0xfe] | [0xca, 0xfe, 0xba, 0xbe] | [b'M', b'Z', _, _]
    )
}

/// The files to analyse, in argument order (a directory's in name order),
/// and the walk errors to report.
pub fn expand(args: &[String]) -> (Vec<String>, Vec<String>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        // Named files are always analysed (an error says why one is not a
        // binary); only a directory's contents are filtered.
        let path = std::path::Path::new(arg);
        if arg == "-" || !path.is_dir() {
            files.push(arg.clone());
            continue;
        }
        // A link to a directory (/usr/bin/X11 -> .) is not followed, as
        // links inside a tree are not: `linklens /usr/bin/*` stays flat.
        if path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            eprintln!("linklens: {}", linklens_explain::catalogue::fill(linklens_explain::catalogue::sentences::CLI_LINK_NOT_FOLLOWED, &[("path", arg)]));
            continue;
        }
        for entry in walkdir::WalkDir::new(arg).follow_links(false).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() && looks_like_a_binary(e.path()) => files.push(e.path().display().to_string()),
                Ok(_) => {}
                Err(e) => errors.push(format!("{arg}: {e}")),
            }
        }
    }
    (files, errors)
}
