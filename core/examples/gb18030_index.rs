//! Writes `core/src/import/gb18030.bin`, the tables of the GB18030 decoder,
//! from encoding_rs (the WHATWG Encoding Standard's decoder, the one the
//! browsers implement):
//!
//! ```sh
//! cargo run -p openness-core --example gb18030_index
//! ```
//!
//! The file holds the two-byte index (23,940 code points for lead bytes
//! 0x81–0xFE and trail bytes 0x40–0x7E, 0x80–0xFE) as differences from the
//! previous entry, little-endian `u16` (GBK's extensions follow Unicode
//! order, so the differences compress to a third), then the four-byte
//! ranges as little-endian `u32` pairs (first pointer, its code point).
//! `gb18030::tests` checks the decoder against encoding_rs on every one-,
//! two- and four-byte sequence.

use encoding_rs::GB18030;

fn decode(bytes: &[u8]) -> Option<char> {
    let (text, malformed) = GB18030.decode_without_bom_handling(bytes);
    let mut chars = text.chars();
    match (chars.next(), chars.next(), malformed) {
        (Some(c), None, false) => Some(c),
        _ => None,
    }
}

fn main() {
    let mut out = Vec::new();
    let mut previous = 0u16;
    for lead in 0x81..=0xFEu8 {
        for trail in (0x40..=0x7Eu8).chain(0x80..=0xFE) {
            let c = decode(&[lead, trail]).map_or(0, |c| c as u32);
            let c = u16::try_from(c).expect("two-byte GB18030 is in the BMP");
            out.extend_from_slice(&c.wrapping_sub(previous).to_le_bytes());
            previous = c;
        }
    }
    // Four-byte pointers below 39,420 map to the BMP in ranges of
    // consecutive code points; a new range starts wherever that breaks.
    let mut expected = None;
    for pointer in 0..39_420u32 {
        let b = [
            (pointer / 12_600 + 0x81) as u8,
            (pointer / 1_260 % 10 + 0x30) as u8,
            (pointer / 10 % 126 + 0x81) as u8,
            (pointer % 10 + 0x30) as u8,
        ];
        let Some(c) = decode(&b) else {
            expected = None;
            continue;
        };
        let c = c as u32;
        if expected != Some(c) {
            out.extend_from_slice(&pointer.to_le_bytes());
            out.extend_from_slice(&c.to_le_bytes());
        }
        expected = Some(c + 1);
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/import/gb18030.bin");
    std::fs::write(path, &out).expect("write the table");
    println!("{path}: {} bytes", out.len());
}
