//! Small text helpers for the components.

/// `1.5 MB`, `830 KB`, `12 bytes`.
pub fn bytes(n: f64) -> String {
    if n >= 1e9 {
        format!("{:.2} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.0} KB", n / 1e3)
    } else {
        format!("{n:.0} bytes")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes() {
        assert_eq!(super::bytes(12.0), "12 bytes");
        assert_eq!(super::bytes(1_500_000.0), "1.5 MB");
        assert_eq!(super::bytes(4_294_967_296.0), "4.29 GB");
    }
}
