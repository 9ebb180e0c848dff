//! The one table of architectures: how `file` names each ELF machine, Go's
//! GOARCH for it, and the target names the fixes print (zig's musl triple,
//! Rust's musl target), plus the Mach-O and PE names. Data, not logic.

use object::Architecture;

/// One architecture Go builds for.
#[derive(Debug)]
pub struct Arch {
    /// Go's name (`GOARCH`).
    pub goarch: &'static str,
    /// `e_machine`.
    pub elf_machine: u16,
    /// ELF class it must have, where the machine number is shared.
    pub bits: Option<u8>,
    /// Byte order it must have, where the machine number is shared.
    pub big_endian: Option<bool>,
    /// `file`'s name for the machine.
    pub file_name: &'static str,
    /// `zig cc -target` for a static musl build, where zig has one.
    pub zig_musl: Option<&'static str>,
    /// zig's musl target where it links only a soft-float build without
    /// DWARF (`GOMIPS=softfloat`, `-ldflags -w`): 32-bit MIPS, observed.
    pub zig_musl_softfloat: Option<&'static str>,
    /// Rust's musl target, where Rust has one.
    pub rust_musl: Option<&'static str>,
    /// `object`'s name, to map Mach-O and PE files.
    pub object: Option<Architecture>,
    /// The name Mach-O tools use (`lipo -archs`), where macOS runs it.
    pub macho_name: Option<&'static str>,
    /// The name PE tools use, where Windows runs it.
    pub pe_name: Option<&'static str>,
}

const fn arch(goarch: &'static str, elf_machine: u16, file_name: &'static str) -> Arch {
    Arch {
        goarch,
        elf_machine,
        bits: None,
        big_endian: None,
        file_name,
        zig_musl: None,
        zig_musl_softfloat: None,
        rust_musl: None,
        object: None,
        macho_name: None,
        pe_name: None,
    }
}

/// Sources: `file`'s magic/Magdir/elf, `go tool dist list`, `zig targets`,
/// `rustc --print target-list`.
pub static ARCHES: &[Arch] = &[
    Arch {
        zig_musl: Some("x86_64-linux-musl"),
        rust_musl: Some("x86_64-unknown-linux-musl"),
        object: Some(Architecture::X86_64),
        macho_name: Some("x86_64"),
        pe_name: Some("x86-64"),
        ..arch("amd64", 62, "x86-64")
    },
    Arch {
        zig_musl: Some("aarch64-linux-musl"),
        rust_musl: Some("aarch64-unknown-linux-musl"),
        object: Some(Architecture::Aarch64),
        macho_name: Some("arm64"),
        pe_name: Some("Aarch64"),
        ..arch("arm64", 183, "ARM aarch64")
    },
    Arch {
        zig_musl: Some("x86-linux-musl"),
        rust_musl: Some("i686-unknown-linux-musl"),
        object: Some(Architecture::I386),
        macho_name: Some("i386"),
        pe_name: Some("Intel 80386"),
        ..arch("386", 3, "Intel 80386")
    },
    Arch {
        zig_musl: Some("arm-linux-musleabihf"),
        rust_musl: Some("armv7-unknown-linux-musleabihf"),
        object: Some(Architecture::Arm),
        macho_name: Some("arm"),
        ..arch("arm", 40, "ARM")
    },
    Arch {
        bits: Some(64),
        zig_musl: Some("riscv64-linux-musl"),
        rust_musl: Some("riscv64gc-unknown-linux-musl"),
        ..arch("riscv64", 243, "UCB RISC-V")
    },
    Arch { big_endian: Some(true), ..arch("ppc64", 21, "64-bit PowerPC") },
    Arch {
        big_endian: Some(false),
        zig_musl: Some("powerpc64le-linux-musl"),
        rust_musl: Some("powerpc64le-unknown-linux-musl"),
        ..arch("ppc64le", 21, "64-bit PowerPC")
    },
    Arch {
        bits: Some(64),
        zig_musl: Some("s390x-linux-musl"),
        rust_musl: Some("s390x-unknown-linux-musl"),
        ..arch("s390x", 22, "IBM S/390")
    },
    Arch { zig_musl: Some("loongarch64-linux-musl"), ..arch("loong64", 258, "LoongArch") },
    Arch { bits: Some(64), big_endian: Some(true), ..arch("mips64", 8, "MIPS") },
    // No zig target: zig 0.17 refuses cgo's -mhard-float (Go's default
    // GOMIPS64) for every MIPS; with softfloat it refuses cgo's -fno-PIC
    // (musl) or cannot link Go's DWARF (glibc 2.17): observed.
    Arch { bits: Some(64), big_endian: Some(false), ..arch("mips64le", 8, "MIPS") },
    Arch { bits: Some(32), big_endian: Some(true), zig_musl_softfloat: Some("mips-linux-musleabi"), ..arch("mips", 8, "MIPS") },
    Arch { bits: Some(32), big_endian: Some(false), zig_musl_softfloat: Some("mipsel-linux-musleabi"), ..arch("mipsle", 8, "MIPS") },
];

