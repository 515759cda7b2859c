//! Decrypt: the PDF Standard security handler opened with the empty user password (files that
//! carry only copy and print restrictions), and the MD5, RC4, AES and SHA-2 it needs, written here
//! so that the reader stays free of crypto crates and builds for the browser.

use super::objects::{Dict, Obj};

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
                aes_cbc_raw(&k, &[0; 16], &ue[..32], false)?
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
        let Some(e) = aes_cbc_raw(&k[..16], &k[16..32], &k1, true) else {
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

// ---- MD5 (RFC 1321) ----

const MD5_K: [u32; 64] = [
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];

const MD5_S: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

/// The MD5 digest of `data`.
pub fn md5(data: &[u8]) -> [u8; 16] {
    let mut h: [u32; 4] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476];
    for block in padded(data, false).chunks_exact(64) {
        let m: Vec<u32> = block
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let s = MD5_S[(i / 16) * 4 + i % 4];
            let t = a
                .wrapping_add(f)
                .wrapping_add(MD5_K[i])
                .wrapping_add(m[g])
                .rotate_left(s);
            (a, b, c, d) = (d, b.wrapping_add(t), b, c);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0; 16];
    for (o, x) in out.chunks_exact_mut(4).zip(h) {
        o.copy_from_slice(&x.to_le_bytes());
    }
    out
}

/// `data` with the Merkle–Damgård padding of MD5 (little-endian length) or SHA-256 (big-endian).
fn padded(data: &[u8], big_endian: bool) -> Vec<u8> {
    let mut v = data.to_vec();
    v.push(0x80);
    while v.len() % 64 != 56 {
        v.push(0);
    }
    let bits = (data.len() as u64).wrapping_mul(8);
    v.extend_from_slice(&if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    v
}

// ---- RC4 ----

/// RC4 of `data` under `key` (encryption and decryption are the same).
pub fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    if key.is_empty() {
        return data.to_vec();
    }
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|&b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[usize::from(i)]);
            s.swap(usize::from(i), usize::from(j));
            b ^ s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))]
        })
        .collect()
}

// ---- AES (FIPS-197) ----

/// The S-box and its inverse, computed from the field inverse and the affine map.
const SBOXES: ([u8; 256], [u8; 256]) = {
    let mut sbox = [0u8; 256];
    let mut inv = [0u8; 256];
    let (mut p, mut q) = (1u8, 1u8);
    sbox[0] = 0x63;
    inv[0x63] = 0;
    loop {
        // p runs over the field by powers of 3, q by powers of 3⁻¹: q = p⁻¹.
        p = p ^ (p << 1) ^ if p & 0x80 != 0 { 0x1B } else { 0 };
        q ^= q << 1;
        q ^= q << 2;
        q ^= q << 4;
        if q & 0x80 != 0 {
            q ^= 0x09;
        }
        let x = q ^ q.rotate_left(1) ^ q.rotate_left(2) ^ q.rotate_left(3) ^ q.rotate_left(4);
        sbox[p as usize] = x ^ 0x63;
        inv[(x ^ 0x63) as usize] = p;
        if p == 1 {
            break;
        }
    }
    (sbox, inv)
};
const SBOX: [u8; 256] = SBOXES.0;
const INV_SBOX: [u8; 256] = SBOXES.1;

/// Multiplication in GF(2⁸) modulo the AES polynomial.
fn gmul(mut a: u8, mut b: u8) -> u8 {
    let mut p = 0;
    while b != 0 {
        if b & 1 != 0 {
            p ^= a;
        }
        a = (a << 1) ^ if a & 0x80 != 0 { 0x1B } else { 0 };
        b >>= 1;
    }
    p
}

/// An expanded AES-128 or AES-256 key.
pub struct Aes {
    round_keys: Vec<[u8; 16]>,
}

impl Aes {
    /// The key schedule of a 16- or 32-byte key; `None` for other lengths.
    pub fn new(key: &[u8]) -> Option<Self> {
        let nk = match key.len() {
            16 => 4,
            32 => 8,
            _ => return None,
        };
        let rounds = nk + 6;
        let mut w: Vec<[u8; 4]> = key
            .chunks_exact(4)
            .map(|c| [c[0], c[1], c[2], c[3]])
            .collect();
        let mut rcon = 1u8;
        for i in nk..4 * (rounds + 1) {
            let mut t = w[i - 1];
            if i % nk == 0 {
                t = [
                    SBOX[usize::from(t[1])] ^ rcon,
                    SBOX[usize::from(t[2])],
                    SBOX[usize::from(t[3])],
                    SBOX[usize::from(t[0])],
                ];
                rcon = gmul(rcon, 2);
            } else if nk > 6 && i % nk == 4 {
                t = t.map(|b| SBOX[usize::from(b)]);
            }
            let prev = w[i - nk];
            w.push(std::array::from_fn(|k| prev[k] ^ t[k]));
        }
        let round_keys = w
            .chunks_exact(4)
            .map(|c| std::array::from_fn(|k| c[k / 4][k % 4]))
            .collect();
        Some(Aes { round_keys })
    }

