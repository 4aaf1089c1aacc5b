//! [`TextIntake`]: a file read a piece at a time straight into its text.
//!
//! Nearly every export is UTF-8 text. Read whole, such a file is in memory
//! twice while it is decoded: its bytes and the text made of them (in the
//! browser a copy; natively the bytes become the text, but only after a
//! validation that is std's slow one). Taken a piece at a time, each piece
//! is checked by the SIMD validator while it is still in cache and appended
//! to the text, and the file's bytes are never held whole: a 110 MB export
//! no longer needs 220 MB of wasm memory before its first row is read.
//!
//! The result is exactly what reading the bytes whole gives: only a file
//! that [`super::open`] would decode as UTF-8 anyway is taken this way
//! (not a workbook, not UTF-16, not a known binary format), and one whose
//! bytes turn out not to be UTF-8 (GBK, a broken byte) is refused, for the
//! caller to read whole.

use super::InputFile;
use super::decode::bomless_utf16;
use super::open::{binary_kind, workbook_format};

/// How many bytes of a file's start [`TextIntake::start`] wants to see.
pub const HEAD_BYTES: usize = 4096;

/// The size of the pieces [`TextIntake::read`] takes.
const PIECE: usize = 1 << 20;

/// A UTF-8 file being read into its text, a piece at a time.
#[derive(Debug)]
pub struct TextIntake {
    path: String,
    text: String,
    /// The first bytes of a character the last piece cut in two.
    carry: Vec<u8>,
    refused: bool,
}

impl TextIntake {
    /// Starts reading the file at `path`, `len` bytes long, whose first
    /// bytes are `head` (all of them, or at least [`HEAD_BYTES`]); `None`
    /// when the file is not one to read this way (a workbook, UTF-16 or a
    /// known binary format by its name or first bytes).
    pub fn start(path: impl Into<String>, head: &[u8], len: usize) -> Option<TextIntake> {
        let path = path.into();
        plain_text(&path, head).then(|| TextIntake {
            path,
            text: String::with_capacity(len),
            carry: Vec::new(),
            refused: false,
        })
    }

    /// Reads a file of about `len` bytes a mebibyte at a time: `read`
    /// fills the buffer it is given with the file's next bytes (fewer than
    /// fit only at the end) and says how many, 0 at the end. `Ok(None)`
    /// when the file is not one to read this way or turns out not to be
    /// UTF-8: read it whole instead.
    pub fn read<E>(
        path: impl Into<String>,
        len: usize,
        mut read: impl FnMut(&mut [u8]) -> Result<usize, E>,
    ) -> Result<Option<InputFile>, E> {
        let mut piece = vec![0; PIECE];
        let mut filled = read(&mut piece)?;
        let Some(mut intake) = TextIntake::start(path, &piece[..filled], len) else {
            return Ok(None);
        };
        while filled > 0 {
            if !intake.push(&piece[..filled]) {
                return Ok(None);
            }
            filled = read(&mut piece)?;
        }
        Ok(intake.finish())
    }

    /// Adds the next bytes of the file. False, from then on, when the
    /// bytes so far are not UTF-8: read the file whole instead.
    pub fn push(&mut self, mut bytes: &[u8]) -> bool {
        if self.refused {
            return false;
        }
        if !self.carry.is_empty() {
            let need = char_width(self.carry[0]).saturating_sub(self.carry.len());
            let take = need.min(bytes.len());
            self.carry.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if take < need {
                return true;
            }
            match std::str::from_utf8(&self.carry) {
                Ok(c) => self.text.push_str(c),
                Err(_) => return self.refuse(),
            }
            self.carry.clear();
        }
        let whole = complete_up_to(bytes);
        match simdutf8::basic::from_utf8(&bytes[..whole]) {
            Ok(text) => self.text.push_str(text),
            Err(_) => return self.refuse(),
        }
        self.carry.extend_from_slice(&bytes[whole..]);
        true
    }

    /// The file, once every byte is pushed; `None` when it was refused or
    /// ends inside a character (read it whole instead).
    pub fn finish(self) -> Option<InputFile> {
        (!self.refused && self.carry.is_empty()).then(|| InputFile::utf8(self.path, self.text))
    }

    fn refuse(&mut self) -> bool {
        self.refused = true;
        self.text = String::new();
        false
    }
}

/// True when a file of this name and start is decoded as UTF-8 if its
/// bytes are UTF-8: not a workbook (name or signature), not a known binary
/// format and not UTF-16 without a byte-order mark. (UTF-16 with one never
/// passes as UTF-8: bytes FF and FE are not UTF-8.)
pub(super) fn plain_text(path: &str, head: &[u8]) -> bool {
    let bom = head.starts_with(b"\xEF\xBB\xBF");
    workbook_format(path, head).is_none()
        && binary_kind(head).is_none()
        && (bom || bomless_utf16(head).is_none())
}

