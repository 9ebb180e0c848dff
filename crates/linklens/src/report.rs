//! The `Report`: everything linklens concludes about one file, with the
//! evidence for each conclusion. Its JSON form is the contract shared by the
//! CLI and the web app; bump [`SCHEMA_VERSION`] when a field changes meaning.

use serde::{Deserialize, Serialize};

/// Version of the JSON shape of [`Report`].
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    /// Size of the input in bytes.
    pub size: u64,
    pub format: Format,
    pub arch: Arch,
    pub bits: u8,
    pub endian: Endian,
    pub kind: Kind,
    /// The verdict, by the rule `file` uses (see `elf::linkage`).
    pub linkage: Linkage,
    /// A one-line description in the spirit of `file`.
    pub summary: String,
    /// One sentence: why the verdict is what it is.
    pub headline: String,
    /// What the dynamic loader is asked for; empty for static files.
    pub dynamic: Dynamic,
    pub libc: Libc,
    /// Undefined dynamic symbols, each tagged with the cause it points to.
    pub imports: Vec<Import>,
    /// `None` for files that are not Go.
    pub go: Option<GoInfo>,
    pub toolchain: Toolchain,
    /// Every cgo component linked in, whether or not it made the file dynamic.
    pub causes: Vec<Cause>,
    pub warnings: Vec<Warning>,
    /// Rebuild recipes, recommended first. Empty when nothing needs fixing.
    pub fixes: Vec<Fix>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Elf,
    Macho,
    Pe,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arch {
    /// The machine as `file` names it: `x86-64`, `ARM aarch64`, `IBM S/390`…
    pub machine: String,
    /// Go's name for it (`amd64`, `arm64`, `386`…), where Go has one.
    pub goarch: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Endian {
    Little,
    Big,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Executable,
    PieExecutable,
    SharedObject,
    Relocatable,
    Core,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Linkage {
    Static,
    StaticPie,
    Dynamic,
}

impl Linkage {
    pub fn as_str(self) -> &'static str {
        match self {
            Linkage::Static => "static",
            Linkage::StaticPie => "static-pie",
            Linkage::Dynamic => "dynamic",
        }
    }
    /// Static and static-pie files need nothing from the system at run time.
    pub fn is_static(self) -> bool {
        !matches!(self, Linkage::Dynamic)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dynamic {
    /// `PT_INTERP` (ELF) or `LC_LOAD_DYLINKER` (Mach-O).
    pub interpreter: Option<String>,
    /// `DT_NEEDED` in file order; Mach-O dylibs; PE DLLs.
    pub needed: Vec<String>,
    pub rpath: Vec<String>,
    pub runpath: Vec<String>,
    /// `PT_DYNAMIC` present.
    pub has_dynamic_section: bool,
    /// `DF_1_PIE` set in `DT_FLAGS_1`.
    pub pie_flag: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Libc {
    pub name: LibcName,
    /// What the libc was inferred from (interpreter, library, note, symbol…).
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LibcName {
    Glibc,
    Musl,
    /// No C library linked at all (pure Go, internally linked).
    None,
    Unknown,
}

impl LibcName {
    pub fn as_str(self) -> &'static str {
        match self {
            LibcName::Glibc => "glibc",
            LibcName::Musl => "musl",
            LibcName::None => "none",
            LibcName::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Import {
    pub name: String,
    /// Symbol version (`GLIBC_2.34`), where the file records one.
    pub version: Option<String>,
    /// Library that provides the version, from the version-needed table.
    pub library: Option<String>,
    pub weak: bool,
    pub cause: Option<CauseId>,
}

/// One fact found in the file, named precisely enough to check by hand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: EvidenceKind,
    pub value: String,
}

impl Evidence {
    pub fn new(kind: EvidenceKind, value: impl Into<String>) -> Self {
        Evidence { kind, value: value.into() }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    /// A Go function name from the pclntab (survives stripping).
    Function,
    /// An undefined dynamic symbol.
    Import,
    /// A `DT_NEEDED` library (or a Mach-O dylib / PE DLL).
    Library,
    /// The `PT_INTERP` path.
    Interpreter,
    /// A Go build setting or build-info line.
    Setting,
    /// A section or segment, or its absence.
    Section,
    /// A dynamic-section flag.
    Flag,
    /// A string or symbol found in the file.
    Symbol,
    /// An ELF note.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoInfo {
    pub detected_by: GoDetection,
    /// `go1.26.8`; from the build info, else `None`.
    pub version: Option<String>,
    /// The main package path (`path` line).
    pub path: Option<String>,
    pub main: Option<Module>,
    pub deps: Vec<Module>,
    /// The `build` lines as recorded, in order.
    pub settings: Vec<Setting>,
    pub build: BuildSettings,
    pub pclntab: Option<Pclntab>,
    pub cgo_packages: Vec<CgoPackage>,
    /// Where the build info sits, when it was found.
    pub buildinfo_location: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GoDetection {
    Buildinfo,
    Pclntab,
    Both,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub path: String,
    pub version: String,
    pub sum: Option<String>,
    pub replace: Option<Box<Module>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setting {
    pub key: String,
    pub value: String,
}

/// The build settings that matter for linking, typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildSettings {
    /// `CGO_ENABLED`: cgo was *available*, not necessarily used.
    pub cgo_enabled: Option<bool>,
    pub tags: Vec<String>,
    /// `-ldflags` (absent when the build used `-trimpath`).
    pub ldflags: Option<String>,
    pub trimpath: bool,
    pub buildmode: Option<String>,
    pub compiler: Option<String>,
    pub goos: Option<String>,
    pub goarch: Option<String>,
    /// `GOAMD64=v3`, `GOARM=7`…: the key and value.
    pub arch_level: Option<Setting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pclntab {
    /// Go versions that use this table layout, e.g. `go1.20+`.
    pub version: String,
    pub magic: String,
    /// Section name, or where the header was found by scanning.
    pub location: String,
    pub offset: u64,
    pub nfunc: u64,
    pub ptrsize: u8,
    pub quantum: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CgoPackage {
    pub package: String,
    /// How many `_Cfunc_`/`_C2func_`/`_C_` functions it has.
    pub count: u64,
    /// A few of them, sorted.
    pub functions: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toolchain {
    /// The language the file was written in, as far as it shows.
    pub language: Option<String>,
    /// `.comment` strings (`GCC: (Debian 12.2.0-14) 12.2.0`, `Linker: LLD 18`…).
    pub comments: Vec<String>,
    /// glibc's `.note.ABI-tag`: `GNU/Linux 3.2.0`.
    pub abi_tag: Option<String>,
    pub gnu_build_id: Option<String>,
    pub go_build_id: Option<String>,
    /// `runtime/cgo` is linked (the C half of cgo).
    pub runtime_cgo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum CauseId {
    #[serde(rename = "dns")]
    Dns,
    #[serde(rename = "osuser")]
    OsUser,
    #[serde(rename = "cgo-own")]
    CgoOwn,
    #[serde(rename = "cgo-dep")]
    CgoDep,
    #[serde(rename = "pie-interp")]
    PieInterp,
    #[serde(rename = "plugin")]
    Plugin,
    #[serde(rename = "non-go")]
    NonGo,
}

impl CauseId {
    pub const ALL: [CauseId; 7] = [
        CauseId::Dns,
        CauseId::OsUser,
        CauseId::CgoOwn,
        CauseId::CgoDep,
        CauseId::PieInterp,
        CauseId::Plugin,
        CauseId::NonGo,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            CauseId::Dns => "dns",
            CauseId::OsUser => "osuser",
            CauseId::CgoOwn => "cgo-own",
            CauseId::CgoDep => "cgo-dep",
            CauseId::PieInterp => "pie-interp",
            CauseId::Plugin => "plugin",
            CauseId::NonGo => "non-go",
        }
    }
    pub fn parse(s: &str) -> Option<CauseId> {
        CauseId::ALL.into_iter().find(|c| c.as_str() == s)
    }
    /// Causes that bring C code (and so a libc) into a Go binary.
    pub fn is_cgo(self) -> bool {
        matches!(
            self,
            CauseId::Dns | CauseId::OsUser | CauseId::CgoOwn | CauseId::CgoDep | CauseId::Plugin
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cause {
    pub id: CauseId,
    /// From the catalogue.
    pub title: String,
    pub package: Option<String>,
    pub module: Option<String>,
    pub version: Option<String>,
    /// Did this cause make *this* file dynamic? (False when the C code was
    /// linked statically, e.g. with musl.)
    pub makes_dynamic: bool,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable id; also a catalogue topic where one exists.
    pub id: String,
    pub message: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    /// Stable id, from the fix catalogue.
    pub id: String,
    pub title: String,
    /// The exact shell command.
    pub command: String,
    /// Notes about how the command was derived from this binary.
    pub notes: Vec<String>,
    pub caveats: Vec<String>,
    /// How to check the result.
    pub verify: Vec<String>,
}
