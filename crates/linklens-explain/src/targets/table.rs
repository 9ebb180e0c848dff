//! The targets: what each container base image or distribution release
//! offers a binary. Data, one row per target, each with its source; the
//! names and descriptions are in the catalogue.

use linklens::TargetId;

/// The C library a target has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetLibc {
    /// No C library and no loader (`scratch`, distroless `static`).
    None,
    /// musl with its loader (`/lib/ld-musl-*.so.1`).
    Musl,
    /// musl's C library without its loader (`busybox:musl` is one static binary).
    MuslWithoutLoader,
    /// glibc of this version, with its loader.
    Glibc(&'static str),
}

/// libstdc++ on a target: the newest `GLIBCXX_` and `CXXABI_` it defines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cxx {
    pub glibcxx: &'static str,
    pub cxxabi: &'static str,
    /// In the image as shipped (else it comes with a package).
    pub installed: bool,
}

/// Where the loader finds the C library and libstdc++ there: the path it
/// prints in a version error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LibDir {
    /// Debian's multiarch directory, `/lib/x86_64-linux-gnu/` (ld.so.cache's
    /// entries on Debian, Ubuntu and the images built from Debian).
    Multiarch,
    /// `/lib64/` (Red Hat's and Amazon's layout for 64-bit systems).
    Lib64,
}

/// The files a started program may read, as the image ships them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Files {
    /// `/etc/ssl/certs/ca-certificates.crt` or another path crypto/x509 tries.
    pub ca_bundle: bool,
    /// `/usr/share/zoneinfo`.
    pub zoneinfo: bool,
    /// `/etc/passwd` and `/etc/group`.
    pub accounts: bool,
}

impl Files {
    /// Whether the image ships the file a program reads.
    pub fn has(self, need: linklens::NeedId) -> bool {
        match need {
            linklens::NeedId::CaBundle => self.ca_bundle,
            linklens::NeedId::Zoneinfo => self.zoneinfo,
            linklens::NeedId::Accounts => self.accounts,
            // Docker, Podman and Kubernetes mount /etc/resolv.conf and
            // /etc/hosts into every container, whatever the image holds.
            linklens::NeedId::Hosts => true,
        }
    }
}

const fn files(ca_bundle: bool, zoneinfo: bool, accounts: bool) -> Files {
    Files { ca_bundle, zoneinfo, accounts }
}

const NO_FILES: Files = files(false, false, false);
const ALL_FILES: Files = files(true, true, true);
/// Debian's slim images (`debootstrap --variant=minbase`): tzdata and
/// the account files, no ca-certificates (observed in the roots).
const DEBIAN_FILES: Files = files(false, true, true);
/// Ubuntu's and busybox's images: /etc/passwd and /etc/group only, no
/// tzdata, no ca-certificates.
const ACCOUNTS_ONLY: Files = files(false, false, true);
/// Alpine: ca-certificates-bundle, no tzdata.
const ALPINE_FILES: Files = files(true, false, true);
/// UBI and Amazon Linux: ca-certificates and tzdata come with the image.
const RPM_FILES: Files = ALL_FILES;

#[derive(Debug)]
pub(crate) struct Target {
    pub id: TargetId,
    pub libc: TargetLibc,
    pub cxx: Option<Cxx>,
    /// Libraries in the image besides the C library's own.
    pub extra: &'static [&'static str],
    /// The command that installs a missing library's package, where the
    /// image has a package manager.
    pub install: Option<&'static str>,
    /// GOARCH values the target publishes images for; empty for all.
    pub arches: &'static [&'static str],
    /// Where its C library lives (for glibc targets).
    pub lib_dir: LibDir,
    /// The run-time files it ships.
    pub files: Files,
    /// The distribution and its release, for a row that is one release of
    /// several (`debian` `12`): consecutive rows of one family fold into
    /// `debian-10–12`.
    pub release: Option<Release>,
    /// Where the row's facts come from: the table's documentation, held
    /// by its test (no sentence prints it).
    #[allow(dead_code)]
    pub source: &'static str,
}

/// One release of a distribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Release {
    /// The family, as its ids begin (`debian`).
    pub family: &'static str,
    /// The release, as its ids end (`12`, `24.04`).
    pub release: &'static str,
}

