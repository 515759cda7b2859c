//! Decode: bytes of a text file → the text to analyze, and the encoding it was in.
//!
//! Order matters: a BOM wins; then valid UTF-8; then UTF-16 without BOM when every other byte is
//! zero; else GB18030 (a superset of GBK and GB2312). Never Windows-1252: that is how peers turn
//! Chinese reports into mojibake. Kept behind one function so the browser can use its own
//! `TextDecoder` instead of encoding_rs.

use crate::Error;

/// Text decoded from bytes, with the name of the encoding found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, without BOM.
    pub text: String,
    /// The encoding found: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `GB18030`.
    pub encoding: &'static str,
}

/// Decodes a text file's bytes; fails on empty input and on bytes that are not text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), "UTF-8")
    } else if bytes.starts_with(b"\xFF\xFE") {
        (legacy(&bytes[2..], "UTF-16LE"), "UTF-16LE")
    } else if bytes.starts_with(b"\xFE\xFF") {
        (legacy(&bytes[2..], "UTF-16BE"), "UTF-16BE")
    } else if let Some(le) = bomless_utf16(bytes) {
        let enc = if le { "UTF-16LE" } else { "UTF-16BE" };
        (legacy(bytes, enc), enc)
    } else if let Ok(s) = std::str::from_utf8(bytes) {
        (s.to_owned(), "UTF-8")
    } else {
        (legacy(bytes, "GB18030"), "GB18030")
    };
    if text.contains('\0') {
        return Err(Error::Unknown("binary"));
    }
    Ok(Decoded { text, encoding })
}

/// Decodes bytes in a known encoding (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, `Big5`, and for
/// PDF fonts `Shift_JIS`, `EUC-JP`, `EUC-KR`), as a web page declares it; malformed bytes become
/// U+FFFD.
pub fn decode_with(bytes: &[u8], encoding: &str) -> String {
    if encoding == "UTF-8" {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        legacy(bytes, encoding)
    }
}

/// Decodes UTF-16LE/BE, Big5, GB18030 or a Japanese or Korean encoding without BOM handling;
/// malformed bytes become U+FFFD.
#[cfg(not(target_arch = "wasm32"))]
fn legacy(bytes: &[u8], encoding: &str) -> String {
    let enc = match encoding {
        "UTF-16LE" => encoding_rs::UTF_16LE,
        "UTF-16BE" => encoding_rs::UTF_16BE,
        "Big5" => encoding_rs::BIG5,
        "Shift_JIS" => encoding_rs::SHIFT_JIS,
        "EUC-JP" => encoding_rs::EUC_JP,
        "EUC-KR" => encoding_rs::EUC_KR,
        _ => encoding_rs::GB18030,
    };
    enc.decode_without_bom_handling(bytes).0.into_owned()
}

/// In the browser: its own TextDecoder (U+FFFD for malformed bytes, as natively; our caller has
/// already removed a BOM).
#[cfg(target_arch = "wasm32")]
fn legacy(bytes: &[u8], encoding: &str) -> String {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(false);
    web_sys::TextDecoder::new_with_label_and_options(&encoding.to_ascii_lowercase(), &opts)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}

/// UTF-16 without BOM shows itself by zero bytes at every other position (ASCII and line breaks).
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let pairs = bytes.len() / 2;
    let zero_odd = bytes.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zero_even = bytes.iter().step_by(2).filter(|b| **b == 0).count();
    // Chinese text has few ASCII chars, so ask only for a handful of zero bytes, all on one side.
    if zero_odd * 20 >= pairs && zero_even == 0 {
        Some(true)
    } else if zero_even * 20 >= pairs && zero_odd == 0 {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("一、成效".as_bytes()).unwrap().encoding, "UTF-8");
        let d = decode(b"\xEF\xBB\xBF\xE4\xB8\x80").unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("一", "UTF-8"));
    }

    #[test]
    fn gbk_bytes_decode_as_gb18030() {
        let (gbk, _, _) = encoding_rs::GBK.encode("法治政府建设情况的报告\n");
        let d = decode(&gbk).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("法治政府建设情况的报告\n", "GB18030")
        );
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = "\u{feff}报告\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = "\u{feff}报告\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(
            decode(&le).unwrap(),
            Decoded {
                text: "报告\n".into(),
                encoding: "UTF-16LE"
            }
        );
        assert_eq!(
            decode(&be).unwrap(),
            Decoded {
                text: "报告\n".into(),
                encoding: "UTF-16BE"
            }
        );
    }

    #[test]
    fn utf16_without_bom_is_recognized_by_its_zero_bytes() {
        let le: Vec<u8> = "2023年报告\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&le).unwrap().encoding, "UTF-16LE");
    }

    #[test]
    fn empty_and_binary_input_are_errors() {
        assert!(matches!(decode(b""), Err(Error::Empty)));
        assert!(matches!(decode(b" \n\r\n"), Err(Error::Empty)));
        assert!(matches!(
            decode(b"\x00\x01\x02\x03rest\x00"),
            Err(Error::Unknown("binary"))
        ));
    }
}
