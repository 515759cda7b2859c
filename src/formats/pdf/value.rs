//! PDF values: the objects a file is made of ([`Obj`], [`Dict`]) and the damaged-file error,
//! below both the parser and the decryptor that need them.

use std::rc::Rc;

use crate::error::Error;

/// A PDF object.
#[derive(Debug, Clone, PartialEq)]
pub enum Obj {
    /// `null`, and whatever could not be read.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Integers and reals alike.
    Num(f64),
    /// A literal or hex string, as bytes.
    Str(Vec<u8>),
    /// A name, without its slash, `#xx` escapes decoded.
    Name(Vec<u8>),
    /// An array.
    Array(Vec<Obj>),
    /// A dictionary.
    Dict(Dict),
    /// An indirect reference `N G R`.
    Ref(u32),
    /// A stream: its dictionary and its raw (still encoded) bytes.
    Stream(Dict, Rc<[u8]>),
}

/// A dictionary, in file order (small, so a list is faster than a map).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dict(pub Vec<(Vec<u8>, Obj)>);

impl Dict {
    /// The value under `key`, unresolved.
    pub fn get(&self, key: &str) -> Option<&Obj> {
        self.get_bytes(key.as_bytes())
    }

    /// The value under a key given as bytes (a name from the file).
    pub fn get_bytes(&self, key: &[u8]) -> Option<&Obj> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl Obj {
    /// The number, if this is one.
    pub fn num(&self) -> Option<f64> {
        match self {
            Obj::Num(n) => Some(*n),
            _ => None,
        }
    }
    /// The name, if this is one.
    pub fn name(&self) -> Option<&[u8]> {
        match self {
            Obj::Name(n) => Some(n),
            _ => None,
        }
    }
    /// The dictionary of a dictionary or a stream.
    pub fn dict(&self) -> Option<&Dict> {
        match self {
            Obj::Dict(d) | Obj::Stream(d, _) => Some(d),
            _ => None,
        }
    }
    /// The items, if this is an array.
    pub fn array(&self) -> Option<&[Obj]> {
        match self {
            Obj::Array(a) => Some(a),
            _ => None,
        }
    }
}

/// A damaged-file error, in Chinese and English.
pub fn broken(zh: &str, en: &str) -> Error {
    Error::Broken(format!("PDF{zh}"), format!("PDF: {en}"))
}
