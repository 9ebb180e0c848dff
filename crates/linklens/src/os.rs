//! Which operating system an ELF file is for. Go records `GOOS`; other
//! toolchains leave marks: `EI_OSABI`, an identification note, the
//! loader's path. A Linux file usually carries none, so Linux is what is
//! left when nothing else shows.

use crate::facts::{Evidence, EvidenceKind as E, Os, OsInfo};

pub(crate) struct Input<'a> {
    pub goos: Option<&'a str>,
    pub os_abi: u8,
    pub os_note: Option<&'a str>,
    pub interpreter: Option<&'a str>,
    pub abi_tag: Option<&'a str>,
}

/// Loader paths of the systems that are not Linux (and Android's, which
/// is Linux with another C library).
const LOADERS: &[(&str, Os)] = &[
    ("/system/bin/linker", Os::Android),
    ("/libexec/ld-elf.so", Os::Freebsd),
    ("/usr/libexec/ld-elf.so", Os::Freebsd),
    ("/usr/libexec/ld.elf_so", Os::Netbsd),
    ("/usr/libexec/ld.so", Os::Openbsd),
    ("/usr/lib/ld.so.1", Os::Solaris),
    ("/usr/lib/amd64/ld.so.1", Os::Solaris),
    ("/usr/lib/64/ld.so.1", Os::Solaris),
    ("/usr/lib/sparcv9/ld.so.1", Os::Solaris),
];

pub(crate) fn infer(i: &Input) -> OsInfo {
    let found = |name: Os, evidence: Evidence| OsInfo { name, evidence: vec![evidence] };
    if let Some(os) = i.goos.and_then(Os::parse) {
        return found(os, Evidence::new(E::Setting, format!("GOOS={}", os.as_str())));
    }
    if let Some(note) = i.os_note {
        let os = match note {
            "FreeBSD" => Os::Freebsd,
            "OpenBSD" => Os::Openbsd,
            "NetBSD" => Os::Netbsd,
            _ => Os::Android,
        };
        return found(os, Evidence::new(E::NoteName, note));
    }
    let by_abi = match i.os_abi {
        2 => Some(Os::Netbsd),
        6 => Some(Os::Solaris),
        9 => Some(Os::Freebsd),
        12 => Some(Os::Openbsd),
        _ => None,
    };
    if let Some(os) = by_abi {
        return found(os, Evidence::new(E::Flag, format!("EI_OSABI = {}", i.os_abi)));
    }
    if let Some(interp) = i.interpreter {
        if let Some((_, os)) = LOADERS.iter().find(|(p, _)| interp.starts_with(p)) {
            return found(*os, Evidence::new(E::Interpreter, interp));
        }
    }
    match i.abi_tag {
        Some(tag) if tag.starts_with("GNU/Hurd") => found(Os::Hurd, Evidence::new(E::Note, tag)),
        Some(tag) if tag.starts_with("GNU/Solaris") => found(Os::Solaris, Evidence::new(E::Note, tag)),
        Some(tag) if tag.starts_with("GNU/kFreeBSD") => found(Os::Freebsd, Evidence::new(E::Note, tag)),
        Some(tag) => found(Os::Linux, Evidence::new(E::Note, tag)),
        None => OsInfo { name: Os::Linux, evidence: Vec::new() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> Input<'static> {
        Input { goos: None, os_abi: 0, os_note: None, interpreter: None, abi_tag: None }
    }

    #[test]
    fn goos_wins_over_every_mark() {
        let i = Input { goos: Some("openbsd"), os_abi: 9, interpreter: Some("/system/bin/linker64"), ..input() };
        assert_eq!(infer(&i).name, Os::Openbsd);
        assert_eq!(infer(&i).evidence[0].value, "GOOS=openbsd");
    }

    #[test]
    fn marks_in_order() {
        assert_eq!(infer(&Input { os_note: Some("NetBSD"), os_abi: 9, ..input() }).name, Os::Netbsd);
        assert_eq!(infer(&Input { os_note: Some("Android"), ..input() }).name, Os::Android);
        assert_eq!(infer(&Input { os_note: Some("FreeBSD"), ..input() }).name, Os::Freebsd);
        assert_eq!(infer(&Input { os_note: Some("OpenBSD"), ..input() }).name, Os::Openbsd);
        for (abi, os) in [(2, Os::Netbsd), (6, Os::Solaris), (9, Os::Freebsd), (12, Os::Openbsd)] {
            assert_eq!(infer(&Input { os_abi: abi, ..input() }).name, os);
        }
        assert_eq!(infer(&Input { interpreter: Some("/system/bin/linker64"), ..input() }).name, Os::Android);
        assert_eq!(infer(&Input { interpreter: Some("/usr/lib/amd64/ld.so.1"), ..input() }).name, Os::Solaris);
        assert_eq!(infer(&Input { interpreter: Some("/usr/libexec/ld.so"), ..input() }).name, Os::Openbsd);
        assert_eq!(infer(&Input { interpreter: Some("/lib64/ld-linux-x86-64.so.2"), ..input() }).name, Os::Linux);
        assert_eq!(infer(&Input { abi_tag: Some("GNU/Hurd 0.0.0"), ..input() }).name, Os::Hurd);
        assert_eq!(infer(&Input { abi_tag: Some("GNU/Solaris 2.10.0"), ..input() }).name, Os::Solaris);
        assert_eq!(infer(&Input { abi_tag: Some("GNU/kFreeBSD 10.0.0"), ..input() }).name, Os::Freebsd);
        let linux = infer(&Input { abi_tag: Some("GNU/Linux 3.2.0"), ..input() });
        assert_eq!((linux.name, linux.evidence.len()), (Os::Linux, 1));
        // An unknown GOOS falls through to the file's own marks.
        assert_eq!(infer(&Input { goos: Some("plan9"), os_abi: 9, ..input() }).name, Os::Freebsd);
        let bare = infer(&input());
        assert_eq!((bare.name, bare.evidence.len()), (Os::Linux, 0));
    }
}
