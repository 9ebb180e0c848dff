//! File offsets, virtual addresses and lengths read from a file, as types.
//! There is no `+` or `-` on them: only `checked_*` methods that return
//! `Option`, so an unchecked sum of two values from a hostile file cannot
//! be written (a `PT_LOAD` at `p_offset` near `u64::MAX` once wrapped in
//! release builds and panicked in debug ones). `get` gives the number back
//! for output and for `object`'s API.

macro_rules! number {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub(crate) struct $name(u64);

        impl $name {
            /// Wrap a number read from the file.
            pub const fn new(v: u64) -> Self {
                $name(v)
            }
            /// The number.
            #[allow(dead_code)] // not every kind is printed
            pub const fn get(self) -> u64 {
                self.0
            }
        }
    };
}

number! {
    /// A position in the file.
    FileOffset
}
number! {
    /// A virtual address.
    Addr
}
number! {
    /// A number of bytes.
    Len
}

impl FileOffset {
    /// `self + len`, if it fits.
    pub fn checked_add(self, len: Len) -> Option<FileOffset> {
        self.0.checked_add(len.0).map(FileOffset)
    }
    /// The bytes from `self` up to `end`, if `end` is not before `self`.
    pub fn len_to(self, end: FileOffset) -> Option<Len> {
        end.0.checked_sub(self.0).map(Len)
    }
}

impl Addr {
    /// How far `self` lies past `base`, if it is not before it.
    pub fn delta_from(self, base: Addr) -> Option<Len> {
        self.0.checked_sub(base.0).map(Len)
    }
}

impl Len {
    /// No bytes.
    pub const ZERO: Len = Len(0);
    /// `self - other`, if `other` is not larger.
    pub fn checked_sub(self, other: Len) -> Option<Len> {
        self.0.checked_sub(other.0).map(Len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_is_checked() {
        let near_end = FileOffset::new(u64::MAX - 7);
        assert_eq!(near_end.checked_add(Len::new(7)), Some(FileOffset::new(u64::MAX)));
        assert_eq!(near_end.checked_add(Len::new(8)), None);
        assert_eq!(FileOffset::new(10).len_to(FileOffset::new(4)), None);
        assert_eq!(FileOffset::new(4).len_to(FileOffset::new(10)), Some(Len::new(6)));
        assert_eq!(Addr::new(0x1000).delta_from(Addr::new(0x2000)), None);
        assert_eq!(Addr::new(0x2010).delta_from(Addr::new(0x2000)), Some(Len::new(0x10)));
        assert_eq!(Len::new(3).checked_sub(Len::new(4)), None);
    }
}