/// ELF machines Go does not build for, by `file`'s name.
static OTHER_ELF_MACHINES: &[(u16, &str)] =
    &[(20, "PowerPC"), (22, "IBM S/390"), (243, "UCB RISC-V"), (2, "SPARC"), (43, "SPARC")];

/// The Go architecture of an ELF machine, if Go has one.
pub(crate) fn from_elf(machine: u16, bits: u8, big_endian: bool) -> Option<&'static Arch> {
    ARCHES.iter().find(|a| {
        a.elf_machine == machine && a.bits.is_none_or(|b| b == bits) && a.big_endian.is_none_or(|b| b == big_endian)
    })
}

/// `file`'s name for an ELF machine.
pub(crate) fn elf_machine_name(machine: u16, bits: u8, big_endian: bool) -> String {
    match from_elf(machine, bits, big_endian) {
        Some(a) => a.file_name.to_string(),
        None => match OTHER_ELF_MACHINES.iter().find(|(m, _)| *m == machine) {
            Some((_, name)) => (*name).to_string(),
            None => format!("machine {machine}"),
        },
    }
}

/// The architecture of a Mach-O or PE file.
pub(crate) fn from_object(a: Architecture) -> Option<&'static Arch> {
    ARCHES.iter().find(|x| x.object == Some(a))
}

/// An architecture by its GOARCH.
pub fn from_goarch(goarch: &str) -> Option<&'static Arch> {
    ARCHES.iter().find(|a| a.goarch == goarch)
}

