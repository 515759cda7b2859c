//! Why a file is refused ([`Error`]) and the bounds every reader keeps ([`LIMITS`]), so that a
//! hostile file is refused rather than read forever. Below every stage: it imports nothing.

/// Why a file could not be analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file holds no bytes but white space.
    Empty,
    /// A format fazhi does not read; what it looks like (`png`, `xlsx`, `binary`, …).
    Unknown(&'static str),
    /// Password-protected (Office encryption, an encrypted zip entry or PDF).
    Encrypted,
    /// Over a reader's limits (a zip bomb, too many entries, nesting too deep): which limit.
    TooLarge(&'static str),
    /// Damaged or truncated: what is broken, in Chinese and in English.
    Broken(String, String),
    /// A PDF without a text layer (a scan).
    ScannedPdf,
    /// A PDF that draws text in fonts that do not say which characters they are (no ToUnicode).
    UnmappedFonts,
    /// A readable file of this format that holds no text.
    NoText(&'static str),
    /// A .docx, .doc, PDF or OFD given to a build without the `readers` feature.
    NotBuiltIn,
    /// The file could not be read (CLI only).
    Io(String),
}

impl Error {
    /// The message for people, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Error::Empty => "文件为空，没有可分析的文字".into(),
            Error::Unknown(kind) => format!("无法识别的文件格式（{}）", kind_zh(kind)),
            Error::Encrypted => "文件已加密，请先解除密码".into(),
            Error::TooLarge(what) => format!(
                "文件超出处理上限（{}），可能是压缩炸弹或已损坏，已拒绝",
                limit_zh(what)
            ),
            Error::Broken(zh, _) => format!("文件已损坏：{zh}"),
            Error::ScannedPdf => "该PDF没有可提取的文字（可能是扫描件）".into(),
            Error::UnmappedFonts => {
                "该PDF的字体没有文字映射，无法提取文字（请用原文件或重新导出的PDF）".into()
            }
            Error::NoText(format) => format!("文件中没有文字（{format}）"),
            Error::NotBuiltIn => "这个版本不含 Word/PDF/OFD 读取模块，请粘贴文字".into(),
            Error::Io(e) => format!("无法读取文件：{e}"),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            Error::Empty => "the file is empty".into(),
            Error::Unknown(kind) => format!("unrecognized file format ({kind})"),
            Error::Encrypted => "the file is encrypted; remove the password first".into(),
            Error::TooLarge(what) => {
                format!("over the limit ({what}): a zip bomb or a damaged file, refused")
            }
            Error::Broken(_, en) => format!("the file is damaged: {en}"),
            Error::ScannedPdf => "the PDF has no text to extract (a scan?)".into(),
            Error::UnmappedFonts => {
                "the PDF's fonts do not map their glyphs to text (no ToUnicode); use the original or a re-exported PDF".into()
            }
            Error::NoText(format) => format!("the file holds no text ({format})"),
            Error::NotBuiltIn => "this build has no Word/PDF/OFD readers; paste the text".into(),
            Error::Io(e) => format!("cannot read the file: {e}"),
        }
    }
}

fn kind_zh(kind: &str) -> &'static str {
    match kind {
        "png" | "jpeg" | "gif" => "图片",
        "rtf" => "RTF 文件",
        "xlsx" | "xls" => "Excel 表格",
        "pptx" | "ppt" => "PowerPoint 演示文稿",
        "odf" => "OpenDocument 文件",
        "zip" | "rar" | "7z" | "gzip" => "压缩包",
        "ole" => "不是 Word/WPS 文档的 OLE 文件",
        _ => "二进制数据",
    }
}

fn limit_zh(what: &str) -> &'static str {
    match what {
        "inflated" => "解压后大小",
        "entries" => "条目数量",
        "depth" => "嵌套层数",
        "text" => "文字量",
        "work" => "处理量",
        _ => "大小",
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.message_zh(), self.message_en())
    }
}

impl std::error::Error for Error {}

/// Bounds every reader keeps, so that a hostile file is refused rather than read forever.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Bytes all decompressed parts of one file may add up to (zip entries, PDF streams).
    pub max_inflated: usize,
    /// Entries in a zip archive, objects in a PDF, directory entries in an OLE file.
    pub max_entries: usize,
    /// Nesting depth of XML elements (and PDF arrays/dictionaries).
    pub max_depth: usize,
    /// Bytes of extracted text.
    pub max_text: usize,
    /// Units of work one file may take beyond its bytes: PDF content-stream bytes interpreted
    /// (a form counts each time it is drawn), OFD objects placed (a template each time it is
    /// used). Reuse multiplies work without growing the file; this bounds the product.
    pub max_work: usize,
}

/// The limits used for every file.
pub const LIMITS: Limits = Limits {
    max_inflated: 256 << 20,
    max_entries: 100_000,
    max_depth: 256,
    max_text: 32 << 20,
    max_work: 64 << 20,
};
