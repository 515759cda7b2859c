//! Decrypt: the PDF Standard security handler opened with the empty user password (files that
//! carry only copy and print restrictions). The primitives it needs — MD5, RC4, AES-CBC and
//! SHA-256/384/512 — come from the RustCrypto crates (`md-5`, `rc4`, `aes` + `cbc`, `sha2`: no_std,
//! pure Rust, built for wasm32 too); this file only derives keys and applies them.

use aes::{Aes128, Aes256};
use cbc::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit, StreamCipher};
use md5::{Digest, Md5};
use rc4::Rc4;
use sha2::{Sha256, Sha384, Sha512};

use super::value::{Dict, Obj};

/// How strings or streams are encrypted.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Method {
    /// Not encrypted (the /Identity crypt filter).
    Identity,
    /// RC4 with a per-object key.
    Rc4,
    /// AES-128 CBC with a per-object key (/AESV2).
    Aes128,
    /// AES-256 CBC with the file key itself (/AESV3).
    Aes256,
}

/// The file key of an encrypted PDF and how to use it on strings and streams.
#[derive(Debug, Clone)]
pub struct Decryptor {
    key: Vec<u8>,
    strings: Method,
    streams: Method,
    /// Whether the XMP metadata stream is encrypted too (/EncryptMetadata).
    pub metadata: bool,
}

/// The 32-byte padding of Algorithm 2: an empty password is all padding.
const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

impl Decryptor {
    /// The decryptor for an /Encrypt dictionary and the first /ID string, if the empty user
    /// password opens the file; `None` when a password is needed or the dictionary is not one we
    /// know (another handler, a damaged /O or /U).
    pub fn new(enc: &Dict, id0: &[u8]) -> Option<Self> {
        if enc.get("Filter").and_then(Obj::name) != Some(b"Standard") {
            return None;
        }
        let num = |k: &str| enc.get(k).and_then(Obj::num);
        let bytes = |k: &str| match enc.get(k) {
            Some(Obj::Str(s)) => Some(s.as_slice()),
            _ => None,
        };
        let v = num("V").unwrap_or(0.0) as i64;
        let r = num("R").unwrap_or(0.0) as i64;
        let metadata = !matches!(enc.get("EncryptMetadata"), Some(Obj::Bool(false)));
        let (o, u) = (bytes("O")?, bytes("U")?);
        let (strings, streams) = match v {
            1..=3 => (Method::Rc4, Method::Rc4),
            4 | 5 => {
                let method = |k: &str| -> Option<Method> {
                    let name = enc.get(k).and_then(Obj::name).unwrap_or(b"Identity");
                    if name == b"Identity" {
                        return Some(Method::Identity);
                    }
                    let filter = enc.get("CF")?.dict()?.get_bytes(name)?.dict()?;
                    match filter.get("CFM").and_then(Obj::name) {
                        Some(b"V2") => Some(Method::Rc4),
                        Some(b"AESV2") => Some(Method::Aes128),
                        Some(b"AESV3") => Some(Method::Aes256),
                        Some(b"None") | None => Some(Method::Identity),
                        Some(_) => None,
                    }
                };
                (method("StrF")?, method("StmF")?)
            }
            _ => return None,
        };
        let key = match r {
            2..=4 => {
                if o.len() < 32 || u.len() < 16 {
                    return None;
                }
                let len = match v {
                    1 => 5,
                    4 => 16,
                    _ => (num("Length").unwrap_or(40.0) as usize / 8).clamp(5, 16),
                };
                // Algorithm 2: the file key from the (empty, so all-padding) password.
                let p = num("P").unwrap_or(0.0) as i64 as i32;
                let mut input = PAD.to_vec();
                input.extend_from_slice(&o[..32]);
                input.extend_from_slice(&p.to_le_bytes());
                input.extend_from_slice(id0);
                if r >= 4 && !metadata {
                    input.extend_from_slice(&[0xFF; 4]);
                }
                let mut hash = md5(&input);
                if r >= 3 {
                    for _ in 0..50 {
                        hash = md5(&hash[..len]);
                    }
                }
                let key = hash[..len].to_vec();
                // Algorithms 4 and 5: the key is right when it makes /U.
                let ok = if r == 2 {
                    u.len() >= 32 && rc4(&key, &PAD) == u[..32]
                } else {
                    let mut input = PAD.to_vec();
                    input.extend_from_slice(id0);
                    let mut x = rc4(&key, &md5(&input)).to_vec();
                    for i in 1..=19u8 {
                        let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
                        x = rc4(&k, &x);
                    }
                    x[..] == u[..16]
                };
                ok.then_some(key)?
            }
            5 | 6 => {
                let ue = bytes("UE")?;
                if u.len() < 48 || ue.len() < 32 {
                    return None;
                }
                // Algorithm 2.A: /U holds the hash of the password with a validation salt.
                let hash = |salt: &[u8]| {
                    if r == 5 { sha256(salt) } else { hash_2b(salt) }
                };
                if hash(&u[32..40])[..] != u[..32] {
                    return None;
                }
                let k = hash(&u[40..48]);
                aes_cbc_raw(&k, &[0; 16], &ue[..32])?
            }
            _ => return None,
        };
        Some(Decryptor {
            key,
            strings,
            streams,
            metadata,
        })
    }

