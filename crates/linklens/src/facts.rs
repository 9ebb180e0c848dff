//! The [`Facts`]: everything linklens reads and decides about one file,
//! each conclusion with its evidence, typed and without a sentence in it.
//! The words (summary, headline, titles, target verdicts, fixes) are
//! `linklens-explain`'s, derived from these alone. Its JSON form is part of
//! the contract shared by the CLI, share links and the web app; bump
//! [`SCHEMA_VERSION`] when a field changes meaning.

use serde::{Deserialize, Serialize};

use crate::vocab::vocabulary;
pub use crate::vocab::{
    BuildTool, CauseId, FixId, NeedId, NoteId, OmittedId, ReasonId, RecipeKind, RemedyId,
    ShareErrorId, TargetId, Verdict, WarningId,
};

/// Version of the JSON shape of [`Facts`] and of the report around them.
pub const SCHEMA_VERSION: u32 = 9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// Everything linklens reads and decides about one file.
pub struct Facts {
    /// Size of the input in bytes.
    pub size: u64,
    /// The format (`ELF`, `PE`, `Mach-O`).
    pub format: Format,
    /// The machine, as `file` and Go name it.
    pub arch: Arch,
    /// 32 or 64.
    pub bits: u8,
    /// Byte order.
    pub endian: Endian,
    /// The operating system the file is for, and how it shows.
    pub os: OsInfo,
    /// Executable, PIE, shared object…
    pub kind: Kind,
    /// The verdict, by the rule `file` uses (see `elf::linkage`).
    pub linkage: Linkage,
    /// What the dynamic loader is asked for; empty for static files.
    pub dynamic: Dynamic,
    /// The C library, and how it was recognised.
    pub libc: Libc,
    /// Undefined dynamic symbols, each tagged with the cause it points to.
    pub imports: Vec<Import>,
    /// `None` for files that are not Go.
    pub go: Option<GoInfo>,
    /// What built the file, as far as it shows.
    pub toolchain: Toolchain,
    /// Every cgo component linked in, whether or not it made the file dynamic.
    pub causes: Vec<Cause>,
    /// Things worth knowing that are not causes.
    pub warnings: Vec<Warning>,
    /// What the loader will check: the versions it needs and the floors
    /// they set.
    pub portability: Portability,
}

