//! Sniffing and opening a file: workbook, JSON or delimited text, and
//! what a file that is none of them is.

use crate::schema::Kind;

use super::decode::Decoded;
use super::file_error::FileProblem;
use super::intake::plain_text;
use super::{Content, InputFile, Table, book, decode, delimited, json, sheet};

pub(super) fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// A file opened for reading: whole tables (workbooks, JSON), or a
/// delimited text still to be read a slice of rows at a time.
pub(super) enum Opened {
    Tables(Vec<Table>),
    Delimited {
        path: String,
        encoding: String,
        notes: Vec<String>,
        reader: Box<delimited::Reader>,
        kind: Option<Kind>,
    },
}

pub(super) fn open_file(file: InputFile) -> Result<Opened, FileProblem> {
    if file.bytes().iter().all(u8::is_ascii_whitespace) {
        return Err(FileProblem::Empty);
    }
    let InputFile {
        path,
        content,
        kind,
    } = file;
    let bytes = match content {
        // What the bytes below would give: the same text, read as UTF-8.
        Content::Utf8(text) if plain_text(&path, text.as_bytes()) => {
            return open_text(path, decode::utf8_text(text), kind);
        }
        Content::Utf8(text) => text.into_bytes(),
        Content::Bytes(bytes) => bytes,
    };
    if let Some(format) = workbook_format(&path, &bytes) {
        let sheets =
            sheet::read(bytes, kind).map_err(|why| FileProblem::Workbook { format, why })?;
        if sheets.is_empty() {
            return Err(FileProblem::NoSheetHeader { wanted: kind });
        }
        let several = sheets.len() > 1;
        return Ok(Opened::Tables(
            sheets
                .into_iter()
                .map(|s| Table {
                    path: if several {
                        format!("{path}#{}", s.name)
                    } else {
                        path.clone()
                    },
                    encoding: format.to_owned(),
                    grid: s.grid,
                    header: s.header,
                    notes: Vec::new(),
                })
                .collect(),
        ));
    }
    if let Some(what) = binary_kind(&bytes) {
        return Err(FileProblem::NotATable { what });
    }
    open_text(path, decode::decode(bytes), kind)
}

/// A text file, decoded: JSON or delimited text.
fn open_text(path: String, decoded: Decoded, kind: Option<Kind>) -> Result<Opened, FileProblem> {
    if decoded
        .text
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\0')
    {
        return Err(FileProblem::OnlyByteOrderMark {
            encoding: decoded.encoding.to_owned(),
        });
    }
    let mut notes = Vec::new();
    if decoded.lossy {
        notes.push(format!(
            "some bytes are not valid {}; they were replaced by \u{fffd}",
            decoded.encoding
        ));
    }
    // JSON by extension, or by content when it parses as JSON: a CSV whose
    // title line starts with `[` is still a CSV.
    let is_json_name = path.to_lowercase().ends_with(".json");
    if is_json_name || decoded.text.trim_start().starts_with('[') {
        match json::read(&decoded.text, kind) {
            Ok((grid, header)) => {
                return Ok(Opened::Tables(vec![Table {
                    path,
                    encoding: decoded.encoding.to_owned(),
                    grid,
                    header,
                    notes,
                }]));
            }
            Err(e) if is_json_name => return Err(e),
            Err(_) => {}
        }
    }
    let reader = delimited::Reader::start(decoded.text, kind)
        .ok_or(FileProblem::NoHeader { wanted: kind })?;
    Ok(Opened::Delimited {
        path,
        encoding: decoded.encoding.to_owned(),
        notes,
        reader: Box::new(reader),
        kind,
    })
}

/// "XLSX" or "XLS" for a workbook, by its signature or else its name.
#[allow(
    clippy::case_sensitive_file_extension_comparisons,
    reason = "`lower` is the lower-cased path"
)]
pub(super) fn workbook_format(path: &str, bytes: &[u8]) -> Option<&'static str> {
    let lower = path.to_lowercase();
    let is_zip = bytes.starts_with(book::ZIP_MAGIC);
    let is_ole = bytes.starts_with(book::OLE_MAGIC);
    if is_ole || (!is_zip && lower.ends_with(".xls")) {
        Some("XLS")
    } else if is_zip || lower.ends_with(".xlsx") {
        Some("XLSX")
    } else {
        None
    }
}

/// What a file that is no text or workbook is, by its first bytes (in
/// English and Chinese).
pub(super) fn binary_kind(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    type Signature = (&'static [u8], (&'static str, &'static str));
    const SIGNATURES: [Signature; 8] = [
        (b"\x89PNG\r\n\x1a\n", ("a PNG image", "PNG 图片")),
        (b"\xFF\xD8\xFF", ("a JPEG image", "JPEG 图片")),
        (b"GIF87a", ("a GIF image", "GIF 图片")),
        (b"GIF89a", ("a GIF image", "GIF 图片")),
        (b"%PDF-", ("a PDF document", "PDF 文档")),
        (b"Rar!\x1a\x07", ("a RAR archive", "RAR 压缩包")),
        (b"7z\xBC\xAF\x27\x1C", ("a 7-Zip archive", "7-Zip 压缩包")),
        (b"\x1f\x8b", ("a gzip archive", "gzip 压缩包")),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| *what)
}

/// The table of a delimited file once all of it is read.
pub(super) fn finish_delimited(
    path: String,
    encoding: String,
    mut notes: Vec<String>,
    reader: delimited::Reader,
    kind: Option<Kind>,
) -> Result<Table, FileProblem> {
    let parsed = reader
        .finish()
        .ok_or(FileProblem::NoHeader { wanted: kind })?;
    if let Some(row) = parsed.unclosed_quote_row {
        notes.push(format!(
            "row {row} opens a quoted value that never closes; the rest of the file was read as that value"
        ));
    }
    Ok(Table {
        path,
        encoding,
        grid: parsed.grid,
        header: parsed.header,
        notes,
    })
}
