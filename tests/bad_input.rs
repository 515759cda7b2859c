//! Bad files: every kind gets a clear message naming the problem, and no damage to a real file —
//! cut short, bytes overwritten, zeroed — ever panics, hangs or yields a span outside the text.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{check_invariants, fixture};
use fazhi::Error;
use proptest::prelude::*;

/// One fixture of every binary format (seed 004 is the smallest).
const FILES: &[&str] = &[
    "formats/004_470a423e495ab50d.docx",
    "formats/004_470a423e495ab50d.autonum.docx",
    "formats/004_470a423e495ab50d.doc",
    "formats/004_470a423e495ab50d.autonum.doc",
    "formats/004_470a423e495ab50d.html",
    "formats/004_470a423e495ab50d.pdf",
    "formats/004_470a423e495ab50d.ofd",
];

fn read(bytes: &[u8]) -> Result<fazhi::Report, Error> {
    fazhi::analyze_bytes(bytes, "bad")
}

#[test]
fn an_empty_file_says_so() {
    assert_eq!(read(b"").unwrap_err(), Error::Empty);
    assert_eq!(read(b"\n \r\n").unwrap_err(), Error::Empty);
    assert!(Error::Empty.message_zh().contains("文件为空"));
}

#[test]
fn a_renamed_image_or_archive_is_an_unknown_format() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let err = read(png).unwrap_err();
    assert_eq!(err, Error::Unknown("png"));
    assert_eq!(err.message_zh(), "无法识别的文件格式（图片）");
    assert_eq!(
        read(b"Rar!\x1a\x07\x00").unwrap_err(),
        Error::Unknown("rar")
    );
}

#[test]
fn binary_junk_that_is_no_known_format_is_refused() {
    let junk: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    assert!(
        matches!(read(&junk), Err(Error::Unknown(_))),
        "{:?}",
        read(&junk).map(|r| r.text)
    );
}

#[test]
fn a_truncated_file_of_each_format_names_what_is_broken() {
    for f in FILES.iter().filter(|f| !f.ends_with(".html")) {
        let bytes = fixture(f);
        let cut = &bytes[..bytes.len() / 2];
        match read(cut) {
            Err(Error::Broken(zh, en)) => {
                assert!(!zh.is_empty() && !en.is_empty(), "{f}");
            }
            // A page description cut in half may still hold readable pages; never a panic.
            Ok(r) if f.ends_with(".pdf") => check_invariants(&r),
            other => panic!("{f}: {:?}", other.map(|r| r.meta.title)),
        }
    }
}

#[test]
fn a_zip_bomb_inside_a_docx_is_refused() {
    // A .docx whose document.xml inflates to 300 MB of white space: over the 256 MB budget.
    let zeros = vec![b' '; 300 << 20];
    let bomb = common::zip::make_zip(&[("word/document.xml", &zeros, true)]);
    assert!(
        bomb.len() < 1 << 20,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let err = read(&bomb).unwrap_err();
    assert_eq!(err, Error::TooLarge("inflated"));
    assert!(err.message_zh().contains("压缩炸弹"));
}

#[test]
fn an_encrypted_office_file_asks_for_the_password_to_be_removed() {
    // Word saves a password-protected .docx as an OLE file with these two streams.
    let mut ole = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
    for name in ["/EncryptionInfo", "/EncryptedPackage"] {
        let mut s = ole.create_stream(name).unwrap();
        std::io::Write::write_all(&mut s, &[0u8; 600]).unwrap();
    }
    ole.flush().unwrap();
    let bytes = ole.into_inner().into_inner();
    let err = read(&bytes).unwrap_err();
    assert_eq!(err, Error::Encrypted);
    assert_eq!(err.message_zh(), "文件已加密，请先解除密码");
}

/// Damage done to a real file: cut at some point, bytes overwritten, a stretch zeroed.
#[derive(Debug, Clone)]
enum Damage {
    Cut(f64),
    Overwrite(Vec<(f64, u8)>),
    Zero(f64, usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Damage::Cut),
        prop::collection::vec((0.0..1.0f64, any::<u8>()), 1..40).prop_map(Damage::Overwrite),
        ((0.0..1.0f64), 1..4096usize).prop_map(|(at, n)| Damage::Zero(at, n)),
    ]
}

fn apply(mut bytes: Vec<u8>, d: &Damage) -> Vec<u8> {
    let at = |f: f64, len: usize| ((len as f64 * f) as usize).min(len.saturating_sub(1));
    match d {
        Damage::Cut(f) => bytes.truncate(at(*f, bytes.len())),
        Damage::Overwrite(v) => {
            for (f, b) in v {
                let i = at(*f, bytes.len());
                bytes[i] = *b;
            }
        }
        Damage::Zero(f, n) => {
            let i = at(*f, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes[i..end].fill(0);
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_of_every_format_never_panic(file in prop::sample::select(FILES), d in damage()) {
        let bytes = apply(fixture(file), &d);
        if let Ok(r) = read(&bytes) {
            check_invariants(&r);
        }
    }
}