/// Debian's multiarch directory name for a GOARCH (`/lib/x86_64-linux-gnu`):
/// where Debian, Ubuntu and the images built from them keep libraries.
pub fn debian_multiarch(goarch: &str) -> Option<&'static str> {
    Some(match goarch {
        "amd64" => "x86_64-linux-gnu",
        "arm64" => "aarch64-linux-gnu",
        "386" => "i386-linux-gnu",
        "arm" => "arm-linux-gnueabihf",
        "ppc64le" => "powerpc64le-linux-gnu",
        "s390x" => "s390x-linux-gnu",
        "riscv64" => "riscv64-linux-gnu",
        "mips64le" => "mips64el-linux-gnuabi64",
        "loong64" => "loongarch64-linux-gnu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elf_machines_map_to_goarch() {
        let cases: &[(u16, u8, bool, &str, Option<&str>)] = &[
            (62, 64, false, "x86-64", Some("amd64")),
            (3, 32, false, "Intel 80386", Some("386")),
            (183, 64, false, "ARM aarch64", Some("arm64")),
            (40, 32, false, "ARM", Some("arm")),
            (21, 64, true, "64-bit PowerPC", Some("ppc64")),
            (21, 64, false, "64-bit PowerPC", Some("ppc64le")),
            (20, 32, true, "PowerPC", None),
            (22, 64, true, "IBM S/390", Some("s390x")),
            (22, 32, true, "IBM S/390", None),
            (243, 64, false, "UCB RISC-V", Some("riscv64")),
            (243, 32, false, "UCB RISC-V", None),
            (8, 64, true, "MIPS", Some("mips64")),
            (8, 64, false, "MIPS", Some("mips64le")),
            (8, 32, true, "MIPS", Some("mips")),
            (8, 32, false, "MIPS", Some("mipsle")),
            (258, 64, false, "LoongArch", Some("loong64")),
            (2, 32, true, "SPARC", None),
            (43, 64, true, "SPARC", None),
            (9999, 64, false, "machine 9999", None),
        ];
        for &(m, bits, big, name, goarch) in cases {
            assert_eq!(elf_machine_name(m, bits, big), name, "machine {m}");
            assert_eq!(from_elf(m, bits, big).map(|a| a.goarch), goarch, "machine {m} {bits} {big}");
        }
    }

    /// The names the fixes print, checked one by one against the targets
    /// the tools list (`zig targets`, `rustc --print target-list`).
    #[test]
    fn targets_printed_for_each_architecture() {
        type Names = (&'static str, Option<&'static str>, Option<&'static str>, Option<&'static str>, Option<&'static str>);
        let expect: &[Names] = &[
            ("amd64", Some("x86_64-linux-musl"), Some("x86_64-unknown-linux-musl"), Some("x86_64"), Some("x86-64")),
            ("arm64", Some("aarch64-linux-musl"), Some("aarch64-unknown-linux-musl"), Some("arm64"), Some("Aarch64")),
            ("386", Some("x86-linux-musl"), Some("i686-unknown-linux-musl"), Some("i386"), Some("Intel 80386")),
            ("arm", Some("arm-linux-musleabihf"), Some("armv7-unknown-linux-musleabihf"), Some("arm"), None),
            ("riscv64", Some("riscv64-linux-musl"), Some("riscv64gc-unknown-linux-musl"), None, None),
            ("ppc64", None, None, None, None),
            ("ppc64le", Some("powerpc64le-linux-musl"), Some("powerpc64le-unknown-linux-musl"), None, None),
            ("s390x", Some("s390x-linux-musl"), Some("s390x-unknown-linux-musl"), None, None),
            ("loong64", Some("loongarch64-linux-musl"), None, None, None),
            ("mips64", None, None, None, None),
            ("mips64le", None, None, None, None),
            ("mips", None, None, None, None),
            ("mipsle", None, None, None, None),
        ];
        assert_eq!(ARCHES.len(), expect.len());
        for &(goarch, zig, rust, macho, pe) in expect {
            let a = from_goarch(goarch).unwrap();
            assert_eq!((a.zig_musl, a.rust_musl, a.macho_name, a.pe_name), (zig, rust, macho, pe), "{goarch}");
        }
        for (object, goarch) in [(Architecture::X86_64, "amd64"), (Architecture::Aarch64, "arm64"), (Architecture::I386, "386"), (Architecture::Arm, "arm")] {
            assert_eq!(from_object(object).map(|a| a.goarch), Some(goarch));
        }
    }

    #[test]
    fn every_goarch_is_listed_once() {
        for a in ARCHES {
            assert_eq!(ARCHES.iter().filter(|b| b.goarch == a.goarch).count(), 1, "{}", a.goarch);
            assert!(std::ptr::eq(from_goarch(a.goarch).unwrap(), a));
        }
    }

    #[test]
    fn object_names() {
        assert_eq!(from_object(Architecture::Aarch64).and_then(|a| a.macho_name), Some("arm64"));
        assert_eq!(from_object(Architecture::X86_64).and_then(|a| a.pe_name), Some("x86-64"));
        assert_eq!(from_object(Architecture::I386).map(|a| a.goarch), Some("386"));
        assert!(from_object(Architecture::Mips).is_none());
    }
}