/// The bytes a character starting with `lead` takes (1 for a byte that
/// starts none: validation then refuses it).
fn char_width(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Where the last character of `bytes` starts when the bytes end before
/// it does; otherwise their length.
fn complete_up_to(bytes: &[u8]) -> usize {
    let n = bytes.len();
    for back in 1..=n.min(3) {
        let b = bytes[n - back];
        if b & 0xC0 != 0x80 {
            return if char_width(b) > back { n - back } else { n };
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::super::{Import, InputFile, import};
    use super::*;

    fn whole(name: &str, bytes: &[u8]) -> Import {
        import(vec![InputFile::new(name, bytes.to_vec())])
    }

    /// The file read through the intake in pieces of `piece` bytes, or
    /// `None` when the intake refuses it.
    fn in_pieces(name: &str, bytes: &[u8], piece: usize) -> Option<InputFile> {
        let head = &bytes[..bytes.len().min(HEAD_BYTES)];
        let mut intake = TextIntake::start(name, head, bytes.len())?;
        for p in bytes.chunks(piece) {
            if !intake.push(p) {
                return None;
            }
        }
        intake.finish()
    }

    fn same(a: &Import, b: &Import) {
        assert_eq!(format!("{:?}", a.report), format!("{:?}", b.report));
        assert_eq!(
            format!("{:?}", a.data.disclosures),
            format!("{:?}", b.data.disclosures)
        );
    }

    const TABLE: &str = "索引号,标题,发布机构,成文日期,发布日期\nZC-1,关于𠀋字的通知,旗教育局,2019-08-23,2019-08-30\nＺＣ－２,解读,旗财政局,2019-08-23,2019-09-30\n";

    #[test]
    fn utf8_in_any_pieces_imports_as_the_whole_bytes_do() {
        let bom = [b"\xEF\xBB\xBF".as_slice(), TABLE.as_bytes()].concat();
        let double_bom = [b"\xEF\xBB\xBF".as_slice(), &bom].concat();
        for bytes in [
            TABLE.as_bytes(),
            &bom,
            &double_bom,
            b"  \n\t",
            b"\xEF\xBB\xBF \n",
        ] {
            let expected = whole("d.csv", bytes);
            for piece in [1, 2, 3, 5, 7, 64, 4096] {
                let file = in_pieces("d.csv", bytes, piece).expect("UTF-8 is taken");
                assert_eq!(file.bytes(), bytes, "the file's bytes, BOM and all");
                same(&import(vec![file]), &expected);
            }
        }
    }

    #[test]
    fn what_is_not_plain_utf8_is_refused_for_reading_whole() {
        let (gbk, _, _) = encoding_rs::GB18030.encode(TABLE);
        let cut = &TABLE.as_bytes()[..TABLE.len() - 1];
        let utf16: Vec<u8> = TABLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let cases: [(&str, &[u8]); 7] = [
            ("gbk.csv", &gbk),
            ("broken.csv", b"a,b\n\xFF,c\n"),
            ("utf16.csv", &utf16),
            ("bom16.csv", b"\xFF\xFEa\0"),
            ("named.xlsx", TABLE.as_bytes()),
            ("zip.csv", b"PK\x03\x04 not really"),
            ("doc.csv", b"%PDF-1.4 text"),
        ];
        for (name, bytes) in cases {
            for piece in [1, 3, 4096] {
                assert!(in_pieces(name, bytes, piece).is_none(), "{name} in {piece}");
            }
        }
        // A file that ends inside a character.
        let cut_char = &TABLE.as_bytes()[..TABLE.find('𠀋').expect("in the table") + 2];
        assert!(in_pieces("cut.csv", cut_char, 4096).is_none());
        assert!(in_pieces("cut.csv", cut, 4096).is_some());
    }

    #[test]
    fn read_takes_utf8_from_its_reader_and_refuses_the_rest() {
        let read = |name: &str, bytes: &[u8]| {
            let mut rest = bytes;
            let Ok(taken) = TextIntake::read(name, bytes.len(), |buf: &mut [u8]| {
                let n = rest.len().min(buf.len());
                buf[..n].copy_from_slice(&rest[..n]);
                rest = &rest[n..];
                Ok::<_, std::convert::Infallible>(n)
            });
            taken
        };
        // Over a mebibyte, so that it takes more than one piece.
        let big = TABLE.repeat(1 + (1 << 20) / TABLE.len());
        for text in [TABLE, "", big.as_str()] {
            let file = read("d.csv", text.as_bytes()).expect("UTF-8 is taken");
            assert_eq!(file.bytes(), text.as_bytes());
        }
        let (gbk, _, _) = encoding_rs::GB18030.encode(TABLE);
        assert!(read("gbk.csv", &gbk).is_none());
        assert!(read("d.xlsx", TABLE.as_bytes()).is_none());
    }

    #[test]
    fn the_end_of_a_piece_is_split_before_an_unfinished_character() {
        let s = "a中𠀋".as_bytes();
        assert_eq!(complete_up_to(s), s.len());
        assert_eq!(complete_up_to(&s[..2]), 1);
        assert_eq!(complete_up_to(&s[..3]), 1);
        assert_eq!(complete_up_to(&s[..6]), 4);
        assert_eq!(complete_up_to(&s[..7]), 4);
        assert_eq!(complete_up_to(b""), 0);
    }
}