    /// Encrypts one block.
    pub fn encrypt(&self, block: &mut [u8; 16]) {
        let rounds = self.round_keys.len() - 1;
        xor(block, &self.round_keys[0]);
        for r in 1..=rounds {
            let s = block.map(|b| SBOX[usize::from(b)]);
            // ShiftRows: row i of column c comes from column c + i.
            *block = std::array::from_fn(|k| s[k % 4 + 4 * ((k / 4 + k % 4) % 4)]);
            if r != rounds {
                for c in block.chunks_exact_mut(4) {
                    let a = [c[0], c[1], c[2], c[3]];
                    for (i, x) in c.iter_mut().enumerate() {
                        *x = gmul(a[i], 2)
                            ^ gmul(a[(i + 1) % 4], 3)
                            ^ a[(i + 2) % 4]
                            ^ a[(i + 3) % 4];
                    }
                }
            }
            xor(block, &self.round_keys[r]);
        }
    }

    /// Decrypts one block.
    pub fn decrypt(&self, block: &mut [u8; 16]) {
        let rounds = self.round_keys.len() - 1;
        xor(block, &self.round_keys[rounds]);
        for r in (0..rounds).rev() {
            let s = *block;
            // Inverse ShiftRows: row i of column c goes back to column c + i.
            *block = std::array::from_fn(|k| s[k % 4 + 4 * ((k / 4 + 4 - k % 4) % 4)]);
            *block = block.map(|b| INV_SBOX[usize::from(b)]);
            xor(block, &self.round_keys[r]);
            if r != 0 {
                for c in block.chunks_exact_mut(4) {
                    let a = [c[0], c[1], c[2], c[3]];
                    for (i, x) in c.iter_mut().enumerate() {
                        *x = gmul(a[i], 14)
                            ^ gmul(a[(i + 1) % 4], 11)
                            ^ gmul(a[(i + 2) % 4], 13)
                            ^ gmul(a[(i + 3) % 4], 9);
                    }
                }
            }
        }
    }
}

fn xor(block: &mut [u8; 16], other: &[u8; 16]) {
    for (a, b) in block.iter_mut().zip(other) {
        *a ^= b;
    }
}

