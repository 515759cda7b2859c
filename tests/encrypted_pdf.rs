//! PDFs encrypted with the Standard security handler but opened with the empty user password
//! (copy and print restrictions only) read like the unencrypted file; one that needs a password is
//! still refused. The fixtures are seed 004's PDF re-encrypted by `qpdf --encrypt`.

mod common;

use common::{check_invariants, fixture, outline_rows};
use fazhi::{Error, Report};

const PLAIN: &str = "formats/004_470a423e495ab50d.pdf";

fn meta_row(r: &Report) -> String {
    let m = &r.meta;
    format!(
        "title={:?} issuers={:?} recipients={:?} year={:?} level={:?} signedBy={:?} date={:?} closing={:?}",
        m.title, m.issuers, m.recipients, m.year, m.level, m.signed_by, m.date, m.closing
    )
}

fn same_as_plain(name: &str) {
    let want = fazhi::analyze_bytes(&fixture(PLAIN), "plain.pdf").unwrap();
    let got = fazhi::analyze_bytes(&fixture(&format!("formats/encrypted/{name}")), name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    check_invariants(&got);
    assert_eq!(got.source.format, "pdf", "{name}");
    assert_eq!(meta_row(&got), meta_row(&want), "{name}");
    assert_eq!(outline_rows(&got), outline_rows(&want), "{name}");
    assert!(!outline_rows(&got).is_empty(), "{name}");
    assert_eq!(got.text, want.text, "{name}: the text itself");
}

#[test]
fn rc4_40_bit_r2_reads_like_the_plain_pdf() {
    same_as_plain("rc4-40.pdf");
}

#[test]
fn rc4_128_bit_r3_reads_like_the_plain_pdf() {
    same_as_plain("rc4-128.pdf");
}

#[test]
fn aes_128_r4_with_object_streams_reads_like_the_plain_pdf() {
    same_as_plain("aes-128.pdf");
}

#[test]
fn aes_256_r6_reads_like_the_plain_pdf() {
    same_as_plain("aes-256.pdf");
}

#[test]
fn aes_256_r5_reads_like_the_plain_pdf() {
    same_as_plain("aes-256-r5.pdf");
}

/// Files with the user password `user` (empty documents: the key check fails before any page).
#[test]
fn a_pdf_that_needs_a_user_password_is_refused() {
    for name in [
        "user-password.pdf",
        "user-password-r5.pdf",
        "user-password-aes128.pdf",
        "user-password-rc4.pdf",
        "user-password-rc4-40.pdf",
    ] {
        let err =
            fazhi::analyze_bytes(&fixture(&format!("formats/encrypted/{name}")), name).unwrap_err();
        assert_eq!(err, Error::Encrypted, "{name}");
    }
}

/// Damaged encrypted files (bytes flipped, the file cut short) give a result or an error, never a
/// panic: bad padding, short strings and wrong keys are not trusted.
#[test]
fn damaged_encrypted_pdfs_do_not_panic() {
    for name in ["aes-128.pdf", "rc4-40.pdf", "aes-256.pdf"] {
        let bytes = fixture(&format!("formats/encrypted/{name}"));
        for k in [1usize, 3, 5, 7] {
            let at = bytes.len() * k / 8;
            let mut flipped = bytes.clone();
            for b in &mut flipped[at..(at + 64).min(bytes.len())] {
                *b ^= 0x5A;
            }
            let _ = fazhi::analyze_bytes(&flipped, name);
            let _ = fazhi::analyze_bytes(&bytes[..at], name);
        }
    }
}