const DEBIAN_ARCHES: &[&str] = &[
    "amd64", "arm", "arm64", "386", "mips64le", "ppc64le", "s390x",
];
const TRIXIE_ARCHES: &[&str] = &[
    "amd64", "arm", "arm64", "386", "ppc64le", "riscv64", "s390x",
];
const UBUNTU_1804_ARCHES: &[&str] = &["amd64", "arm", "arm64", "386", "ppc64le", "s390x"];
const UBUNTU_ARCHES: &[&str] = &["amd64", "arm", "arm64", "ppc64le", "riscv64", "s390x"];
const RHEL_ARCHES: &[&str] = &["amd64", "arm64", "ppc64le", "s390x"];
const DISTROLESS_ARCHES: &[&str] = &["amd64", "arm64", "arm", "s390x", "ppc64le"];
const BUSYBOX_ARCHES: &[&str] = &[
    "amd64", "arm", "arm64", "386", "mips64le", "ppc64le", "riscv64", "s390x",
];
const BUSYBOX_GLIBC_ARCHES: &[&str] = &[
    "amd64", "arm", "arm64", "386", "mips64le", "ppc64le", "s390x",
];
const ALPINE_ARCHES: &[&str] = &[
    "amd64", "arm", "arm64", "386", "ppc64le", "riscv64", "s390x", "loong64",
];
const AMAZON_ARCHES: &[&str] = &["amd64", "arm64"];

/// The libraries of Debian's slim images beyond glibc's and libstdc++'s
/// (`debootstrap --variant=minbase`, listed from the roots `cargo xtask
/// observe` makes).
const BULLSEYE_LIBRARIES: &[&str] = &[
    "libz.so.1",
    "libzstd.so.1",
    "liblzma.so.5",
    "libbz2.so.1.0",
    "libselinux.so.1",
    "libsystemd.so.0",
    "libudev.so.1",
    "libpcre2-8.so.0",
    "libgmp.so.10",
    "libseccomp.so.2",
    "libxxhash.so.0",
    "libcap-ng.so.0",
    "libssl.so.1.1",
    "libcrypto.so.1.1",
    "libgcrypt.so.20",
    "libffi.so.7",
];
const BOOKWORM_LIBRARIES: &[&str] = &[
    "libz.so.1",
    "libzstd.so.1",
    "liblzma.so.5",
    "libbz2.so.1.0",
    "libselinux.so.1",
    "libsystemd.so.0",
    "libudev.so.1",
    "libpcre2-8.so.0",
    "libgmp.so.10",
    "libseccomp.so.2",
    "libxxhash.so.0",
    "libcap-ng.so.0",
    "libgcrypt.so.20",
    "libffi.so.8",
    "libcap.so.2",
    "libmd.so.0",
];
const TRIXIE_LIBRARIES: &[&str] = &[
    "libz.so.1",
    "libzstd.so.1",
    "liblzma.so.5",
    "libbz2.so.1.0",
    "libselinux.so.1",
    "libsystemd.so.0",
    "libudev.so.1",
    "libpcre2-8.so.0",
    "libgmp.so.10",
    "libseccomp.so.2",
    "libxxhash.so.0",
    "libcap-ng.so.0",
    "libssl.so.3",
    "libcrypto.so.3",
    "libsqlite3.so.0",
    "libcap.so.2",
    "libmd.so.0",
];

const fn cxx(glibcxx: &'static str, cxxabi: &'static str) -> Option<Cxx> {
    Some(Cxx {
        glibcxx,
        cxxabi,
        installed: true,
    })
}

const PEP600: &str = "https://github.com/mayeut/pep600_compliance (cache/<arch>/<distro>.json: glibc_version, GLIBCXX, CXXABI)";
const HUB: &str =
    "https://github.com/docker-library/official-images/tree/master/library (Architectures)";
const DISTROLESS: &str = "https://github.com/GoogleContainerTools/distroless (base/README.md, cc/README.md; architectures in each image's README)";
const APT: &str = "apt-get update && apt-get install -y";
const DNF: &str = "dnf install -y";
const YUM: &str = "yum install -y";