/// AES-CBC decryption of PDF data: the IV is the first 16 bytes, PKCS#7 padding is removed;
/// `None` when the length or the padding is wrong.
pub fn aes_cbc_decrypt(key: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < 16 {
        return None;
    }
    let (iv, body) = data.split_at(16);
    let mut out = aes_cbc_raw(key, iv, body, false)?;
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

/// AES-CBC without padding, encrypting or decrypting whole blocks; `None` for a bad key, IV or
/// length.
fn aes_cbc_raw(key: &[u8], iv: &[u8], data: &[u8], encrypt: bool) -> Option<Vec<u8>> {
    let aes = Aes::new(key)?;
    let mut prev: [u8; 16] = iv.try_into().ok()?;
    if !data.len().is_multiple_of(16) {
        return None;
    }
    let mut out = Vec::with_capacity(data.len());
    for chunk in data.chunks_exact(16) {
        let mut block: [u8; 16] = chunk.try_into().ok()?;
        if encrypt {
            xor(&mut block, &prev);
            aes.encrypt(&mut block);
            prev = block;
        } else {
            aes.decrypt(&mut block);
            xor(&mut block, &prev);
            prev = chunk.try_into().ok()?;
        }
        out.extend_from_slice(&block);
    }
    Some(out)
}

// ---- SHA-2 (FIPS 180-4) ----

/// Round constants of SHA-512; their high halves are those of SHA-256.
const K64: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

const H384: [u64; 8] = [
    0xcbbb9d5dc1059ed8,
    0x629a292a367cd507,
    0x9159015a3070dd17,
    0x152fecd8f70e5939,
    0x67332667ffc00b31,
    0x8eb44a8768581511,
    0xdb0c2e0d64f98fa7,
    0x47b5481dbefa4fa4,
];

const H512: [u64; 8] = [
    0x6a09e667f3bcc908,
    0xbb67ae8584caa73b,
    0x3c6ef372fe94f82b,
    0xa54ff53a5f1d36f1,
    0x510e527fade682d1,
    0x9b05688c2b3e6c1f,
    0x1f83d9abfb41bd6b,
    0x5be0cd19137e2179,
];

/// The SHA-256 digest of `data` (its constants are the high halves of SHA-512's).
pub fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] = H512.map(|x| (x >> 32) as u32);
    for block in padded(data, true).chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add((K64[i] >> 32) as u32)
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0; 32];
    for (o, x) in out.chunks_exact_mut(4).zip(h) {
        o.copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// SHA-512 of `data` from initial state `init` (SHA-384 is its first 48 bytes from [`H384`]).
fn sha512_family(data: &[u8], init: &[u64; 8]) -> [u8; 64] {
    let mut v = data.to_vec();
    v.push(0x80);
    while v.len() % 128 != 112 {
        v.push(0);
    }
    v.extend_from_slice(&((data.len() as u128).wrapping_mul(8)).to_be_bytes());
    let mut h = *init;
    for block in v.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes(c.try_into().unwrap_or([0; 8]));
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut s = h;
        for i in 0..80 {
            let [a, b, c, d, e, f, g, hh] = s;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K64[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            s = [
                t1.wrapping_add(s0.wrapping_add(maj)),
                a,
                b,
                c,
                d.wrapping_add(t1),
                e,
                f,
                g,
            ];
        }
        for (x, y) in h.iter_mut().zip(s) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0; 64];
    for (o, x) in out.chunks_exact_mut(8).zip(h) {
        o.copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// The SHA-384 digest of `data`.
pub fn sha384(data: &[u8]) -> [u8; 48] {
    let mut out = [0; 48];
    out.copy_from_slice(&sha512_family(data, &H384)[..48]);
    out
}

/// The SHA-512 digest of `data`.
pub fn sha512(data: &[u8]) -> [u8; 64] {
    sha512_family(data, &H512)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn md5_rfc1321() {
        for (input, want) in [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            (
                "abcdefghijklmnopqrstuvwxyz",
                "c3fcd3d76192e4007dfb496cca67e13b",
            ),
            (
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a",
            ),
        ] {
            assert_eq!(hex(&md5(input.as_bytes())), want, "{input}");
        }
    }

    #[test]
    fn rc4_vectors() {
        assert_eq!(hex(&rc4(b"Key", b"Plaintext")), "bbf316e8d940af0ad3");
        assert_eq!(hex(&rc4(b"Wiki", b"pedia")), "1021bf0420");
        assert_eq!(
            hex(&rc4(b"Secret", b"Attack at dawn")),
            "45a01f645fc35b383552544b9bf5"
        );
        assert_eq!(rc4(b"Key", &rc4(b"Key", b"round trip")), b"round trip");
    }

    #[test]
    fn aes_fips197() {
        let plain = unhex("00112233445566778899aabbccddeeff");
        for (key, want) in [
            (
                "000102030405060708090a0b0c0d0e0f",
                "69c4e0d86a7b0430d8cdb78070b4c55a",
            ),
            (
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
                "8ea2b7ca516745bfeafc49904b496089",
            ),
        ] {
            let aes = Aes::new(&unhex(key)).unwrap();
            let mut block: [u8; 16] = plain.clone().try_into().unwrap();
            aes.encrypt(&mut block);
            assert_eq!(hex(&block), want);
            aes.decrypt(&mut block);
            assert_eq!(block[..], plain[..]);
        }
        // FIPS-197 appendix A.1 key expansion: the last round key of 2b7e1516….
        let aes = Aes::new(&unhex("2b7e151628aed2a6abf7158809cf4f3c")).unwrap();
        assert_eq!(hex(&aes.round_keys[10]), "d014f9a8c9ee2589e13f0cc8b6630ca6");
        assert!(Aes::new(&[0; 5]).is_none());
    }

    #[test]
    fn aes_cbc_padding() {
        let key = [7u8; 16];
        let iv = [9u8; 16];
        let mut plain = b"fourteen bytes".to_vec();
        plain.extend_from_slice(&[2, 2]);
        let mut data = iv.to_vec();
        data.extend(aes_cbc_raw(&key, &iv, &plain, true).unwrap());
        assert_eq!(aes_cbc_decrypt(&key, &data).unwrap(), b"fourteen bytes");
        // Damaged: too short, not whole blocks, bad padding — none of them panic.
        assert_eq!(aes_cbc_decrypt(&key, &data[..10]), None);
        assert_eq!(aes_cbc_decrypt(&key, &data[..20]), None);
        assert!(aes_cbc_decrypt(&key, &[0; 32]).is_none_or(|v| v.len() <= 16));
        assert_eq!(aes_cbc_decrypt(&key, &data[..16]), None);
    }

    #[test]
    fn sha2_fips180() {
        assert_eq!(
            hex(&sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hex(&sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(
            hex(&sha384(b"abc")),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed\
             8086072ba1e7cc2358baeca134c825a7"
        );
        assert_eq!(
            hex(&sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
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
