//! The Go build info as `go version -m` prints it: the version line, then
//! tab-separated `path`, `mod`, `dep` (with `=>` for a replacement) and
//! `build` lines, a setting's value quoted as Go quotes it when it holds
//! a space, a tab or a quote.

use linklens::GoInfo;

use super::labels;

/// `go version -m`'s lines for `g` (without the file name it starts with).
pub fn go_version_m(g: &GoInfo) -> String {
    let none = if g.detected_by == linklens::GoDetection::GccgoModinfo { labels::GCCGO_BUILDINFO } else { labels::NO_BUILDINFO };
    let mut lines = vec![g.version.clone().unwrap_or_else(|| none.to_string())];
    if let Some(p) = &g.path {
        lines.push(format!("\tpath\t{p}"));
    }
    if let Some(m) = &g.main {
        lines.push(format!("\tmod\t{}\t{}\t{}", m.path, m.version, m.sum.as_deref().unwrap_or("")));
    }
    for dep in &g.deps {
        lines.push(format!("\tdep\t{}\t{}\t{}", dep.path, dep.version, dep.sum.as_deref().unwrap_or("")));
        if let Some(rep) = &dep.replace {
            lines.push(format!("\t=>\t{}\t{}\t{}", rep.path, rep.version, rep.sum.as_deref().unwrap_or("")));
        }
    }
    for s in &g.settings {
        let v = if s.value.contains([' ', '\t', '"']) { linklens::go::quoted::quote(&s.value) } else { s.value.clone() };
        lines.push(format!("\tbuild\t{}={v}", s.key));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_as_go_prints_them() {
        let mut g = linklens::fuzzing::support::go_info("example.com/app/cmd/x", &[("-ldflags", "-s -w"), ("CGO_ENABLED", "0")]);
        g.deps = vec![linklens::Module {
            path: "golang.org/x/sys".into(),
            version: "v0.1.0".into(),
            sum: Some("h1:x".into()),
            replace: Some(Box::new(linklens::Module { path: "../sys".into(), version: "(devel)".into(), sum: None, replace: None })),
        }];
        assert_eq!(
            go_version_m(&g),
            "go1.26.8\n\tpath\texample.com/app/cmd/x\n\tmod\texample.com/app\t(devel)\t\n\tdep\tgolang.org/x/sys\tv0.1.0\th1:x\n\t=>\t../sys\t(devel)\t\n\tbuild\t-ldflags=\"-s -w\"\n\tbuild\tCGO_ENABLED=0"
        );
        g.version = None;
        assert!(go_version_m(&g).starts_with(labels::NO_BUILDINFO));
        g.detected_by = linklens::GoDetection::GccgoModinfo;
        assert!(go_version_m(&g).starts_with(labels::GCCGO_BUILDINFO));
    }
}