/// Every target, in the order reports list them.
pub(crate) static TARGETS: &[Target] = &[
    Target { id: TargetId::Scratch, release: None, libc: TargetLibc::None, cxx: None, extra: &[], install: None, arches: &[], lib_dir: LibDir::Multiarch, files: NO_FILES, source: "https://docs.docker.com/build/building/base-images/#create-a-minimal-base-image-using-scratch" },
    Target { id: TargetId::DistrolessStatic, release: None, libc: TargetLibc::None, cxx: None, extra: &[], install: None, arches: DISTROLESS_ARCHES, lib_dir: LibDir::Multiarch, files: ALL_FILES, source: DISTROLESS },
    Target { id: TargetId::DistrolessBaseDebian12, release: None, libc: TargetLibc::Glibc("2.36"), cxx: None, extra: &["libssl.so.3", "libcrypto.so.3"], install: None, arches: DISTROLESS_ARCHES, lib_dir: LibDir::Multiarch, files: ALL_FILES, source: DISTROLESS },
    Target { id: TargetId::DistrolessCcDebian12, release: None, libc: TargetLibc::Glibc("2.36"), cxx: cxx("3.4.30", "1.3.13"), extra: &["libssl.so.3", "libcrypto.so.3", "libgomp.so.1"], install: None, arches: DISTROLESS_ARCHES, lib_dir: LibDir::Multiarch, files: ALL_FILES, source: DISTROLESS },
    Target { id: TargetId::BusyboxMusl, release: None, libc: TargetLibc::MuslWithoutLoader, cxx: None, extra: &[], install: None, arches: BUSYBOX_ARCHES, lib_dir: LibDir::Multiarch, files: ACCOUNTS_ONLY, source: "https://github.com/docker-library/busybox (musl variant: a static busybox, no /lib/ld-musl-*)" },
    Target { id: TargetId::BusyboxGlibc, release: None, libc: TargetLibc::Glibc("2.36"), cxx: None, extra: &[], install: None, arches: BUSYBOX_GLIBC_ARCHES, lib_dir: LibDir::Multiarch, files: ACCOUNTS_ONLY, source: "https://github.com/docker-library/busybox (glibc variant: Debian bookworm's libc6)" },
    Target { id: TargetId::Alpine, release: None, libc: TargetLibc::Musl, cxx: None, extra: &[], install: Some("apk add --no-cache"), arches: ALPINE_ARCHES, lib_dir: LibDir::Multiarch, files: ALPINE_FILES, source: HUB },
    Target { id: TargetId::Debian10, release: Some(Release { family: "debian", release: "10" }), libc: TargetLibc::Glibc("2.28"), cxx: cxx("3.4.25", "1.3.11"), extra: &[], install: Some(APT), arches: DEBIAN_ARCHES, lib_dir: LibDir::Multiarch, files: DEBIAN_FILES, source: PEP600 },
    Target { id: TargetId::Debian11, release: Some(Release { family: "debian", release: "11" }), libc: TargetLibc::Glibc("2.31"), cxx: cxx("3.4.28", "1.3.12"), extra: BULLSEYE_LIBRARIES, install: Some(APT), arches: DEBIAN_ARCHES, lib_dir: LibDir::Multiarch, files: DEBIAN_FILES, source: PEP600 },
    Target { id: TargetId::Debian12, release: Some(Release { family: "debian", release: "12" }), libc: TargetLibc::Glibc("2.36"), cxx: cxx("3.4.30", "1.3.13"), extra: BOOKWORM_LIBRARIES, install: Some(APT), arches: DEBIAN_ARCHES, lib_dir: LibDir::Multiarch, files: DEBIAN_FILES, source: PEP600 },
    Target { id: TargetId::Debian13, release: Some(Release { family: "debian", release: "13" }), libc: TargetLibc::Glibc("2.41"), cxx: cxx("3.4.33", "1.3.15"), extra: TRIXIE_LIBRARIES, install: Some(APT), arches: TRIXIE_ARCHES, lib_dir: LibDir::Multiarch, files: DEBIAN_FILES, source: PEP600 },
    Target { id: TargetId::Ubuntu1804, release: Some(Release { family: "ubuntu", release: "18.04" }), libc: TargetLibc::Glibc("2.27"), cxx: cxx("3.4.25", "1.3.11"), extra: &[], install: Some(APT), arches: UBUNTU_1804_ARCHES, lib_dir: LibDir::Multiarch, files: ACCOUNTS_ONLY, source: PEP600 },
    Target { id: TargetId::Ubuntu2004, release: Some(Release { family: "ubuntu", release: "20.04" }), libc: TargetLibc::Glibc("2.31"), cxx: cxx("3.4.28", "1.3.12"), extra: &[], install: Some(APT), arches: UBUNTU_ARCHES, lib_dir: LibDir::Multiarch, files: ACCOUNTS_ONLY, source: PEP600 },
    Target { id: TargetId::Ubuntu2204, release: Some(Release { family: "ubuntu", release: "22.04" }), libc: TargetLibc::Glibc("2.35"), cxx: cxx("3.4.30", "1.3.13"), extra: &[], install: Some(APT), arches: UBUNTU_ARCHES, lib_dir: LibDir::Multiarch, files: ACCOUNTS_ONLY, source: PEP600 },
    Target { id: TargetId::Ubuntu2404, release: Some(Release { family: "ubuntu", release: "24.04" }), libc: TargetLibc::Glibc("2.39"), cxx: cxx("3.4.33", "1.3.15"), extra: &[], install: Some(APT), arches: UBUNTU_ARCHES, lib_dir: LibDir::Multiarch, files: ACCOUNTS_ONLY, source: PEP600 },
    Target { id: TargetId::Rhel7, release: Some(Release { family: "rhel", release: "7" }), libc: TargetLibc::Glibc("2.17"), cxx: cxx("3.4.19", "1.3.7"), extra: &[], install: Some(YUM), arches: &["amd64", "ppc64le", "s390x"], lib_dir: LibDir::Lib64, files: RPM_FILES, source: PEP600 },
    Target { id: TargetId::Rhel8, release: Some(Release { family: "rhel", release: "8" }), libc: TargetLibc::Glibc("2.28"), cxx: cxx("3.4.25", "1.3.11"), extra: &[], install: Some(DNF), arches: RHEL_ARCHES, lib_dir: LibDir::Lib64, files: RPM_FILES, source: PEP600 },
    Target { id: TargetId::Rhel9, release: Some(Release { family: "rhel", release: "9" }), libc: TargetLibc::Glibc("2.34"), cxx: cxx("3.4.29", "1.3.13"), extra: &[], install: Some(DNF), arches: RHEL_ARCHES, lib_dir: LibDir::Lib64, files: RPM_FILES, source: PEP600 },
    Target { id: TargetId::Rhel10, release: Some(Release { family: "rhel", release: "10" }), libc: TargetLibc::Glibc("2.39"), cxx: cxx("3.4.33", "1.3.15"), extra: &[], install: Some(DNF), arches: RHEL_ARCHES, lib_dir: LibDir::Lib64, files: RPM_FILES, source: PEP600 },
    Target { id: TargetId::AmazonLinux2, release: Some(Release { family: "amazonlinux", release: "2" }), libc: TargetLibc::Glibc("2.26"), cxx: cxx("3.4.24", "1.3.11"), extra: &[], install: Some(YUM), arches: AMAZON_ARCHES, lib_dir: LibDir::Lib64, files: RPM_FILES, source: PEP600 },
    Target { id: TargetId::AmazonLinux2023, release: Some(Release { family: "amazonlinux", release: "2023" }), libc: TargetLibc::Glibc("2.34"), cxx: cxx("3.4.33", "1.3.15"), extra: &[], install: Some(DNF), arches: AMAZON_ARCHES, lib_dir: LibDir::Lib64, files: RPM_FILES, source: PEP600 },
];


