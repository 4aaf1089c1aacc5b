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

/// Which rows of a kind have an id that another row of the kind may share,
/// from a pass over the id column of every table before validation.
///
/// A duplicate check against a table of a million ids costs a cache miss
/// or two per row, a sixth of the import. The rows whose id occurs once
/// (nearly all of them) can skip it. Each id's hash, in 32 bits, is paired
/// with its row; the pairs are sorted by hash, and every row in a run of
/// equal hashes gets its bit. Validation then reads one bit per row
/// in file order: no random access at all. (Bitmaps indexed by the hash,
/// before, cost a cache miss a row in both passes: 60% of the validation's
/// own time natively.) A repeated id is never missed, since its rows have
/// equal hashes; an unequal id that shares a 32-bit hash only goes
/// through the exact check.
#[derive(Debug)]
pub(super) struct Repeats {
    /// The first row number (counted over the kind's tables) of each table,
    /// by table index; `None` for a table of another kind.
    first_row: Vec<Option<u32>>,
    /// One bit per row: set when another row may have the same id.
    again: Vec<u64>,
}

impl Repeats {
    /// The ids of every table of `kind`, if any has an id column.
    pub(super) fn of(tables: &[Table], kind: Kind) -> Option<Repeats> {
        let mut first_row = vec![None; tables.len()];
        let mut id_cols = Vec::new();
        let mut rows: usize = 0;
        for (t, table) in tables.iter().enumerate() {
            if table.header.map.kind != kind {
                continue;
            }
            if let Some(col) = table.header.map.get(Key::Id) {
                first_row[t] = Some(u32::try_from(rows).ok()?);
                id_cols.push((table, col, rows as u64));
                rows += table.grid.len();
            }
        }
        // Row numbers must fit beside the hash; past 4 billion rows every
        // row takes the exact check (no `Repeats`).
        if id_cols.is_empty() || u32::try_from(rows).is_err() {
            return None;
        }
        let mut again = vec![0u64; rows.div_ceil(64)];
        let mut keyed = Vec::with_capacity(rows);
        for (table, col, first) in id_cols {
            for i in table.header.index + 1..table.grid.len() {
                let id = id_key_cow(trim_cell(table.grid.cell(i, col)));
                if !id.is_empty() {
                    keyed.push(u64::from(fold(hash_str(&id))) << 32 | (first + i as u64));
                }
            }
        }
        sort_by_upper_half(&mut keyed);
        for run in keyed.chunk_by(|a, b| a >> 32 == b >> 32) {
            if run.len() > 1 {
                for &k in run {
                    let row = (k & u64::from(u32::MAX)) as usize;
                    again[row / 64] |= 1 << (row % 64);
                }
            }
        }
        Some(Repeats { first_row, again })
    }

    /// True when another row may have the id of row `i` of table `table`.
    pub(super) fn may_repeat(&self, table: u32, i: usize) -> bool {
        let Some(Some(first)) = self.first_row.get(table as usize) else {
            return true;
        };
        let row = *first as usize + i;
        self.again
            .get(row / 64)
            .is_none_or(|w| w & (1 << (row % 64)) != 0)
    }
}

/// A hash in 32 bits. Rustc's Fx hash is as wide as a pointer, so in the
/// browser (wasm32) its upper half is zero: both halves are folded in.
fn fold(hash: u64) -> u32 {
    (hash ^ hash >> 32) as u32
}

/// Sorts by the upper 32 bits, a byte at a time (least significant first):
/// four passes over the values, where a comparison sort makes twenty.
fn sort_by_upper_half(values: &mut Vec<u64>) {
    let mut sorted = vec![0u64; values.len()];
    for shift in [32, 40, 48, 56] {
        let mut next = [0usize; 256];
        for &v in values.iter() {
            next[(v >> shift) as usize & 0xff] += 1;
        }
        let mut at = 0;
        for slot in &mut next {
            (*slot, at) = (at, at + *slot);
        }
        for &v in values.iter() {
            let digit = (v >> shift) as usize & 0xff;
            sorted[next[digit]] = v;
            next[digit] += 1;
        }
        std::mem::swap(values, &mut sorted);
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
        // An id that no other row of this kind has cannot be a duplicate, nor
        // be duplicated later: it need not be remembered.
        if self
            .repeats
            .get(&kind)
            .is_some_and(|r| !r.may_repeat(row.source.file, row.i))
        {
            return Ok(());
        }
        let id_hash = hash_str(id);
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

#[cfg(test)]
mod tests {
    use super::sort_by_upper_half;

    #[test]
    fn the_radix_sort_equals_a_stable_sort_by_the_upper_half() {
        // Pseudo-random values, many sharing an upper half, in every byte.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut values: Vec<u64> = (0..20_000)
            .map(|i| {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let upper = if i % 3 == 0 {
                    x >> 32 & 0xff0f
                } else {
                    x >> 32
                };
                upper << 32 | i
            })
            .collect();
        let mut expected = values.clone();
        expected.sort_by_key(|v| v >> 32);
        sort_by_upper_half(&mut values);
        assert_eq!(values, expected);
    }
}
