//! [`SharedStr`]: a record's text as a range of the file it came from.
//!
//! A million-row import used to give every kept text field (索引号, 标题,
//! 主题分类 …) its own small heap string: three million allocations, a
//! third of the wasm memory after the import and the largest item of the
//! browser profile (PERFORMANCE.md, "Issue 15, round three"). The decoded
//! text of the file is in memory anyway while its rows are read, so a field
//! now keeps that text alive and remembers where in it the value stands.
//! Only a value that is not written in the file as it is kept (an id that
//! NFKC normalisation changed) gets a string of its own.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// Text shared with the buffer it was read from: the buffer and the byte
/// range of the value in it. Compares, hashes, orders and prints as the
/// `str` it stands for. 12 bytes on wasm32, 16 natively, like a
/// `Box<str>`, but without an allocation of its own.
#[derive(Clone)]
pub struct SharedStr {
    buf: Arc<String>,
    start: u32,
    end: u32,
}

impl SharedStr {
    /// `value` as a range of `buf` when it lies inside `buf`; a copy of
    /// `value` when it does not (or when `buf` is too long for 32-bit
    /// offsets, which the import limits rule out).
    pub fn within(buf: &Arc<String>, value: &str) -> SharedStr {
        let range = (value.as_ptr() as usize)
            .checked_sub(buf.as_ptr() as usize)
            .filter(|at| at + value.len() <= buf.len())
            .and_then(|at| {
                Some((
                    u32::try_from(at).ok()?,
                    u32::try_from(at + value.len()).ok()?,
                ))
            });
        match range {
            Some((start, end)) => SharedStr {
                buf: Arc::clone(buf),
                start,
                end,
            },
            None => SharedStr::from(value),
        }
    }

    /// The text as a `str`.
    pub fn as_str(&self) -> &str {
        &self.buf[self.start as usize..self.end as usize]
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        let end = u32::try_from(s.len()).expect("a text field over 4 GiB");
        SharedStr {
            buf: Arc::new(s),
            start: 0,
            end,
        }
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr::from(s.to_owned())
    }
}

impl Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_inside_the_buffer_shares_it_and_one_outside_is_copied() {
        let buf = Arc::new("索引号,标题\nZC-1,通知\n".to_owned());
        let title = &buf[buf.rfind(',').expect("a comma") + 1..buf.len() - 1];
        let shared = SharedStr::within(&buf, title);
        assert_eq!(shared, "通知");
        assert_eq!(Arc::strong_count(&buf), 2, "shares the buffer");

        let elsewhere = String::from("通知");
        let copied = SharedStr::within(&buf, &elsewhere);
        assert_eq!(copied, shared);
        assert_eq!(Arc::strong_count(&buf), 2, "a copy does not share it");

        // Empty values at the very end of the buffer are inside it too.
        assert_eq!(SharedStr::within(&buf, &buf[buf.len()..]), "");
    }

    #[test]
    fn compares_hashes_and_prints_as_its_text() {
        use std::collections::HashSet;
        let buf = Arc::new("甲局乙局".to_owned());
        let a = SharedStr::within(&buf, &buf[..6]);
        let b = SharedStr::from("甲局");
        assert_eq!(a, b);
        // 乙 U+4E59 sorts before 甲 U+7532.
        assert!(SharedStr::within(&buf, &buf[6..]) < a);
        let set: HashSet<SharedStr> = [a.clone()].into();
        assert!(set.contains("甲局"));
        assert_eq!(format!("{a:?} {a}"), "\"甲局\" 甲局");
    }
}