/// The path the loader prints for `library` on the target.
pub(crate) fn library_path(t: &Target, goarch: &str, library: &str) -> String {
    match (t.lib_dir, linklens::arch::debian_multiarch(goarch)) {
        (LibDir::Multiarch, Some(tuple)) => format!("/lib/{tuple}/{library}"),
        (LibDir::Multiarch, None) => format!("/lib/{library}"),
        (LibDir::Lib64, _) => format!("/lib64/{library}"),
    }
}

/// The packages that ship a library, by distribution family: Debian and
/// Ubuntu (`apt-get`), Red Hat and Amazon (`dnf`, `yum`), Alpine (`apk`).
pub(crate) struct Package {
    pub library: &'static str,
    pub deb: &'static str,
    pub rpm: &'static str,
    pub apk: &'static str,
}

/// The libraries Go programs' cgo dependencies commonly need.
pub(crate) static PACKAGES: &[Package] = &[
    Package {
        library: "libsqlite3.so.0",
        deb: "libsqlite3-0",
        rpm: "sqlite-libs",
        apk: "sqlite-libs",
    },
    Package {
        library: "libstdc++.so.6",
        deb: "libstdc++6",
        rpm: "libstdc++",
        apk: "libstdc++",
    },
    Package {
        library: "libgcc_s.so.1",
        deb: "libgcc-s1",
        rpm: "libgcc",
        apk: "libgcc",
    },
    Package {
        library: "libz.so.1",
        deb: "zlib1g",
        rpm: "zlib",
        apk: "zlib",
    },
    Package {
        library: "libssl.so.3",
        deb: "libssl3",
        rpm: "openssl-libs",
        apk: "libssl3",
    },
    Package {
        library: "libcrypto.so.3",
        deb: "libssl3",
        rpm: "openssl-libs",
        apk: "libcrypto3",
    },
    Package {
        library: "libasan.so.8",
        deb: "libasan8",
        rpm: "libasan",
        apk: "libasan",
    },
    Package {
        library: "libpcap.so.0.8",
        deb: "libpcap0.8",
        rpm: "libpcap",
        apk: "libpcap",
    },
    Package {
        library: "libsystemd.so.0",
        deb: "libsystemd0",
        rpm: "systemd-libs",
        apk: "",
    },
    Package {
        library: "libzstd.so.1",
        deb: "libzstd1",
        rpm: "libzstd",
        apk: "zstd-libs",
    },
];