    /// A string of object `num` generation `gen`, decrypted (empty when it cannot be).
    pub fn string(&self, num: u32, gen_: u16, data: &[u8]) -> Vec<u8> {
        self.run(self.strings, num, gen_, data)
    }

    /// Stream data of object `num` generation `gen`, decrypted (empty when it cannot be).
    pub fn stream(&self, num: u32, gen_: u16, data: &[u8]) -> Vec<u8> {
        self.run(self.streams, num, gen_, data)
    }

    /// Whether streams are encrypted at all (not under /Identity).
    pub fn streams_encrypted(&self) -> bool {
        self.streams != Method::Identity
    }

    fn run(&self, method: Method, num: u32, gen_: u16, data: &[u8]) -> Vec<u8> {
        match method {
            Method::Identity => data.to_vec(),
            Method::Aes256 => aes_cbc_decrypt(&self.key, data).unwrap_or_default(),
            Method::Rc4 | Method::Aes128 => {
                // Algorithm 1: the object key hashes the file key with the object's number.
                let mut input = self.key.clone();
                input.extend_from_slice(&num.to_le_bytes()[..3]);
                input.extend_from_slice(&gen_.to_le_bytes());
                if method == Method::Aes128 {
                    input.extend_from_slice(b"sAlT");
                }
                let hash = md5(&input);
                let key = &hash[..(self.key.len() + 5).min(16)];
                if method == Method::Rc4 {
                    rc4(key, data)
                } else {
                    aes_cbc_decrypt(key, data).unwrap_or_default()
                }
            }
        }
    }
}

/// Algorithm 2.B (revision 6): SHA-256, -384 and -512 chained over AES-128 rounds, for the empty
/// password and no user key.
fn hash_2b(salt: &[u8]) -> [u8; 32] {
    let mut k: Vec<u8> = sha256(salt).to_vec();
    let mut round = 0usize;
    loop {
        // K1 is the password (empty), K and the user key (none), 64 times.
        let k1 = k.repeat(64);
        let Some(e) = aes128_cbc_encrypt(&k[..16], &k[16..32], &k1) else {
            return [0; 32];
        };
        let sum: u32 = e[..16].iter().map(|&b| u32::from(b)).sum();
        k = match sum % 3 {
            0 => sha256(&e).to_vec(),
            1 => sha384(&e).to_vec(),
            _ => sha512(&e).to_vec(),
        };
        round += 1;
        if round >= 64 && usize::from(*e.last().unwrap_or(&0)) <= round - 32 {
            break;
        }
    }
    let mut out = [0; 32];
    out.copy_from_slice(&k[..32]);
    out
}

/// The MD5 digest of `data`.
fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

fn sha384(data: &[u8]) -> [u8; 48] {
    Sha384::digest(data).into()
}

fn sha512(data: &[u8]) -> [u8; 64] {
    Sha512::digest(data).into()
}

/// RC4 of `data` under `key` (encryption and decryption are the same); an empty key leaves the
/// data as it is.
fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = data.to_vec();
    if let Ok(mut cipher) = Rc4::new_from_slice(key) {
        cipher.apply_keystream(&mut out);
    }
    out
}

