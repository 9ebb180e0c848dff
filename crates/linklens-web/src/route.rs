//! Hash routes, so `dist/` works on any static host and a link can point at
//! one cause, one guide question or one sample: `#/cause/dns`,
//! `#/guide/zig`, `#/sample/lookuphost`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Causes,
    Cause(String),
    Guide(Option<String>),
    Sample(String),
    /// A shared report, carried in the fragment (`#/r/<payload>`).
    Shared(String),
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["causes"] => Route::Causes,
            ["cause", id] => Route::Cause(id.to_string()),
            ["guide"] => Route::Guide(None),
            ["guide", q] => Route::Guide(Some(q.to_string())),
            ["sample", s] => Route::Sample(s.to_string()),
            ["r", payload] => Route::Shared(payload.to_string()),
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Causes => "#/causes".into(),
            Route::Cause(id) => format!("#/cause/{id}"),
            Route::Guide(None) => "#/guide".into(),
            Route::Guide(Some(q)) => format!("#/guide/{q}"),
            Route::Sample(s) => format!("#/sample/{s}"),
            Route::Shared(p) => format!("#/r/{p}"),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_and_prints() {
        for r in [
            Route::Home,
            Route::Causes,
            Route::Cause("dns".into()),
            Route::Guide(None),
            Route::Guide(Some("zig".into())),
            Route::Sample("lookuphost".into()),
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#cause/dns/"), Route::Cause("dns".into()));
        assert_eq!(Route::parse("#/nope/x/y"), Route::NotFound("nope/x/y".into()));
    }
}
