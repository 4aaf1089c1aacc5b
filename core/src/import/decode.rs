//! Character-set detection for text exports.
//!
//! Chinese government systems export UTF-8 (with or without BOM), GB18030 /
//! GBK (Excel's default "CSV" on Chinese Windows) and UTF-16 with BOM
//! (Excel's "Unicode text"). The BOM decides when present; otherwise valid
//! UTF-8 is UTF-8, text with a NUL in every other byte is BOM-less UTF-16,
//! and anything else is GB18030, a superset of GBK and GB2312.

use super::gb18030;

/// Decoded text and what it was decoded from.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    /// The encoding's name as shown in the import report.
    pub encoding: &'static str,
    /// True when some bytes were not valid in that encoding (replaced by U+FFFD).
    pub lossy: bool,
}

/// Decodes the bytes of a text file (taking them over: natively, UTF-8
/// text becomes the string in place).
pub(crate) fn decode(bytes: Vec<u8>) -> Decoded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return match take_utf8(bytes, 3) {
            Ok(text) => Decoded {
                text,
                encoding: "UTF-8",
                lossy: false,
            },
            // Some tools write a UTF-8 BOM in front of GBK text: when the
            // bytes after it are not UTF-8 but are GB18030, the bytes win.
            Err((bytes, from)) if !mostly_utf8(&bytes[from..]) => {
                let rest = &bytes[from..];
                let gb = with(Charset::Gb18030, rest);
                if gb.lossy { utf8(rest) } else { gb }
            }
            Err((bytes, from)) => utf8(&bytes[from..]),
        };
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return with(Charset::Utf16(true), &bytes[2..]);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return with(Charset::Utf16(false), &bytes[2..]);
    }
    if let Some(le) = bomless_utf16(&bytes) {
        return with(Charset::Utf16(le), &bytes);
    }
    match take_utf8(bytes, 0) {
        Ok(text) => Decoded {
            text,
            encoding: "UTF-8",
            lossy: false,
        },
        Err((bytes, _)) if mostly_utf8(&bytes) => utf8(&bytes),
        Err((bytes, _)) => with(Charset::Gb18030, &bytes),
    }
}

/// The text a [`super::TextIntake`] read, as [`decode`] gives it from the
/// same file's bytes: without a byte-order mark.
pub(crate) fn utf8_text(mut text: String) -> Decoded {
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Decoded {
        text,
        encoding: "UTF-8",
        lossy: false,
    }
}

/// `bytes[from..]` as a string when it is UTF-8; otherwise the bytes back,
/// with where that part now starts in them.
fn take_utf8(bytes: Vec<u8>, from: usize) -> Result<String, (Vec<u8>, usize)> {
    // In the browser: SIMD validation, then one copy. std's validation is
    // several times slower there on Chinese text, which is all multi-byte
    // (in place, a 1M-row import took 641 ms instead of 519; PERFORMANCE.md).
    #[cfg(target_arch = "wasm32")]
    {
        match simdutf8::basic::from_utf8(&bytes[from..]) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => Err((bytes, from)),
        }
    }
    // Natively: std's validation in place. No second buffer of the file's
    // size for the system to hand out and zero (a 110 MB file: 27,000 page
    // faults fewer, the CLI 6% faster).
    #[cfg(not(target_arch = "wasm32"))]
    {
        let mut bytes = bytes;
        bytes.drain(..from);
        String::from_utf8(bytes).map_err(|e| (e.into_bytes(), 0))
    }
}

/// True when the bytes are UTF-8 but for a few broken sequences (a cut-off
/// last character, a stray byte): one in ten thousand bytes at most. GBK
/// text breaks UTF-8 at nearly every Chinese character, so it never passes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let allowed = 1 + bytes.len() / 10_000;
    let mut rest = bytes;
    let mut broken = 0;
    while let Err(e) = std::str::from_utf8(rest) {
        broken += 1;
        if broken > allowed {
            return false;
        }
        let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
        rest = &rest[skip.min(rest.len())..];
    }
    true
}

fn utf8(bytes: &[u8]) -> Decoded {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            lossy: false,
        },
        Err(_) => Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            encoding: "UTF-8",
            lossy: true,
        },
    }
}

/// The two encodings besides UTF-8 that text exports come in.
#[derive(Clone, Copy)]
enum Charset {
    Gb18030,
    /// UTF-16, little-endian when true.
    Utf16(bool),
}