/// The package that ships `library` where `install` is the package tool.
pub(crate) fn package_of(library: &str, install: &str) -> Option<&'static str> {
    let p = PACKAGES.iter().find(|p| p.library == library)?;
    let name = match install {
        i if i.starts_with("apt") => p.deb,
        i if i.starts_with("apk") => p.apk,
        _ => p.rpm,
    };
    (!name.is_empty()).then_some(name)
}

/// The glibc of a target, if it has glibc.
pub fn glibc_of(id: TargetId) -> Option<&'static str> {
    match TARGETS[id as usize].libc {
        TargetLibc::Glibc(v) => Some(v),
        _ => None,
    }
}

/// Libraries that come with glibc itself (its loader is matched apart).
pub(crate) const GLIBC_LIBRARIES: &[&str] = &[
    "libc.so.6",
    "libm.so.6",
    "libpthread.so.0",
    "libdl.so.2",
    "librt.so.1",
    "libresolv.so.2",
    "libutil.so.1",
    "libanl.so.1",
    "libnsl.so.1",
    "libmvec.so.1",
    "libBrokenLocale.so.1",
    "libc_malloc_debug.so.0",
    "libthread_db.so.1",
];

/// The C++ runtime: in an image only with libstdc++.
pub(crate) const CXX_LIBRARIES: &[&str] = &["libstdc++.so.6", "libgcc_s.so.1"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_release_is_its_ids_spelling() {
        for row in TARGETS {
            if let Some(r) = row.release {
                assert_eq!(
                    row.id.as_str(),
                    format!("{}-{}", r.family, r.release),
                    "{}",
                    row.id
                );
            }
        }
    }

    #[test]
    fn one_row_per_id_in_id_order() {
        assert_eq!(TARGETS.len(), TargetId::ALL.len());
        for (row, id) in TARGETS.iter().zip(TargetId::ALL) {
            assert_eq!(row.id, *id);
            assert!(row.source.starts_with("https://"), "{id}: a source per row");
        }
        assert_eq!(glibc_of(TargetId::Debian11), Some("2.31"));
        assert_eq!(glibc_of(TargetId::Rhel7), Some("2.17"));
        assert_eq!(glibc_of(TargetId::Alpine), None);
        assert_eq!(glibc_of(TargetId::Scratch), None);
    }

    #[test]
    fn arches_are_go_names() {
        for row in TARGETS {
            for a in row.arches {
                assert!(
                    linklens::arch::from_goarch(a).is_some(),
                    "{}: {a} is not a GOARCH of the arch table",
                    row.id
                );
            }
        }
    }
}
