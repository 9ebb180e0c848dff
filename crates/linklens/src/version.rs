//! Version numbers as numbers, so that 2.4 < 2.17 < 2.34: library version
//! names (`GLIBC_2.34`, `GLIBCXX_3.4.30`), glibc releases, Go releases.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
/// A dotted version (`2.34`, `3.4.30`, `1.26.8`), ordered by its numbers.
pub struct Version(Vec<u32>);

/// A version name from glibc's loader that is not numbered: the release
/// that introduced it stands in for it. `GLIBC_ABI_DT_RELR` (2.36) is
/// needed by files linked with `-z pack-relative-relocs`.
const NAMED: &[(&str, &str)] = &[("GLIBC_ABI_DT_RELR", "2.36")];

impl Version {
    /// `2.34` → [2, 34]; `None` unless all parts are numbers.
    pub fn parse(s: &str) -> Option<Version> {
        let parts: Option<Vec<u32>> = s.split('.').take(8).map(|p| p.parse().ok()).collect();
        parts.filter(|p| !p.is_empty()).map(Version)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(u32::to_string).collect();
        f.write_str(&parts.join("."))
    }
}

/// The number of a version name with `prefix` (`GLIBC_2.34` → 2.34);
/// `None` for another family or `GLIBC_PRIVATE`.
pub fn of(prefix: &str, name: &str) -> Option<Version> {
    if let Some((_, v)) = NAMED.iter().find(|(n, _)| *n == name && name.starts_with(prefix)) {
        return Version::parse(v);
    }
    Version::parse(name.strip_prefix(prefix)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_as_numbers() {
        assert!(of("GLIBC_", "GLIBC_2.4") < of("GLIBC_", "GLIBC_2.17"));
        assert!(of("GLIBC_", "GLIBC_2.17") < of("GLIBC_", "GLIBC_2.34"));
        assert!(of("GLIBC_", "GLIBC_2.2.5") < of("GLIBC_", "GLIBC_2.3"));
        assert_eq!(of("GLIBC_", "GLIBC_PRIVATE"), None);
        assert_eq!(of("GLIBC_", "GLIBCXX_3.4.30"), None);
        assert_eq!(of("GLIBCXX_", "GLIBCXX_3.4.30").map(|v| v.to_string()), Some("3.4.30".into()));
        assert_eq!(of("GLIBC_", "GLIBC_ABI_DT_RELR").map(|v| v.to_string()), Some("2.36".into()));
        assert_eq!(of("GLIBC_", "GLIBC_2."), None);
        assert_eq!(of("GCC_", "GCC_3.0").map(|v| v.to_string()), Some("3.0".into()));
    }
}
