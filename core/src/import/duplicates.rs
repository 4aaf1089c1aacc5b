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

/// The ids of a kind that another row of the kind may share, from a pass
/// over the id column of every table before validation.
///
/// A duplicate check against a table of a million ids costs a cache miss
/// or two per row, a sixth of the import. The rows whose id occurs once
/// (nearly all of them) can skip it. The pass sorts the 32-bit hash of
/// every id in place and keeps the hashes that occur more than once: a
/// short list that validation searches, in cache, for each row's hash.
/// A repeated id is never missed, since its rows have equal hashes; an
/// unequal id that shares a 32-bit hash only goes through the exact check.
///
/// Four bytes an id, freed before the records are made: the pass is alive
/// beside the text and the cell grid, at the import's peak of memory
/// (docs/PERFORMANCE.md), so it keeps no row numbers and no second buffer
/// for a radix sort.
#[derive(Debug)]
pub(super) struct Repeats {
    /// The hashes ([`fold`]ed) of ids that more than one row has, sorted.
    repeated: Vec<u32>,
}

impl Repeats {
    /// The ids of every table of `kind`, if any has an id column.
    pub(super) fn of(tables: &[Table], kind: Kind) -> Option<Repeats> {
        let id_cols: Vec<(&Table, usize)> = tables
            .iter()
            .filter(|t| t.header.map.kind == kind)
            .filter_map(|t| Some((t, t.header.map.get(Key::Id)?)))
            .collect();
        if id_cols.is_empty() {
            return None;
        }
        let rows = id_cols.iter().map(|(t, _)| t.grid.len()).sum();
        let mut hashes = Vec::with_capacity(rows);
        for (table, col) in id_cols {
            for i in table.header.index + 1..table.grid.len() {
                let id = id_key_cow(trim_cell(table.grid.cell(i, col)));
                if !id.is_empty() {
                    hashes.push(fold(hash_str(&id)));
                }
            }
        }
        hashes.sort_unstable();
        let repeated = hashes
            .chunk_by(|a, b| a == b)
            .filter(|run| run.len() > 1)
            .map(|run| run[0])
            .collect();
        Some(Repeats { repeated })
    }

    /// True when another row may have an id whose [`hash_str`] is `hash`.
    pub(super) fn may_repeat(&self, hash: u64) -> bool {
        self.repeated.binary_search(&fold(hash)).is_ok()
    }
}

/// A hash in 32 bits. Rustc's Fx hash is as wide as a pointer, so in the
/// browser (wasm32) its upper half is zero: both halves are folded in.
fn fold(hash: u64) -> u32 {
    (hash ^ hash >> 32) as u32
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