/// AES-CBC decryption of PDF data: the IV is the first 16 bytes, PKCS#7 padding is removed;
/// `None` when the length or the padding is wrong.
fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < 16 {
        return None;
    }
    let (iv, body) = data.split_at(16);
    let mut out = aes_cbc_raw(key, iv, body)?;
    let pad = usize::from(*out.last()?);
    if pad == 0
        || pad > 16
        || pad > out.len()
        || out[out.len() - pad..]
            .iter()
            .any(|&b| usize::from(b) != pad)
    {
        return None;
    }
    out.truncate(out.len() - pad);
    Some(out)
}

/// AES-128 or AES-256 CBC decryption of whole blocks, no padding; `None` for a bad key, IV or
/// length.
fn aes_cbc_raw(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    if !data.len().is_multiple_of(16) {
        return None;
    }
    let mut out = data.to_vec();
    let (blocks, _) = aes::Block::slice_as_chunks_mut(&mut out);
    match key.len() {
        16 => cbc::Decryptor::<Aes128>::new_from_slices(key, iv)
            .ok()?
            .decrypt_blocks(blocks),
        32 => cbc::Decryptor::<Aes256>::new_from_slices(key, iv)
            .ok()?
            .decrypt_blocks(blocks),
        _ => return None,
    }
    Some(out)
}

/// AES-128 CBC encryption of whole blocks, no padding (Algorithm 2.B's rounds); `None` for a bad
/// key, IV or length.
fn aes128_cbc_encrypt(key: &[u8], iv: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    if !data.len().is_multiple_of(16) {
        return None;
    }
    let mut out = data.to_vec();
    let (blocks, _) = aes::Block::slice_as_chunks_mut(&mut out);
    cbc::Encryptor::<Aes128>::new_from_slices(key, iv)
        .ok()?
        .encrypt_blocks(blocks);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_keys_and_lengths_are_refused_not_a_panic() {
        // Key lengths the crates reject come back as `None` (AES) or as the data (RC4).
        assert_eq!(aes_cbc_raw(&[0; 5], &[0; 16], &[0; 16]), None);
        assert_eq!(aes_cbc_raw(&[0; 16], &[0; 5], &[0; 16]), None);
        assert_eq!(aes_cbc_raw(&[0; 32], &[0; 16], &[0; 17]), None);
        assert_eq!(aes128_cbc_encrypt(&[0; 32], &[0; 16], &[0; 16]), None);
        assert_eq!(rc4(b"", b"plain"), b"plain");
        assert_eq!(rc4(b"Key", &rc4(b"Key", b"round trip")), b"round trip");
        assert_eq!(aes_cbc_raw(&[0; 32], &[0; 16], &[]), Some(Vec::new()));
    }

    #[test]
    fn aes_cbc_padding() {
        let key = [7u8; 16];
        let iv = [9u8; 16];
        let mut plain = b"fourteen bytes".to_vec();
        plain.extend_from_slice(&[2, 2]);
        let mut data = iv.to_vec();
        data.extend(aes128_cbc_encrypt(&key, &iv, &plain).unwrap());
        assert_eq!(aes_cbc_decrypt(&key, &data).unwrap(), b"fourteen bytes");
        // Damaged: too short, not whole blocks, bad padding — none of them panic.
        assert_eq!(aes_cbc_decrypt(&key, &data[..10]), None);
        assert_eq!(aes_cbc_decrypt(&key, &data[..20]), None);
        assert!(aes_cbc_decrypt(&key, &[0; 32]).is_none_or(|v| v.len() <= 16));
        assert_eq!(aes_cbc_decrypt(&key, &data[..16]), None);
    }

    #[test]
    fn damaged_encrypt_dictionaries_are_refused() {
        let dict = |o: &[u8], u: &[u8], r: f64| {
            Dict(vec![
                (b"Filter".to_vec(), Obj::Name(b"Standard".to_vec())),
                (b"V".to_vec(), Obj::Num(if r >= 5.0 { 5.0 } else { 2.0 })),
                (b"R".to_vec(), Obj::Num(r)),
                (b"O".to_vec(), Obj::Str(o.to_vec())),
                (b"U".to_vec(), Obj::Str(u.to_vec())),
                (b"UE".to_vec(), Obj::Str(vec![1; 7])),
                (b"P".to_vec(), Obj::Num(-4.0)),
            ])
        };
        for r in [2.0, 3.0, 4.0, 5.0, 6.0, 7.0] {
            assert!(Decryptor::new(&dict(b"short", b"short", r), b"id").is_none());
            assert!(Decryptor::new(&dict(&[0; 48], &[0; 48], r), b"").is_none());
        }
    }
}
