//! GB18030 (and so GBK and GB2312) to UTF-8, as the WHATWG Encoding
//! Standard decodes it: the decoder every browser has, and the one
//! encoding_rs implements. Our own so that the dashboard does not link a
//! library's tables for every East Asian encoding (about 125 KB of the
//! gzipped wasm) when it needs one. The tables are generated from
//! encoding_rs (`cargo run -p openness-core --example gb18030_index`), and
//! the tests compare every one-, two- and four-byte sequence with it.

use std::sync::OnceLock;

/// Two-byte index entries: lead bytes 0x81–0xFE, 190 trail bytes each.
const TWO_BYTE: usize = 126 * 190;

/// The generated tables (see the example that writes them).
static TABLES: &[u8] = include_bytes!("gb18030.bin");

struct Index {
    /// Code point of each two-byte pointer; 0 where none.
    two_byte: Box<[u16]>,
    /// First pointer of each four-byte range below 39,420, and its code point.
    ranges: Box<[(u32, u32)]>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let (two, four) = TABLES.split_at(TWO_BYTE * 2);
        let mut previous = 0u16;
        let two_byte = two
            .chunks_exact(2)
            .map(|d| {
                previous = previous.wrapping_add(u16::from_le_bytes([d[0], d[1]]));
                previous
            })
            .collect();
        let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let ranges = four
            .chunks_exact(8)
            .map(|r| (word(&r[..4]), word(&r[4..])))
            .collect();
        Index { two_byte, ranges }
    })
}

/// The code point of a four-byte pointer, if it has one.
fn four_byte(index: &Index, pointer: u32) -> Option<char> {
    if pointer >= 189_000 {
        return (pointer <= 1_237_575).then(|| char::from_u32(0x10000 + pointer - 189_000))?;
    }
    if pointer >= 39_420 {
        return None;
    }
    let at = index.ranges.partition_point(|&(p, _)| p <= pointer);
    let (first, code) = *index.ranges.get(at.checked_sub(1)?)?;
    char::from_u32(code + pointer - first)
}

/// Decodes `bytes`, each malformed sequence as one U+FFFD; true in the
/// second place when there was one.
pub(crate) fn decode(bytes: &[u8]) -> (String, bool) {
    let index = index();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut malformed = false;
    let mut error = |text: &mut String| {
        text.push('\u{FFFD}');
        malformed = true;
    };
    let mut i = 0;
    while i < bytes.len() {
        let ascii = bytes[i..]
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(bytes.len() - i);
        if ascii > 0 {
            // ASCII bytes are UTF-8 as they stand.
            text.push_str(std::str::from_utf8(&bytes[i..i + ascii]).unwrap_or_default());
            i += ascii;
            continue;
        }
        let lead = bytes[i];
        match lead {
            0x80 => {
                text.push('€');
                i += 1;
            }
            0x81..=0xFE => {
                let Some(&second) = bytes.get(i + 1) else {
                    error(&mut text);
                    break;
                };
                if second.is_ascii_digit() {
                    // Four bytes: lead, digit, 0x81–0xFE, digit.
                    let (Some(&third), Some(&fourth)) = (bytes.get(i + 2), bytes.get(i + 3)) else {
                        // The end of the text inside a sequence is one error
                        // when what came is still a valid start of one.
                        let tail_valid = bytes.get(i + 2).is_none_or(|b| (0x81..=0xFE).contains(b));
                        error(&mut text);
                        if tail_valid {
                            break;
                        }
                        i += 1;
                        continue;
                    };
                    if !(0x81..=0xFE).contains(&third) || !fourth.is_ascii_digit() {
                        // The lead is an error; the digit and what follows
                        // are read again.
                        error(&mut text);
                        i += 1;
                        continue;
                    }
                    let pointer = u32::from(lead - 0x81) * 12_600
                        + u32::from(second - 0x30) * 1_260
                        + u32::from(third - 0x81) * 10
                        + u32::from(fourth - 0x30);
                    match four_byte(index, pointer) {
                        Some(c) => text.push(c),
                        None => error(&mut text),
                    }
                    i += 4;
                    continue;
                }
                let offset = if second < 0x7F { 0x40 } else { 0x41 };
                let code = match second {
                    0x40..=0x7E | 0x80..=0xFE => {
                        let pointer = usize::from(lead - 0x81) * 190 + usize::from(second - offset);
                        index.two_byte[pointer]
                    }
                    _ => 0,
                };
                if let Some(c) = (code != 0).then(|| char::from_u32(code.into())).flatten() {
                    text.push(c);
                    i += 2;
                } else {
                    error(&mut text);
                    // An ASCII trail byte is read again as itself.
                    i += if second.is_ascii() { 1 } else { 2 };
                }
            }
            _ => {
                error(&mut text);
                i += 1;
            }
        }
    }
    (text, malformed)
}

#[cfg(test)]
mod tests {
    use super::decode;
    use encoding_rs::GB18030;

    fn reference(bytes: &[u8]) -> (String, bool) {
        let (text, malformed) = GB18030.decode_without_bom_handling(bytes);
        (text.into_owned(), malformed)
    }

    #[test]
    fn every_one_and_two_byte_sequence_decodes_as_encoding_rs_does() {
        for a in 0..=255u8 {
            assert_eq!(decode(&[a]), reference(&[a]), "{a:02X}");
            for b in 0..=255u8 {
                let bytes = [a, b, b'x'];
                assert_eq!(decode(&bytes), reference(&bytes), "{a:02X} {b:02X}");
            }
        }
    }

    #[test]
    fn every_four_byte_sequence_decodes_as_encoding_rs_does() {
        for a in 0x81..=0xFEu8 {
            for b in 0x30..=0x39u8 {
                for c in 0x81..=0xFEu8 {
                    for d in 0x30..=0x39u8 {
                        let bytes = [a, b, c, d];
                        assert_eq!(decode(&bytes), reference(&bytes), "{bytes:02X?}");
                    }
                }
            }
        }
    }

    #[test]
    fn broken_and_cut_sequences_resynchronise_as_encoding_rs_does() {
        // Every prefix and damaged form of a four-byte sequence, in text.
        let sequences: &[&[u8]] = &[
            b"\x81",
            b"\x81\x30",
            b"\x81\x30\x81",
            b"\x81\x30\x81\x30",
            b"\x81\x30x",
            b"\x81\x30\x81x",
            b"\x81\x30\x30",
            b"\x81\x30\x81\x81",
            b"\xE3\x32\x9A\x35",
            b"\x84\x31\xA4\x39",
            b"\x84\x31\xA5\x30",
            b"\xFE\x39\xFE\x39",
            b"\x90\x30\x81\x30",
            b"\xFF",
            b"\x80",
            b"\x81\x7F",
            b"\xA1\xA1\xFF",
        ];
        for s in sequences {
            for before in [&b""[..], b"a", "\u{4E2D}".as_bytes()] {
                for after in [&b""[..], b"z", b"\xD6\xD0", b"1"] {
                    let bytes = [before, s, after].concat();
                    assert_eq!(decode(&bytes), reference(&bytes), "{bytes:02X?}");
                }
            }
        }
        // And pseudo-random bytes, weighted towards the ones that matter.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let alphabet = [
            0x30, 0x35, 0x39, 0x41, 0x7F, 0x80, 0x81, 0x84, 0xA1, 0xD6, 0xE3, 0xFE, 0xFF, b'\n',
        ];
        for _ in 0..20_000 {
            let bytes: Vec<u8> = (0..12)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(decode(&bytes), reference(&bytes), "{bytes:02X?}");
        }
    }
}
