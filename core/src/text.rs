//! Text normalisation shared by headers, department names and ids.
//!
//! Exports from different systems spell the same thing differently:
//! full-width letters and digits, ideographic spaces, stray blanks. RULES §1
//! fixes how each kind of text is compared: headers by NFKC + trim + case
//! fold, department names by NFKC with all spaces removed, ids by NFKC +
//! trim. ASCII text is already NFKC, which keeps the common path free of
//! allocation.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// `%E6%97%97` escapes decoded, as `decodeURIComponent` does for UTF-8
/// (URL queries and paths); `None` for a malformed escape or bytes that
/// are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// NFKC normalisation, borrowing when the text is already normalised.
pub fn nfkc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfkc().collect())
    }
}

/// True for characters that show nothing: whitespace, control characters
/// (the NUL padding of fixed-width database exports) and the invisible
/// format characters that copying from web pages and Word leaves behind
/// (zero-width space and joiners, soft hyphen, word joiner, byte-order mark
/// and bidirectional controls).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
        )
}

/// `s` without invisible characters ([`is_invisible`]) at either end.
pub fn trim_invisible(s: &str) -> &str {
    s.trim_matches(is_invisible)
}

/// What Excel and WPS show in a cell whose formula failed (`#N/A` from a
/// failed VLOOKUP, `#REF!` …): no value at all.
pub fn is_excel_error(s: &str) -> bool {
    const ERRORS: [&str; 16] = [
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
        "#DATA!",
    ];
    let s = trim_invisible(s);
    s.starts_with('#') && ERRORS.iter().any(|e| e.eq_ignore_ascii_case(s))
}

/// A header cell as compared with column aliases: NFKC, trimmed (of
/// invisible characters too, such as a second byte-order mark), lower case.
pub fn header_key(s: &str) -> String {
    trim_invisible(&nfkc(s)).to_lowercase()
}

/// A department name: NFKC with every invisible character removed; empty
/// for an Excel error value such as `#REF!`, which names no department.
pub fn department_name(s: &str) -> String {
    let folded = nfkc(s);
    if is_excel_error(&folded) {
        return String::new();
    }
    folded.chars().filter(|&c| !is_invisible(c)).collect()
}

/// An id (索引号, 编号 …) as compared for duplicates and links: NFKC, trimmed
/// of invisible characters; empty for an Excel error value such as `#N/A`
/// (a failed lookup is no id, so two of them are not duplicates).
pub fn id_key(s: &str) -> String {
    id_key_cow(s).into_owned()
}

/// [`id_key`], borrowing `s` when it is already a key (nearly always).
pub fn id_key_cow(s: &str) -> Cow<'_, str> {
    // Printable ASCII with visible ends, not an error value: already a key.
    let b = s.as_bytes();
    let visible = |c: &u8| (0x21..0x7f).contains(c);
    if s.is_ascii()
        && b.first().is_some_and(|c| visible(c) && *c != b'#')
        && b.last().is_some_and(visible)
    {
        return Cow::Borrowed(s);
    }
    let folded = nfkc(s);
    if is_excel_error(&folded) {
        return Cow::Borrowed("");
    }
    match folded {
        Cow::Borrowed(f) => Cow::Borrowed(trim_invisible(f)),
        Cow::Owned(f) => Cow::Owned(trim_invisible(&f).to_owned()),
    }
}

/// Header fragments that mark a personal-data column (RULES §1.9).
const PERSONAL_DATA_FRAGMENTS: [&str; 10] = [
    "姓名",
    "申请人",
    "联系",
    "电话",
    "手机",
    "身份证",
    "证件",
    "邮箱",
    "地址",
    "来电号码",
];

/// ASCII fragments, compared case-insensitively.
const PERSONAL_DATA_FRAGMENTS_EN: [&str; 7] = [
    "applicant",
    "contact",
    "phone",
    "mobile",
    "email",
    "address",
    "id_card",
];

/// True when a column with this header holds personal data and must be
/// dropped at import.
pub fn is_personal_data_header(header: &str) -> bool {
    let key = header_key(header);
    // The applicant's category is not a person (RULES §1.9).
    if key == "applicant_type" || crate::schema::APPLICANT_TYPE.contains(&key.as_ref()) {
        return false;
    }
    PERSONAL_DATA_FRAGMENTS.iter().any(|f| key.contains(f))
        || PERSONAL_DATA_FRAGMENTS_EN.iter().any(|f| key.contains(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_width_and_case() {
        assert_eq!(header_key(" Published_On "), "published_on");
        assert_eq!(header_key("ＤＥＰＴ"), "dept");
        assert_eq!(header_key("\u{3000}发布日期\u{3000}"), "发布日期");
    }

    #[test]
    fn department_names_lose_all_spaces() {
        assert_eq!(department_name(" 旗 教育局\u{3000}"), "旗教育局");
        assert_eq!(department_name("旗教育局（本级）"), "旗教育局(本级)");
    }

    #[test]
    fn ids_are_trimmed_and_folded() {
        assert_eq!(id_key(" ＡＢ-００１ "), "AB-001");
    }

    #[test]
    fn invisible_characters_and_excel_errors_name_nothing() {
        assert_eq!(department_name("旗\u{200D}教育局\u{200B}\0\0"), "旗教育局");
        assert_eq!(department_name("\u{FEFF}\u{202E}旗教育局"), "旗教育局");
        assert_eq!(department_name("#REF!"), "");
        assert_eq!(department_name("#Ｎ/Ａ"), "");
        assert_eq!(department_name("#1中队"), "#1中队");
        assert_eq!(id_key("\u{200B}ZC-1\0"), "ZC-1");
        assert_eq!(id_key(" #N/A "), "");
        assert_eq!(header_key("\u{FEFF}发布机构"), "发布机构");
    }

    #[test]
    fn personal_data_headers() {
        for h in [
            "申请人姓名",
            "申请人联系电话",
            "联系电话",
            "手机号",
            "身份证号",
            "证件号码",
            "电子邮箱",
            "通讯地址",
            "来电号码",
            "Applicant",
            "EMAIL",
            "contact_phone",
            "ID_Card",
        ] {
            assert!(is_personal_data_header(h), "{h}");
        }
        for h in [
            "申请日期",
            "部门",
            "标题",
            "dept",
            "id",
            "申请人类型",
            "Applicant_Type",
        ] {
            assert!(!is_personal_data_header(h), "{h}");
        }
    }
}
