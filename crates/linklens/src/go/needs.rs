//! The files a started Go program still reads from the system, told by the
//! functions it links: the linker keeps only what the program can reach,
//! so `time.LoadLocation` in the pclntab means a zone is loaded by name
//! somewhere.

use crate::facts::{Evidence, EvidenceKind, Need, NeedId};

/// crypto/x509 reading the system's roots (root_unix.go), then the pool it fills.
const CA_ROOTS: [&[u8]; 2] = [
    b"crypto/x509.loadSystemRoots",
    b"crypto/x509.systemRootsPool",
];
/// Roots embedded in the program: the system's are then a fallback only.
const EMBEDDED_ROOTS: &[u8] = b"golang.org/x/crypto/x509roots/fallback.";
const LOAD_LOCATION: &[u8] = b"time.LoadLocation";
/// `-tags timetzdata` or `import _ "time/tzdata"`: zoneinfo inside the program.
const EMBEDDED_TZDATA: &[u8] = b"time/tzdata.";
/// os/user's exported lookups (`Current` falls back to $USER and $HOME).
const ACCOUNT_LOOKUPS: [&[u8]; 2] = [b"os/user.Lookup", b"os/user.(*User).GroupIds"];
/// Every host name lookup goes through it, Go's resolver or cgo's (and so
/// does every dial or listen on a name: `net.Listen("tcp", ":80")` links it).
const LOOKUP_HOSTS: &[u8] = b"net.(*Resolver).lookupIPAddr";

/// What the names showed, one name at a time or from a whole table.
#[derive(Debug, Default, Clone)]
pub(crate) struct Seen {
    ca_roots: Option<String>,
    embedded_roots: bool,
    load_location: Option<String>,
    embedded_tzdata: bool,
    accounts: Option<String>,
    hosts: Option<String>,
}

fn keep(slot: &mut Option<String>, name: &[u8]) {
    if slot.is_none() {
        *slot = Some(String::from_utf8_lossy(name).into_owned());
    }
}

impl Seen {
    /// Look at one function name.
    pub fn name(&mut self, name: &[u8]) {
        if CA_ROOTS.contains(&name) {
            keep(&mut self.ca_roots, name);
        } else if name == LOAD_LOCATION {
            keep(&mut self.load_location, name);
        } else if ACCOUNT_LOOKUPS.iter().any(|p| name.starts_with(p)) {
            keep(&mut self.accounts, name);
        } else if name == LOOKUP_HOSTS {
            keep(&mut self.hosts, name);
        }
        self.embedded_roots |= name.starts_with(EMBEDDED_ROOTS);
        self.embedded_tzdata |= name.starts_with(EMBEDDED_TZDATA);
    }

    /// Look at every name of a table, through `starting_with` (the names
    /// that begin with a prefix): a few memmem passes, not one per name.
    pub fn table<'t, I: Iterator<Item = &'t [u8]>>(starting_with: impl Fn(&'t [u8]) -> I) -> Self {
        let mut seen = Seen::default();
        for prefix in CA_ROOTS
            .iter()
            .chain([&LOAD_LOCATION, &EMBEDDED_ROOTS, &EMBEDDED_TZDATA, &LOOKUP_HOSTS])
            .chain(ACCOUNT_LOOKUPS.iter())
        {
            for name in starting_with(prefix) {
                seen.name(name);
            }
        }
        seen
    }

    /// The needs, in `NeedId` order.
    pub fn needs(self) -> Vec<Need> {
        let function = |id, name: Option<String>| {
            name.map(|n| Need {
                id,
                evidence: Evidence::new(EvidenceKind::Function, n),
            })
        };
        [
            function(
                NeedId::CaBundle,
                self.ca_roots.filter(|_| !self.embedded_roots),
            ),
            function(
                NeedId::Zoneinfo,
                self.load_location.filter(|_| !self.embedded_tzdata),
            ),
            function(NeedId::Accounts, self.accounts),
            function(NeedId::Hosts, self.hosts),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(names: &[&str]) -> Vec<(NeedId, String)> {
        let mut seen = Seen::default();
        names.iter().for_each(|n| seen.name(n.as_bytes()));
        seen.needs()
            .into_iter()
            .map(|n| (n.id, n.evidence.value))
            .collect()
    }

    #[test]
    fn each_need_by_its_function_and_none_when_embedded() {
        assert_eq!(
            of(&[
                "main.main",
                "os/user.LookupId",
                "time.LoadLocation",
                "crypto/x509.systemRootsPool",
                "crypto/x509.loadSystemRoots",
                "net.(*Resolver).lookupIPAddr.func1",
                "net.(*Resolver).lookupIPAddr"
            ]),
            vec![
                (NeedId::CaBundle, "crypto/x509.systemRootsPool".to_string()),
                (NeedId::Zoneinfo, "time.LoadLocation".to_string()),
                (NeedId::Accounts, "os/user.LookupId".to_string()),
                (NeedId::Hosts, "net.(*Resolver).lookupIPAddr".to_string()),
            ]
        );
        assert_eq!(
            of(&["time.LoadLocation", "time/tzdata.loadFromEmbeddedTZData"]),
            vec![]
        );
        assert_eq!(
            of(&[
                "crypto/x509.loadSystemRoots",
                "golang.org/x/crypto/x509roots/fallback.init.0"
            ]),
            vec![]
        );
        // Near names are not the function.
        assert_eq!(
            of(&[
                "time.LoadLocationFromTZData",
                "os/user.Current",
                "crypto/x509.loadSystemRootsX",
                "net.(*Resolver).lookupIPAddr.func1"
            ]),
            vec![]
        );
    }
}