fn with(charset: Charset, bytes: &[u8]) -> Decoded {
    let (text, lossy, encoding) = match charset {
        Charset::Gb18030 => {
            let (text, lossy) = gb18030::decode(bytes);
            (text, lossy, "GB18030")
        }
        Charset::Utf16(le) => {
            let (text, lossy) = utf16(bytes, le);
            (text, lossy, if le { "UTF-16LE" } else { "UTF-16BE" })
        }
    };
    Decoded {
        text,
        encoding,
        lossy,
    }
}

/// UTF-16 as the Encoding Standard decodes it: an unpaired surrogate is one
/// U+FFFD, and so is an odd last byte (together with a high surrogate
/// before it, if any).
pub(crate) fn utf16(bytes: &[u8], le: bool) -> (String, bool) {
    let unit = |p: &[u8]| {
        if le {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    };
    let odd = bytes.len() % 2 == 1;
    let mut pairs = bytes.len() / 2;
    if odd && pairs > 0 && (0xD800..0xDC00).contains(&unit(&bytes[2 * pairs - 2..])) {
        // The last high surrogate and the odd byte are one error.
        pairs -= 1;
    }
    let mut text = String::with_capacity(pairs * 3 / 2);
    let mut lossy = odd;
    for c in char::decode_utf16(bytes[..2 * pairs].chunks_exact(2).map(unit)) {
        text.push(c.unwrap_or_else(|_| {
            lossy = true;
            '\u{FFFD}'
        }));
    }
    if odd {
        text.push('\u{FFFD}');
    }
    (text, lossy)
}

/// Recognises UTF-16 without a BOM from NUL bytes in the first kilobyte:
/// `Some(true)` for little-endian.
pub(super) fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let odd_nuls = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let even_nuls = head.iter().step_by(2).filter(|&&b| b == 0).count();
    if odd_nuls * 10 >= pairs * 3 && even_nuls == 0 {
        Some(true)
    } else if even_nuls * 10 >= pairs * 3 && odd_nuls == 0 {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "部门,发布日期\n旗教育局,2019-08-23\n";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(SAMPLE.as_bytes().to_vec());
        assert_eq!((plain.encoding, plain.text.as_str()), ("UTF-8", SAMPLE));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        let bom = decode(bom);
        assert_eq!((bom.encoding, bom.text.as_str()), ("UTF-8", SAMPLE));
    }

    #[test]
    fn utf8_with_a_cut_off_last_character_stays_utf8() {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.extend_from_slice(&"局".as_bytes()[..2]);
        let d = decode(bytes);
        assert_eq!((d.encoding, d.lossy), ("UTF-8", true));
        assert!(d.text.starts_with(SAMPLE));
    }

    #[test]
    fn gbk_is_read_as_gb18030_even_behind_a_utf8_bom() {
        let (gbk, _, _) = encoding_rs::GBK.encode(SAMPLE);
        for bytes in [gbk.to_vec(), [&b"\xEF\xBB\xBF"[..], &gbk].concat()] {
            let d = decode(bytes);
            assert_eq!(
                (d.encoding, d.text.as_str(), d.lossy),
                ("GB18030", SAMPLE, false)
            );
        }
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(le).text, SAMPLE);
        let be = decode(be);
        assert_eq!((be.encoding, be.text.as_str()), ("UTF-16BE", SAMPLE));
    }

    #[test]
    fn utf16_decodes_as_encoding_rs_does_with_broken_surrogates_and_odd_ends() {
        let units: [u16; 6] = [0x0041, 0x4E2D, 0xD83D, 0xDE00, 0xD800, 0xDC00];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut bytes: Vec<u8> = (0..8)
                .flat_map(|k| units[(state >> (k * 3)) as usize % units.len()].to_le_bytes())
                .collect();
            bytes.truncate(10 + (state >> 40) as usize % 7);
            for le in [true, false] {
                let reference = if le {
                    encoding_rs::UTF_16LE
                } else {
                    encoding_rs::UTF_16BE
                };
                let (expected, malformed) = reference.decode_without_bom_handling(&bytes);
                assert_eq!(
                    utf16(&bytes, le),
                    (expected.into_owned(), malformed),
                    "{bytes:02X?}"
                );
            }
        }
    }

    #[test]
    fn utf16_without_bom_is_recognised_from_nuls() {
        let text = "dept,published_on\nA,2019-01-01\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(le);
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", text));
    }
}
