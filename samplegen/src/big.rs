//! A large disclosure CSV for benchmarks.
//!
//! Same columns as `主动公开目录.csv`, no title line, about 100 bytes a
//! row, streamed through a `BufWriter` from precomputed pieces (dates,
//! names, titles) so that ten million rows take seconds even in a debug
//! build. Deterministic for a given seed.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};

use crate::calendar::{Date, DateStyle, WorkCalendar};
use crate::county::{DEPTS, Dept};
use crate::rng::Rng;

/// Header line.
const HEADER: &str = "索引号,标题,文号,发布机构,成文日期,发布日期,主题分类,是否需解读\n";

/// Short title templates (`{t}` topic).
const TITLES: &[&str] = &["{t}工作通知", "{t}情况公示", "关于{t}的公告", "{t}进展通报"];

/// Precomputed byte pieces of one department.
#[derive(Debug)]
struct Piece {
    code: Vec<u8>,
    labels: Vec<Vec<u8>>,
    titles: Vec<Vec<u8>>,
    prefix: Vec<u8>,
    theme: Vec<u8>,
}

impl Piece {
    fn new(index: usize, d: &Dept) -> Self {
        let mut labels = vec![d.name.as_bytes().to_vec(); 8];
        labels.extend(d.aliases.iter().map(|a| a.as_bytes().to_vec()));
        let titles = d
            .topics
            .iter()
            .flat_map(|t| {
                TITLES
                    .iter()
                    .map(move |tpl| tpl.replace("{t}", t).into_bytes())
            })
            .collect();
        Self {
            code: format!("K{index:02}/2019-").into_bytes(),
            labels,
            titles,
            prefix: d.doc_prefix.as_bytes().to_vec(),
            theme: d
                .theme
                .split('、')
                .next()
                .unwrap_or(d.theme)
                .as_bytes()
                .to_vec(),
        }
    }
}

/// Appends `n` in decimal, zero-padded to `width` digits.
fn push_number(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    while n > 0 || len < width.max(1) {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
    }
    buf.extend(digits[..len].iter().rev());
}

/// Working days from 2019-01-01 to 2020-06-30 with their ISO and slash
/// spellings; the first `formable` of them lie in 2019.
#[derive(Debug)]
struct Days {
    iso: Vec<Vec<u8>>,
    slash: Vec<Vec<u8>>,
    formable: usize,
}

impl Days {
    fn new() -> Self {
        let cal = WorkCalendar::official();
        let days = cal.workdays(Date::from_ymd(2019, 1, 1), Date::from_ymd(2020, 6, 30));
        let formable = days.iter().filter(|d| d.ymd().0 == 2019).count();
        Self {
            iso: days.iter().map(|d| d.iso().into_bytes()).collect(),
            slash: days
                .iter()
                .map(|d| d.format(DateStyle::Slash).into_bytes())
                .collect(),
            formable,
        }
    }

    fn get(&self, i: usize, slash: bool) -> &[u8] {
        if slash { &self.slash[i] } else { &self.iso[i] }
    }
}

/// 4096 department slots, each department taking a share proportional to
/// its disclosure volume, so one 12-bit draw picks a department.
fn dept_table(weights: &[u32]) -> Vec<u8> {
    let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    let mut cumulative = Vec::with_capacity(weights.len());
    let mut sum = 0u64;
    for &w in weights {
        sum += u64::from(w);
        cumulative.push(sum);
    }
    (0..4096u64)
        .map(|slot| {
            let ticket = slot * total / 4096;
            cumulative.partition_point(|&c| c <= ticket) as u8
        })
        .collect()
}

/// `bits` bits of `word` starting at bit `from`.
const fn field(word: u64, from: u32, bits: u32) -> u64 {
    (word >> from) & ((1 << bits) - 1)
}

/// Writes `rows` data rows to `path`; returns the bytes written.
///
/// Each row draws two 64-bit random words and slices them into fields, so
/// the loop stays fast in unoptimised builds.
pub(crate) fn write(path: &Path, rows: u64, seed: u64) -> Result<u64> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let depts: Vec<(usize, &Dept)> = DEPTS
        .iter()
        .enumerate()
        .filter(|(_, d)| d.volume.disclosure > 0)
        .collect();
    let pieces: Vec<Piece> = depts.iter().map(|&(i, d)| Piece::new(i, d)).collect();
    let weights: Vec<u32> = depts.iter().map(|(_, d)| d.volume.disclosure).collect();
    let table = dept_table(&weights);
    let days = Days::new();
    let formable = days.formable as u64;
    let mut rng = Rng::stream(seed, "big");
    let mut buf = Vec::with_capacity(256);
    out.write_all(HEADER.as_bytes())?;
    let mut written = HEADER.len() as u64;
    for seq in 1..=rows {
        let a = rng.next_u64();
        let b = rng.next_u64();
        let p = &pieces[usize::from(table[field(a, 0, 12) as usize])];
        let policy = field(a, 44, 10) < 82;
        let numbered = policy || field(a, 54, 10) < 123;
        let formed = (field(b, 0, 16) % formable) as usize;
        let lag = if field(b, 16, 8) < 38 {
            21 + field(b, 24, 8) % 25
        } else {
            (field(b, 24, 8) % 21).min(field(b, 32, 8) % 21)
        } as usize;
        let slash = field(b, 40, 8) < 26;
        buf.clear();
        buf.extend_from_slice(&p.code);
        push_number(&mut buf, seq, 7);
        buf.push(b',');
        buf.extend_from_slice(&p.titles[(field(a, 12, 16) % p.titles.len() as u64) as usize]);
        buf.push(b',');
        if numbered {
            buf.extend_from_slice(&p.prefix);
            buf.extend_from_slice("〔2019〕".as_bytes());
            push_number(&mut buf, 1 + field(b, 48, 16) % 300, 1);
            buf.extend_from_slice("号".as_bytes());
        }
        buf.push(b',');
        buf.extend_from_slice(&p.labels[(field(a, 28, 16) % p.labels.len() as u64) as usize]);
        buf.push(b',');
        buf.extend_from_slice(days.get(formed, slash));
        buf.push(b',');
        buf.extend_from_slice(days.get(formed + lag, slash));
        buf.push(b',');
        buf.extend_from_slice(&p.theme);
        buf.push(b',');
        buf.extend_from_slice(if policy { "是" } else { "否" }.as_bytes());
        buf.push(b'\n');
        out.write_all(&buf)?;
        written += buf.len() as u64;
    }
    out.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::push_number;

    #[test]
    fn dept_table_is_proportional() {
        let table = super::dept_table(&[1, 3]);
        let mut counts = [0usize; 2];
        for &i in &table {
            counts[usize::from(i)] += 1;
        }
        assert_eq!(counts, [1024, 3072]);
    }

    #[test]
    fn pads_numbers() {
        let mut buf = Vec::new();
        push_number(&mut buf, 42, 7);
        buf.push(b' ');
        push_number(&mut buf, 0, 1);
        buf.push(b' ');
        push_number(&mut buf, 12_345_678, 7);
        assert_eq!(buf, b"0000042 0 12345678");
    }
}
