//! Just enough YAML to write: a scalar is plain when YAML reads it back as
//! the same string, double-quoted (JSON's escaping, which YAML shares)
//! otherwise. The recipe tests parse every file with a YAML library.

/// `s` as a YAML scalar that reads back as the string `s`.
pub(super) fn scalar(s: &str) -> String {
    if plain(s) {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
    }
}

/// Whether `s` can be written bare: safe characters only, not starting
/// with an indicator, and not a word YAML would read as a number, a
/// boolean or null.
fn plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    let safe = s.chars().all(|c| c.is_ascii_alphanumeric() || " -_./=+@%,".contains(c));
    let starts_ok = first.is_ascii_alphanumeric() || first == '/' || first == '.' || s.strip_prefix('-').is_some_and(|rest| !rest.is_empty() && !rest.starts_with(' '));
    let typed = s.parse::<f64>().is_ok()
        || ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"].contains(&s.to_ascii_lowercase().as_str())
        || s.starts_with("0x")
        || s.starts_with("0o");
    safe && starts_ok && !typed && !s.ends_with(' ') && !s.contains(": ")
}

/// A literal block (`|`) holding `text`, indented by `indent` spaces.
pub(super) fn block(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::from("|\n");
    for line in text.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str(&pad);
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_bare_only_when_they_read_back_the_same() {
        for (s, bare) in [
            ("-trimpath", true),
            ("CGO_ENABLED=0", true),
            ("CC=zig cc -target x86_64-linux-musl", true),
            ("1.26", false),
            ("7", false),
            ("yes", false),
            ("", false),
            ("-s -w -X 'main.v=1'", false),
            ("a: b", false),
            ("x #y", false),
            ("- x", false),
            ("line\nbreak", false),
        ] {
            assert_eq!(plain(s), bare, "{s:?}");
        }
        assert_eq!(scalar("1.26"), "\"1.26\"");
        assert_eq!(scalar("a\"b"), "\"a\\\"b\"");
    }
}
