//! Decode: bytes of a text file → the text to analyze, and the encoding it was in.
//!
//! Order matters: a BOM wins; then valid UTF-8 without zero bytes; then UTF-16 without BOM when
//! nearly every code unit is a character reports are written in; else GB18030 (a superset of
//! GBK and GB2312). Never Windows-1252: that is how peers turn Chinese reports into mojibake. Kept behind one function so the browser can use its own
//! `TextDecoder` instead of encoding_rs.

use crate::error::Error;

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
    // A BOM and white space alone are an empty file (#12.13), whatever the encoding.
    let body = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .find_map(|bom| bytes.strip_prefix(*bom))
        .unwrap_or(bytes);
    if body.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        return Err(Error::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (String::from_utf8_lossy(rest).into_owned(), "UTF-8")
    } else if bytes.starts_with(b"\xFF\xFE") {
        (legacy(&bytes[2..], "UTF-16LE"), "UTF-16LE")
    } else if bytes.starts_with(b"\xFE\xFF") {
        (legacy(&bytes[2..], "UTF-16BE"), "UTF-16BE")
    } else if let Some(s) = std::str::from_utf8(bytes)
        .ok()
        .filter(|_| !bytes.contains(&0))
    {
        // Valid UTF-8 without a zero byte is UTF-8: ASCII read as UTF-16 looks like Han.
        (s.to_owned(), "UTF-8")
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
    if text.trim().is_empty() {
        return Err(Error::Empty);
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

/// UTF-16 without BOM: nearly every code unit, read in one byte order, is a character a report
/// is written in (Han, CJK and full-width punctuation, ASCII) — which GB18030 or UTF-8 bytes
/// read as UTF-16 almost never are. Counting plausible units, not zero bytes, also takes a
/// report of pure Han text (`一` is `00 4E`: a zero byte on the "wrong" side, #12.12).
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    // The first megabyte says enough.
    let sample = &bytes[..bytes.len().min(1 << 20) & !1];
    let plausible = |u: u16| {
        matches!(u,
            0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xB7 | 0x2010..=0x206F | 0x2160..=0x217F
            | 0x2460..=0x24FF | 0x2500..=0x25FF | 0x3000..=0x303F | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
    };
    let count = |le: bool| {
        sample
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .filter(|u| plausible(*u))
            .count()
    };
    let units = sample.len() / 2;
    let (le, be) = (count(true), count(false));
    // ASCII text is plausible in neither order as UTF-16 (its pairs read as Han or Hangul
    // by chance far less often than this).
    let need = units * 19 / 20;
    if le >= need && le > be {
        Some(true)
    } else if be >= need && be > le {
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

    #[test]
    fn utf16_without_bom_of_pure_han_text() {
        // #12.12: `一`, `开`, `需` have a zero low byte; a report of Han text only has no ASCII.
        let text = "一、开展法治宣传需要加强\r\n二、存在问题\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(&le).unwrap(),
            Decoded {
                text: text.into(),
                encoding: "UTF-16LE"
            }
        );
        assert_eq!(
            decode(&be).unwrap(),
            Decoded {
                text: text.into(),
                encoding: "UTF-16BE"
            }
        );
        // The same text in GBK or UTF-8 is not taken for UTF-16.
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk).unwrap().encoding, "GB18030");
        assert_eq!(decode(text.as_bytes()).unwrap().encoding, "UTF-8");
        assert_eq!(decode(b"abcdefgh\r\n").unwrap().encoding, "UTF-8");
        let ascii = "Hello world 2024 ABC".repeat(50);
        assert_eq!(decode(ascii.as_bytes()).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn a_lone_bom_is_an_empty_file() {
        // #12.13: a UTF-8 BOM alone gave an empty report instead of "文件为空".
        for bytes in [
            &b"\xEF\xBB\xBF"[..],
            b"\xEF\xBB\xBF \r\n",
            b"\xFF\xFE",
            b"\xFF\xFE\x20\x00",
        ] {
            assert_eq!(decode(bytes), Err(Error::Empty), "{bytes:?}");
        }
    }
}
