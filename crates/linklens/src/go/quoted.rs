//! Go's quoting rules: `strconv.Unquote` for build-info values, and
//! `cmd/internal/quoted.Split` for flag lists such as `-ldflags`.

/// Undo `strconv.Quote` on a double-quoted or back-quoted Go string.
/// Returns `None` for malformed input.
pub fn unquote(s: &str) -> Option<String> {
    if let Some(raw) = s.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        return (!raw.contains('`')).then(|| raw.replace('\r', ""));
    }
    let body = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut bytes: Vec<u8> = Vec::new(); // pending \x and octal bytes
    let mut chars = body.chars();
    let flush = |bytes: &mut Vec<u8>, out: &mut String| {
        if !bytes.is_empty() {
            out.push_str(&String::from_utf8_lossy(bytes));
            bytes.clear();
        }
    };
    while let Some(c) = chars.next() {
        if c == '"' || c == '\n' {
            return None;
        }
        if c != '\\' {
            flush(&mut bytes, &mut out);
            out.push(c);
            continue;
        }
        let esc = chars.next()?;
        let simple = match esc {
            'a' => Some('\x07'),
            'b' => Some('\x08'),
            'f' => Some('\x0c'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\x0b'),
            '\\' => Some('\\'),
            '"' => Some('"'),
            '\'' => Some('\''),
            _ => None,
        };
        if let Some(c) = simple {
            flush(&mut bytes, &mut out);
            out.push(c);
            continue;
        }
        let hex = |chars: &mut core::str::Chars, n: usize| -> Option<u32> {
            let digits: String = chars.by_ref().take(n).collect();
            (digits.len() == n).then_some(())?;
            u32::from_str_radix(&digits, 16).ok()
        };
        match esc {
            'x' => bytes.push(u8::try_from(hex(&mut chars, 2)?).ok()?),
            'u' => {
                flush(&mut bytes, &mut out);
                out.push(char::from_u32(hex(&mut chars, 4)?)?);
            }
            'U' => {
                flush(&mut bytes, &mut out);
                out.push(char::from_u32(hex(&mut chars, 8)?)?);
            }
            '0'..='7' => {
                let rest: String = chars.by_ref().take(2).collect();
                let v = u32::from_str_radix(&format!("{esc}{rest}"), 8).ok()?;
                bytes.push(u8::try_from(v).ok()?);
            }
            _ => return None,
        }
    }
    flush(&mut bytes, &mut out);
    Some(out)
}

/// Quote `s` the way `strconv.Quote` does for printable ASCII (enough for
/// the values linklens writes back into build commands).
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Split a flag list into arguments: fields separated by white space, each
/// optionally wrapped in single or double quotes (no escapes inside).
pub fn split(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while let Some(first) = rest.chars().next() {
        if let Some(inner) = rest.strip_prefix(['\'', '"']) {
            if let Some((quoted, after)) = inner.split_once(first) {
                out.push(quoted.to_string());
                rest = after.trim_start();
                continue;
            }
        }
        let (field, after) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        out.push(field.to_string());
        rest = after.trim_start();
    }
    out
}

/// Join arguments back into one flag-list string, quoting those with spaces.
pub fn join(args: &[String]) -> String {
    args.iter()
        .map(|a| {
            if a.is_empty() || a.contains(char::is_whitespace) {
                if a.contains('"') { format!("'{a}'") } else { format!("\"{a}\"") }
            } else {
                a.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `-linkmode external` or `-linkmode=external` (one or two dashes) among
/// linker flags, split as `go` splits them.
pub fn external_linkmode(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_start_matches('-');
        w == "linkmode=external" || (w == "linkmode" && words.get(i + 1).map(String::as_str) == Some("external"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_escape_of_strconv() {
        let cases = [
            (r#""\a\b\f\n\r\t\v""#, "\x07\x08\x0c\n\r\t\x0b"),
            (r#""\\ \" \'""#, "\\ \" '"),
            (r#""\x41\101\u00e9\U0001F600""#, "AAé😀"),
            ("`raw \\n`", "raw \\n"),
        ];
        for (quoted, want) in cases {
            assert_eq!(unquote(quoted).as_deref(), Some(want), "{quoted}");
        }
        // A bare quote or newline inside, an unknown escape, short digits.
        for bad in [r#""a"b""#, "\"a\nb\"", r#""\q""#, r#""\x4""#, r#""\u12""#, r#""\U0001F60""#, r#""\777""#, "`a`b`"] {
            assert_eq!(unquote(bad), None, "{bad}");
        }
    }

    #[test]
    fn quote_is_strconv_quote_for_what_linklens_writes() {
        assert_eq!(quote("-X main.v=1 2"), r#""-X main.v=1 2""#);
        assert_eq!(quote("a\"b\\c\nd\te"), r#""a\"b\\c\nd\te""#);
        for s in ["plain", "with space", "q\"uote", "back\\slash", "new\nline\ttab"] {
            assert_eq!(unquote(&quote(s)).as_deref(), Some(s), "round trip of {s:?}");
        }
    }

    #[test]
    fn unquotes_like_go() {
        assert_eq!(unquote(r#""-s -w""#).as_deref(), Some("-s -w"));
        assert_eq!(unquote(r#""a\tb\"c\\""#).as_deref(), Some("a\tb\"c\\"));
        assert_eq!(unquote(r#""\xe2\x82\xac \u20ac""#).as_deref(), Some("€ €"));
        assert_eq!(unquote(r#""\101""#).as_deref(), Some("A"));
        assert_eq!(unquote("`raw \\n`").as_deref(), Some("raw \\n"));
        assert_eq!(unquote(r#""unterminated"#), None);
        assert_eq!(unquote(r#""bad \q""#), None);
    }

    #[test]
    fn splits_flag_lists() {
        assert_eq!(
            split(r#"-s -w -extldflags "-static -lm" -X 'main.v=a b'"#),
            ["-s", "-w", "-extldflags", "-static -lm", "-X", "main.v=a b"]
        );
        assert_eq!(split("  "), Vec::<String>::new());
        let args: Vec<String> = ["-linkmode", "external", "-extldflags", "-static -lm"].map(String::from).to_vec();
        assert_eq!(join(&args), r#"-linkmode external -extldflags "-static -lm""#);
        assert_eq!(split(&join(&args)), args);
    }
}