vocabulary! {
    /// The object format.
    pub enum Format {
        /// ELF (Linux, the BSDs…).
        Elf = "elf",
        /// Mach-O (macOS).
        Macho = "macho",
        /// PE (Windows).
        Pe = "pe",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// The machine a file is for.
pub struct Arch {
    /// The machine as `file` names it: `x86-64`, `ARM aarch64`, `IBM S/390`…
    pub machine: String,
    /// Go's name for it (`amd64`, `arm64`, `386`…), where Go has one.
    pub goarch: Option<String>,
}

vocabulary! {
    /// Byte order.
    pub enum Endian {
        /// Least significant byte first.
        Little = "little",
        /// Most significant byte first.
        Big = "big",
    }
}

vocabulary! {
    /// What kind of file it is.
    pub enum Kind {
        /// `ET_EXEC`.
        Executable = "executable",
        /// `ET_DYN` with an interpreter or `DF_1_PIE`.
        PieExecutable = "pie-executable",
        /// `ET_DYN` otherwise: a library.
        SharedObject = "shared-object",
        /// `ET_REL`: an object file.
        Relocatable = "relocatable",
        /// `ET_CORE`: a core dump.
        Core = "core",
        /// Anything else.
        Other = "other",
    }
}

vocabulary! {
    /// The verdict, by the rule `file` uses.
    pub enum Linkage {
        /// No interpreter, no dynamic section.
        Static = "static",
        /// Self-relocating: dynamic section with `DF_1_PIE`, no interpreter, nothing needed.
        StaticPie = "static-pie",
        /// Needs the dynamic loader.
        Dynamic = "dynamic",
    }
}

impl Warning {
    /// The value named `key`, if the warning has one.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

impl Facts {
    /// The facts of a file of this format and machine before anything in
    /// it is read: static, Linux, nothing needed.
    pub fn new(
        format: Format,
        machine: String,
        goarch: Option<&str>,
        bits: u8,
        big_endian: bool,
        size: u64,
    ) -> Facts {
        Facts {
            size,
            format,
            arch: Arch {
                machine,
                goarch: goarch.map(str::to_string),
            },
            bits,
            endian: if big_endian {
                Endian::Big
            } else {
                Endian::Little
            },
            os: OsInfo {
                name: Os::Linux,
                evidence: vec![],
            },
            kind: Kind::Other,
            linkage: Linkage::Static,
            dynamic: Dynamic::default(),
            libc: Libc {
                name: LibcName::Unknown,
                evidence: vec![],
            },
            imports: vec![],
            go: None,
            toolchain: Toolchain::default(),
            causes: vec![],
            warnings: vec![],
            portability: Portability::default(),
        }
    }
}

impl Linkage {
    /// Static and static-pie files need nothing from the system at run time.
    pub fn is_static(self) -> bool {
        !matches!(self, Linkage::Dynamic)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
/// What the dynamic loader is asked for.
pub struct Dynamic {
    /// `PT_INTERP` (ELF) or `LC_LOAD_DYLINKER` (Mach-O).
    pub interpreter: Option<String>,
    /// `DT_NEEDED` in file order; Mach-O dylibs; PE DLLs.
    pub needed: Vec<String>,
    /// `DT_RPATH` directories.
    pub rpath: Vec<String>,
    /// `DT_RUNPATH` directories.
    pub runpath: Vec<String>,
    /// `PT_DYNAMIC` present.
    pub has_dynamic_section: bool,
    /// `DF_1_PIE` set in `DT_FLAGS_1`.
    pub pie_flag: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// Which C library is linked, with the evidence.
pub struct Libc {
    /// The name.
    pub name: LibcName,
    /// What the libc was inferred from (interpreter, library, note, symbol…).
    pub evidence: Vec<Evidence>,
}

vocabulary! {
    /// Which C library.
    pub enum LibcName {
        /// GNU libc.
        Glibc = "glibc",
        /// musl.
        Musl = "musl",
        /// No C library linked at all (pure Go, internally linked).
        None = "none",
        /// The C library of a system other than Linux (the BSDs, Solaris…).
        System = "system",
        /// C code, but which libc could not be told.
        Unknown = "unknown",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// An undefined dynamic symbol.
pub struct Import {
    /// The name.
    pub name: String,
    /// Symbol version (`GLIBC_2.34`), where the file records one.
    pub version: Option<String>,
    /// Library that provides the version, from the version-needed table.
    pub library: Option<String>,
    /// A weak reference (`STB_WEAK`).
    pub weak: bool,
    /// The cause this import points to, if any.
    pub cause: Option<CauseId>,
}

/// One fact found in the file, named precisely enough to check by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What kind of fact.
    pub kind: EvidenceKind,
    /// The fact, as found.
    pub value: String,
}

impl Evidence {
    /// Evidence of `kind` with `value`.
    pub fn new(kind: EvidenceKind, value: impl Into<String>) -> Self {
        Evidence {
            kind,
            value: value.into(),
        }
    }
}

vocabulary! {
    /// What kind of fact a piece of evidence is.
    pub enum EvidenceKind {
        /// A Go function name from the pclntab (survives stripping).
        Function = "function",
        /// An undefined dynamic symbol.
        Import = "import",
        /// A `DT_NEEDED` library (or a Mach-O dylib / PE DLL).
        Library = "library",
        /// The `PT_INTERP` path.
        Interpreter = "interpreter",
        /// A Go build setting or build-info line.
        Setting = "setting",
        /// A section or segment, or its absence.
        Section = "section",
        /// A dynamic-section flag.
        Flag = "flag",
        /// A string or symbol found in the file.
        Symbol = "symbol",
        /// An ELF note.
        Note = "note",
        /// A Go package.
        Package = "package",
        /// A file offset (hexadecimal).
        Offset = "offset",
        /// A count of things found.
        Count = "count",
        /// How many cgo functions the cause's package has.
        CgoFunctions = "cgo-functions",
        /// How many functions of the cause's package are linked, its cgo
        /// wrappers removed as dead code (the C side stayed).
        LinkedFunctions = "linked-functions",
        /// A build tag absent from `-tags` while `CGO_ENABLED=1` (`netgo`).
        MissingTag = "missing-tag",
        /// No `DT_NEEDED` entry at all (no value).
        NoLibraries = "no-libraries",
        /// `PT_DYNAMIC` without `DF_1_PIE`: dynamic by `file`'s rule alone (no value).
        DynamicWithoutPie = "dynamic-without-pie",
        /// Neither Go build info nor a pclntab (no value).
        NoGoInfo = "no-go-info",
        /// No gc build info or pclntab, but `libgo.so` or `.go_export` (no value).
        GccgoMarks = "gccgo-marks",
        /// A glibc symbol version among the imports (`GLIBC_2.34`).
        SymbolVersion = "symbol-version",
        /// The `.note.ABI-tag` (`Linux 3.2.0`), which glibc's start files add.
        AbiTag = "abi-tag",
        /// A `.comment` line.
        Comment = "comment",
        /// No interpreter, no libraries, no C code (no value).
        NoCCode = "no-c-code",
        /// Static C code without `.note.ABI-tag` (no value).
        NoAbiTag = "no-abi-tag",
        /// The name of an ELF note (`FreeBSD`).
        NoteName = "note-name",
        /// The object format's header (`Mach-O`, `PE`).
        Header = "header",
        /// A length in bytes.
        Length = "length",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// What the file says about its Go build.
pub struct GoInfo {
    /// How the file was recognised as Go.
    pub detected_by: GoDetection,
    /// `go1.26.8`; from the build info, else `None`.
    pub version: Option<String>,
    /// The main package path (`path` line).
    pub path: Option<String>,
    /// The main module (`mod` line).
    pub main: Option<Module>,
    /// The dependencies (`dep` lines), in order.
    pub deps: Vec<Module>,
    /// The `build` lines as recorded, in order.
    pub settings: Vec<Setting>,
    /// The linking-relevant settings, typed.
    pub build: BuildSettings,
    /// The function table, where found.
    pub pclntab: Option<Pclntab>,
    /// Packages with cgo wrapper functions.
    pub cgo_packages: Vec<CgoPackage>,
    /// The section holding the build info, when it was found in one.
    pub buildinfo_section: Option<String>,
    /// The file offset of the build info header, when it was found.
    pub buildinfo_offset: Option<u64>,
    /// A test binary (`go test -c`), and what shows it.
    pub test_binary: Option<Evidence>,
    /// A `crypto/tls` function: the program makes TLS connections, so an
    /// image without CA certificates breaks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls: Option<Evidence>,
    /// The files it reads once started, each with the function that reads
    /// it (the pclntab keeps only what the program can reach).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A file the program reads at run time, and the function that shows it.
pub struct Need {
    /// Which file.
    pub id: NeedId,
    /// The function (`time.LoadLocation`).
    pub evidence: Evidence,
}

vocabulary! {
    /// How the file was recognised as Go.
    pub enum GoDetection {
        /// The build info alone.
        Buildinfo = "buildinfo",
        /// The pclntab alone.
        Pclntab = "pclntab",
        /// Both.
        Both = "both",
        /// gccgo: the module info `go build -compiler gccgo` puts in
        /// `.rodata` (no version, no pclntab).
        GccgoModinfo = "gccgo-modinfo",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A Go module, as the build info records it.
pub struct Module {
    /// Module path.
    pub path: String,
    /// Module version.
    pub version: String,
    /// Its `go.sum` hash.
    pub sum: Option<String>,
    /// What it was replaced by (`=>`).
    pub replace: Option<Box<Module>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// One `build` line: `key=value`.
pub struct Setting {
    /// The setting's name (`CGO_ENABLED`, `-tags`…).
    pub key: String,
    /// Its value.
    pub value: String,
}

/// The build settings that matter for linking, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildSettings {
    /// `CGO_ENABLED`: cgo was *available*, not necessarily used.
    pub cgo_enabled: Option<bool>,
    /// `-tags`, split.
    pub tags: Vec<String>,
    /// `-ldflags` (absent when the build used `-trimpath`).
    pub ldflags: Option<String>,
    /// `-trimpath` was used.
    pub trimpath: bool,
    /// `-buildmode`.
    pub buildmode: Option<String>,
    /// `-compiler` (`gc`, `gccgo`).
    pub compiler: Option<String>,
    /// `GOOS`.
    pub goos: Option<String>,
    /// `GOARCH`.
    pub goarch: Option<String>,
    /// `GOAMD64=v3`, `GOARM=7`…: the key and value.
    pub arch_level: Option<Setting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// Go's function table (pclntab) header.
pub struct Pclntab {
    /// Go versions that use this table layout, e.g. `go1.20+`.
    pub version: String,
    /// The header magic, hexadecimal.
    pub magic: String,
    /// The section it is in (`.gopclntab`, or the one scanned), if any.
    pub section: Option<String>,
    /// Found by scanning for a valid header, not by its section name.
    pub scanned: bool,
    /// File offset of the header.
    pub offset: u64,
    /// Number of functions.
    pub nfunc: u64,
    /// Pointer size in bytes.
    pub ptrsize: u8,
    /// Instruction size quantum.
    pub quantum: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A package with cgo wrapper functions.
pub struct CgoPackage {
    /// The package path.
    pub package: String,
    /// How many `_Cfunc_`/`_C2func_`/`_C_` functions it has.
    pub count: u64,
    /// A few of them, sorted.
    pub functions: Vec<String>,
}

vocabulary! {
    /// The language a file was written in, as its traces show.
    pub enum Language {
        /// Go, built by gc (build info or pclntab).
        Go = "go",
        /// Go, built by gccgo (libgo, `.go_export`; none of gc's tables).
        Gccgo = "gccgo",
        /// Rust.
        Rust = "rust",
        /// C++.
        Cxx = "c++",
        /// C, or something linked like it.
        C = "c",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
/// Traces of the toolchain that built the file.
pub struct Toolchain {
    /// The language the file was written in, as far as it shows.
    pub language: Option<Language>,
    /// `.comment` strings (`GCC: (Debian 12.2.0-14) 12.2.0`, `Linker: LLD 18`…).
    pub comments: Vec<String>,
    /// glibc's `.note.ABI-tag`: `GNU/Linux 3.2.0`.
    pub abi_tag: Option<String>,
    /// `.note.gnu.build-id`, hexadecimal.
    pub gnu_build_id: Option<String>,
    /// Go's build ID note.
    pub go_build_id: Option<String>,
    /// `runtime/cgo` is linked (the C half of cgo).
    pub runtime_cgo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A reason C code is in a Go binary, with its evidence.
pub struct Cause {
    /// The id; its catalogue topic has the words.
    pub id: CauseId,
    /// The package path.
    pub package: Option<String>,
    /// The module that provides the package, for `cgo-dep`.
    pub module: Option<String>,
    /// That module's version.
    pub version: Option<String>,
    /// Did this cause make *this* file dynamic? (False when the C code was
    /// linked statically, e.g. with musl.)
    pub makes_dynamic: bool,
    /// The facts behind it.
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// A warning, with its evidence.
pub struct Warning {
    /// Stable id; its catalogue topic has the words.
    pub id: WarningId,
    /// The values its message names, as (name, value) pairs (`offset`,
    /// `have`, `package`…): facts, each a number, a path or a name from the
    /// file. Pairs rather than a map: the page's wasm carries no map
    /// reader for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<(String, String)>,
    /// The facts behind it.
    pub evidence: Vec<Evidence>,
}

vocabulary! {
    /// An operating system, by Go's name for it where Go has one.
    pub enum Os {
        /// Linux.
        Linux = "linux",
        /// Android (a Linux kernel, Bionic libc).
        Android = "android",
        /// FreeBSD.
        Freebsd = "freebsd",
        /// NetBSD.
        Netbsd = "netbsd",
        /// OpenBSD.
        Openbsd = "openbsd",
        /// DragonFly BSD.
        Dragonfly = "dragonfly",
        /// Solaris.
        Solaris = "solaris",
        /// illumos.
        Illumos = "illumos",
        /// GNU Hurd.
        Hurd = "hurd",
        /// macOS.
        Macos = "macos",
        /// Windows.
        Windows = "windows",
    }
}

impl Os {
    /// Systems where every Go program needs the system's loader: OpenBSD,
    /// Solaris, illumos and macOS (the system call interface is libc's), and
    /// Android (it runs only PIEs, linked against /system/bin/linker64).
    pub fn is_dynamic_by_design(self) -> bool {
        matches!(
            self,
            Os::Openbsd | Os::Solaris | Os::Illumos | Os::Macos | Os::Android
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// The operating system, and what told it.
pub struct OsInfo {
    /// Which system.
    pub name: Os,
    /// The facts it was told from; empty when Linux is assumed (a Linux
    /// ELF file carries no mark of its own).
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
/// What a Linux binary asks of the system it runs on: the versions the
/// loader will check, and the floors they set.
pub struct Portability {
    /// The highest `GLIBC_x.y` needed by a non-weak reference: the oldest
    /// glibc it starts on.
    pub glibc_min: Option<String>,
    /// The floor when weak references count too; `None` when the same.
    pub glibc_min_weak: Option<String>,
    /// The highest `GLIBCXX_` needed (libstdc++).
    pub glibcxx_min: Option<String>,
    /// The highest `CXXABI_` needed (libstdc++).
    pub cxxabi_min: Option<String>,
    /// A dynamic musl binary (needs musl's loader).
    pub musl: bool,
    /// Every needed version (`readelf -V`), with the symbols that need it.
    pub requires: Vec<Requirement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// One needed version: `GLIBC_2.34` from `libc.so.6`.
pub struct Requirement {
    /// The library that must provide it.
    pub library: String,
    /// The version name.
    pub version: String,
    /// Marked `VER_FLG_WEAK`: the loader does not refuse to start without it.
    pub weak: bool,
    /// The undefined symbols bound to this version.
    pub symbols: Vec<String>,
}
