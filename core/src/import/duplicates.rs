//! The duplicate rule (RULES §1.3): a second row of the same kind,
//! department and id is rejected; a pre-pass finds the ids that may repeat.

use std::collections::hash_map::Entry;

use crate::record::{DeptId, Disclosure, Enforcement, Message, Opinion, Request, Review, Source};
use crate::schema::{Key, Kind};
use crate::text::id_key_cow;

use super::Table;
use super::report::{Problem, RowIssue};
use super::validate::{Duplicates, Row, trim_cell};

/// The hash of an id, for [`Repeats`] and the duplicate table (rustc's
/// Fx hash: ids are local data, no flooding to resist).
pub(super) fn hash_str(s: &str) -> u64 {
    use std::hash::Hasher as _;
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    h.finish()
}

/// Which ids may occur more than once among all rows of a kind, from a
/// pass over the id column of every table before validation.
///
/// A duplicate check against a table of a million ids costs a cache miss
/// or two per row, a sixth of the import. The ids that occur once (nearly
/// all of them) can skip it: two bitmaps of their hashes, "seen" and "seen
/// again", say which may repeat. A hash collision only sends a row through
/// the exact check; a repeated id is never missed, since every row with it
/// sets the same bits.
#[derive(Debug)]
pub(super) struct Repeats {
    pub(super) seen: Vec<u64>,
    pub(super) again: Vec<u64>,
    /// Bits per map, minus one.
    pub(super) mask: u64,
}

impl Repeats {
    /// The ids of every table of `kind`, if any has an id column.
    pub(super) fn of(tables: &[Table], kind: Kind) -> Option<Repeats> {
        let tables: Vec<(&Table, usize)> = tables
            .iter()
            .filter(|t| t.header.map.kind == kind)
            .filter_map(|t| Some((t, t.header.map.get(Key::Id)?)))
            .collect();
        let rows: usize = tables.iter().map(|(t, _)| t.grid.len()).sum();
        if rows == 0 {
            return None;
        }
        // 16 bits per row (at most 64 MiB a map): one id in 16 shares a bit
        // with another by chance.
        let bits = (rows * 16).next_power_of_two().clamp(1 << 10, 1 << 29);
        let mut repeats = Repeats {
            seen: vec![0; bits / 64],
            again: vec![0; bits / 64],
            mask: bits as u64 - 1,
        };
        for (table, col) in tables {
            for i in table.header.index + 1..table.grid.len() {
                let id = id_key_cow(trim_cell(table.grid.cell(i, col)));
                if !id.is_empty() {
                    repeats.add(hash_str(&id));
                }
            }
        }
        Some(repeats)
    }

    pub(super) fn add(&mut self, hash: u64) {
        let bit = hash & self.mask;
        let (word, flag) = ((bit / 64) as usize, 1u64 << (bit % 64));
        if self.seen[word] & flag == 0 {
            self.seen[word] |= flag;
        } else {
            self.again[word] |= flag;
        }
    }

    pub(super) fn may_repeat(&self, hash: u64) -> bool {
        let bit = hash & self.mask;
        self.again[(bit / 64) as usize] & (1u64 << (bit % 64)) != 0
    }
}

/// A record that duplicates are judged by: its department, id and origin.
pub(super) trait Identified {
    fn identity(&self) -> (DeptId, &str, Source);
}

macro_rules! identified {
    ($($t:ty),*) => {$(
        impl Identified for $t {
            fn identity(&self) -> (DeptId, &str, Source) {
                (self.dept, self.id.as_deref().unwrap_or_default(), self.source)
            }
        }
    )*};
}

identified!(Disclosure, Request, Message, Opinion, Enforcement, Review);

impl Duplicates {
    /// Rejects a row whose kind, department and non-empty id match an
    /// earlier kept record of `items`; otherwise remembers it as the next one.
    pub(super) fn check<T: Identified>(
        &mut self,
        (kind, dept): (Kind, DeptId),
        id: Option<&str>,
        row: &Row<'_>,
        items: &[T],
    ) -> Result<(), RowIssue> {
        let index = items.len() as u32;
        let Some(id) = id else { return Ok(()) };
        let id_hash = hash_str(id);
        // An id that no other row of this kind has cannot be a duplicate, nor
        // be duplicated later: it need not be remembered.
        if self
            .repeats
            .get(&kind)
            .is_some_and(|r| !r.may_repeat(id_hash))
        {
            return Ok(());
        }
        let duplicate_of = |first: Source| {
            row.issue(
                Key::Id,
                true,
                Problem::Duplicate {
                    path: self
                        .paths
                        .get(first.file as usize)
                        .cloned()
                        .unwrap_or_default(),
                    row: first.row,
                },
            )
        };
        let key = id_hash ^ u64::from(dept.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        match self.seen.entry((kind, key)) {
            Entry::Vacant(v) => {
                v.insert(index);
                Ok(())
            }
            Entry::Occupied(o) => {
                let (first_dept, first_id, first) = items[*o.get() as usize].identity();
                if first_dept == dept && first_id == id {
                    return Err(duplicate_of(first));
                }
                match self.seen_exact.entry((kind, dept, id.to_owned())) {
                    Entry::Occupied(o) => Err(duplicate_of(*o.get())),
                    Entry::Vacant(v) => {
                        v.insert(row.source);
                        Ok(())
                    }
                }
            }
        }
    }
}
