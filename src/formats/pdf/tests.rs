//! Small PDFs built in the test, one behaviour each.

use super::content::Drawing;
use super::font::CMap;
use super::objects::Doc;
use super::value::{Dict, Obj};
use super::*;

/// The PDF writer shared with the integration tests.
#[path = "../../../tests/common/pdf.rs"]
mod writer;
use writer::{pdf, stream};

fn zlib(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 6)
}

/// A ToUnicode CMap giving each two-byte code its character.
fn to_unicode(pairs: &[(u16, char)]) -> Vec<u8> {
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    s += &format!("{} beginbfchar\n", pairs.len());
    for (code, c) in pairs {
        let mut units = [0u16; 2];
        let hex: String = c
            .encode_utf16(&mut units)
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect();
        s += &format!("<{code:04X}> <{hex}>\n");
    }
    s += "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n";
    s.into_bytes()
}

/// The two-byte codes that draw `text` with the font of [`one_page`] (codes 1, 2, … in order).
fn codes(text: &str, font: &[(u16, char)]) -> String {
    text.chars()
        .map(|c| {
            let code = font.iter().find(|(_, f)| *f == c).map_or(0, |(k, _)| *k);
            format!("{code:04X}")
        })
        .collect()
}

const FONT: &[(u16, char)] = &[
    (1, '关'),
    (2, '于'),
    (3, '报'),
    (4, '告'),
    (5, '一'),
    (6, '、'),
    (7, '总'),
    (8, '体'),
    (9, '\u{20BB7}'), // 𠮷, outside the BMP: a surrogate pair in the CMap
];

/// One A4 page whose content is `content`, with F1 a Type0 Identity-H font mapped by [`FONT`]
/// (widths 1000) and `extra_objects` from number 8 on.
fn one_page(content: &[u8], page_extra: &str, extra_objects: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
        b"<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>".to_vec(),
        format!("<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>{page_extra}>>/Contents 5 0 R>>")
            .into_bytes(),
        b"<</Type/Font/Subtype/Type0/BaseFont/Noto/Encoding/Identity-H/DescendantFonts[7 0 R]/ToUnicode 6 0 R>>"
            .to_vec(),
        stream("/Filter/FlateDecode", &zlib(content)),
        stream("", &to_unicode(FONT)),
        b"<</Type/Font/Subtype/CIDFontType0/BaseFont/Noto/DW 1000/W[9[500]]>>".to_vec(),
    ];
    objects.extend_from_slice(extra_objects);
    pdf(&objects, "")
}

fn text_of(bytes: &[u8]) -> Result<String, Error> {
    read(bytes).map(|e| e.text)
}

/// The runs one page draws, without reflow.
fn runs_of(bytes: &[u8]) -> Vec<layout::Run> {
    let doc = Doc::open(bytes).unwrap();
    let pages = pages(&doc).unwrap();
    let mut d = Drawing::new(&doc);
    for (i, p) in pages.iter().enumerate() {
        let res = doc
            .resolve(&p.resources)
            .unwrap()
            .dict()
            .cloned()
            .unwrap_or_default();
        let content = page_content(&doc, &p.dict).unwrap();
        d.page(i, page_top(&doc, p).unwrap(), &res, &content)
            .unwrap();
    }
    d.runs
}

#[test]
fn cjk_text_comes_through_the_tounicode_cmap() {
    let content = format!(
        "BT /F1 22 Tf 100 750 Td <{}> Tj ET\nBT /F1 16 Tf 80 700 Td <{}> Tj ET",
        codes("关于报告", FONT),
        codes("一、总体\u{20BB7}", FONT)
    );
    let text = text_of(&one_page(content.as_bytes(), "", &[])).unwrap();
    assert_eq!(text, "关于报告\n一、总体\u{20BB7}");
}

#[test]
fn runs_carry_page_position_size_and_width_with_y_downward() {
    // cm scales by 2; Tm moves; the page is 842 high, so baseline 700 is 142 from the top.
    let content = format!(
        "q 2 0 0 2 0 0 cm BT /F1 8 Tf 1 0 0 1 40 350 Tm <{}> Tj ET Q BT /F1 16 Tf 80 600 Td [<{}> -500 <{}>] TJ ET",
        codes("关于", FONT),
        codes("报", FONT),
        codes("告", FONT),
    );
    let runs = runs_of(&one_page(content.as_bytes(), "", &[]));
    assert_eq!(runs.len(), 2);
    let r = &runs[0];
    assert_eq!((r.page, r.text.as_str()), (0, "关于"));
    assert!(
        (r.x - 80.0).abs() < 0.01 && (r.y - 142.0).abs() < 0.01,
        "{r:?}"
    );
    assert!(
        (r.size - 16.0).abs() < 0.01 && (r.width - 32.0).abs() < 0.01,
        "{r:?}"
    );
    // TJ: two glyphs of 16 plus a gap of half an em, and no space inside CJK text.
    let r = &runs[1];
    assert_eq!(r.text, "报告");
    assert!((r.width - 40.0).abs() < 0.01, "{r:?}");
}

#[test]
fn cid_widths_come_from_w_and_dw() {
    // Code 9 is 500 wide in /W, the others take /DW 1000.
    let content = format!(
        "BT /F1 10 Tf 0 800 Td <{}> Tj ET",
        codes("关\u{20BB7}", FONT)
    );
    let runs = runs_of(&one_page(content.as_bytes(), "", &[]));
    assert!((runs[0].width - 15.0).abs() < 0.01, "{:?}", runs[0]);
}

#[test]
fn bfrange_maps_both_forms_with_surrogates_and_ligatures() {
    let cmap = CMap::parse(
        b"1 begincodespacerange <00> <FF> endcodespacerange\n\
          3 beginbfrange\n<10> <12> <4E00>\n<20> <21> [<D842DFB7> <00660069>]\n<30> <31> <0041>\nendbfrange\n\
          1 beginbfchar <05> <FB01> endbfchar",
    )
    .unwrap();
    assert_eq!(cmap.lookup(0x11, 1).as_deref(), Some("\u{4E01}"));
    assert_eq!(cmap.lookup(0x20, 1).as_deref(), Some("\u{20BB7}"));
    assert_eq!(cmap.lookup(0x21, 1).as_deref(), Some("fi"));
    assert_eq!(cmap.lookup(0x31, 1).as_deref(), Some("B"));
    assert_eq!(cmap.lookup(0x05, 1).as_deref(), Some("\u{FB01}"));
    assert_eq!(cmap.lookup(0x13, 1), None);
}

#[test]
fn simple_fonts_use_differences_and_winansi_and_space_latin_words() {
    let objects = vec![
        b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>".to_vec(),
        b"<</Type/Page/MediaBox[0 0 600 800]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>".to_vec(),
        b"<</Type/Font/Subtype/Type1/BaseFont/Times/FirstChar 65/Widths[600 600]\
          /Encoding<</BaseEncoding/WinAnsiEncoding/Differences[1/uni4E00/fi]>>>>"
            .to_vec(),
        stream("", b"BT /F1 12 Tf 14 TL 10 700 Td [(Rule) -300 (of law) -100 (\\223ok\\224)] TJ (\\001\\002) ' ET"),
    ];
    let runs = runs_of(&pdf(&objects, ""));
    let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["Rule of law\u{201C}ok\u{201D}", "一\u{FB01}"]);
    assert!(
        (runs[1].y - runs[0].y - 14.0).abs() < 0.01,
        "' moves down by TL"
    );
}

#[test]
fn form_xobjects_draw_their_text_and_may_not_draw_themselves() {
    let form = stream(
        "/Type/XObject/Subtype/Form/BBox[0 0 595 842]/Matrix[1 0 0 1 0 -100]",
        format!(
            "BT /F1 16 Tf 80 700 Td <{}> Tj ET /Fm0 Do",
            codes("总体", FONT)
        )
        .as_bytes(),
    );
    let bytes = one_page(b"/Fm0 Do", "/XObject<</Fm0 8 0 R>>", &[form]);
    let runs = runs_of(&bytes);
    assert_eq!(
        runs.len(),
        1,
        "the form drawn once, its self-reference cut off"
    );
    assert_eq!(runs[0].text, "总体");
    assert!((runs[0].y - 242.0).abs() < 0.01, "{:?}", runs[0]);
}

#[test]
fn a_truncated_file_keeps_what_it_can_or_says_it_is_broken() {
    let content = format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET", codes("报告", FONT));
    let whole = one_page(content.as_bytes(), "", &[]);
    let xref = crate::formats::find(&whole, b"xref").unwrap();
    // Cut before the xref: the objects are all there, found by scanning.
    assert_eq!(text_of(&whole[..xref]).unwrap(), "报告");
    // Cut in the first object: nothing to read.
    assert!(
        matches!(read(&whole[..30]), Err(Error::Broken(..))),
        "{:?}",
        read(&whole[..30])
    );
}

#[test]
fn garbage_after_the_header_is_broken() {
    let err = read(b"%PDF-1.4\n\x00\x01\x02 this is not a pdf at all \xff\xfe").unwrap_err();
    assert!(
        matches!(err, Error::Broken(ref zh, ref en) if zh.contains("PDF") && en.contains("PDF")),
        "{err:?}"
    );
}

#[test]
fn a_pdf_without_pages_is_broken() {
    let bytes = pdf(
        &[
            b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
            b"<</Type/Pages/Kids[]/Count 0>>".to_vec(),
        ],
        "",
    );
    assert!(matches!(read(&bytes), Err(Error::Broken(ref zh, _)) if zh == "PDF中没有页面"));
}

#[test]
fn an_encrypted_pdf_that_needs_a_password_is_refused() {
    // Well-formed /O and /U that the empty password does not produce: a user password is needed.
    let hex32 = "<".to_string() + &"5a".repeat(32) + ">";
    let good = format!("<</Filter/Standard/V 2/R 3/Length 128/O{hex32}/U{hex32}/P -4>>");
    // Damaged or unknown dictionaries are refused the same way, not read and not a panic.
    for enc in [
        good.as_str(),
        "<</Filter/Standard/V 2/R 3/O(x)/U(y)/P -4>>",
        "<</Filter/Standard/V 5/R 6/O(x)/U(y)/UE(z)/P -4>>",
        "<</Filter/Standard/V 4/R 4/O(x)/U(y)/P -4/StmF/Nope>>",
        "<</Filter/Adobe.PubSec/V 2/R 3>>",
        "42",
    ] {
        let objects = vec![
            b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
            b"<</Type/Pages/Kids[]/Count 0>>".to_vec(),
            enc.as_bytes().to_vec(),
        ];
        assert_eq!(
            read(&pdf(&objects, " /Encrypt 3 0 R /ID[<0102><0102>]")),
            Err(Error::Encrypted),
            "{enc}"
        );
    }
}

#[test]
fn pages_with_images_and_no_text_are_a_scan() {
    let image = stream(
        "/Type/XObject/Subtype/Image/Width 1/Height 1/BitsPerComponent 8/ColorSpace/DeviceGray/Filter/DCTDecode",
        b"\xff\xd8\xff",
    );
    let bytes = one_page(
        b"q 595 0 0 842 0 0 cm /Im0 Do Q",
        "/XObject<</Im0 8 0 R>>",
        &[image],
    );
    let err = read(&bytes).unwrap_err();
    assert_eq!(err, Error::ScannedPdf);
    assert!(
        err.to_string()
            .contains("该PDF没有可提取的文字（可能是扫描件）")
    );
}

#[test]
fn a_stream_bomb_stops_at_the_inflate_budget() {
    let bomb = zlib(&vec![b' '; 1 << 20]);
    let objects = [stream("/Filter/FlateDecode", &bomb)];
    let bytes = pdf(&objects, "");
    let doc = Doc::open_with_budget(&bytes, 1 << 16).unwrap();
    let Obj::Stream(d, raw) = doc.get(1).unwrap() else {
        panic!("object 1 is a stream")
    };
    assert_eq!(doc.decode(&d, &raw), Err(Error::TooLarge("inflated")));
    // The budget is the whole file's: two streams under it one by one, not together.
    let doc = Doc::open_with_budget(&bytes, (1 << 20) + 10).unwrap();
    assert!(doc.decode(&d, &raw).unwrap().is_some());
    assert_eq!(doc.decode(&d, &raw), Err(Error::TooLarge("inflated")));
}

/// A PDF whose objects 2–4 sit in an object stream, indexed by a PNG-predicted xref stream.
fn xref_stream_pdf() -> Vec<u8> {
    let content = format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET", codes("关于报告", FONT));
    let cmap = to_unicode(FONT);
    let in_stream = [
        "<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>",
        "<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
        "<</Type/Font/Subtype/Type0/Encoding/Identity-H/DescendantFonts[<</Subtype/CIDFontType2/DW 1000>>]/ToUnicode 6 0 R>>",
    ];
    let mut header = String::new();
    let mut body = String::new();
    for (i, o) in in_stream.iter().enumerate() {
        header += &format!("{} {} ", i + 2, body.len());
        body += o;
        body += "\n";
    }
    let objstm = format!("{header}{body}");
    let mut out = b"%PDF-1.7\n".to_vec();
    let at = |out: &mut Vec<u8>, n: u32, body: &[u8]| {
        let off = out.len();
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
        off
    };
    let o1 = at(&mut out, 1, b"<</Type/Catalog/Pages 2 0 R>>");
    let o5 = at(
        &mut out,
        5,
        &stream("/Filter/FlateDecode", &zlib(content.as_bytes())),
    );
    let o6 = at(&mut out, 6, &stream("", &cmap));
    let o7 = at(
        &mut out,
        7,
        &stream(
            &format!("/Type/ObjStm/N 3/First {}/Filter/FlateDecode", header.len()),
            &zlib(objstm.as_bytes()),
        ),
    );
    let o8 = out.len();
    // Rows: type, offset (2 bytes), index; each row PNG "Up"-predicted from the previous one.
    let rows: Vec<[u8; 4]> = vec![
        [0, 0, 0, 0],
        [1, (o1 >> 8) as u8, o1 as u8, 0],
        [2, 0, 7, 0],
        [2, 0, 7, 1],
        [2, 0, 7, 2],
        [1, (o5 >> 8) as u8, o5 as u8, 0],
        [1, (o6 >> 8) as u8, o6 as u8, 0],
        [1, (o7 >> 8) as u8, o7 as u8, 0],
        [1, (o8 >> 8) as u8, o8 as u8, 0],
    ];
    let mut predicted = Vec::new();
    let mut prev = [0u8; 4];
    for r in &rows {
        predicted.push(2);
        predicted.extend(r.iter().zip(prev).map(|(a, b)| a.wrapping_sub(b)));
        prev = *r;
    }
    at(
        &mut out,
        8,
        &stream(
            "/Type/XRef/Size 9/W[1 2 1]/Root 1 0 R/Filter/FlateDecode/DecodeParms<</Columns 4/Predictor 12>>",
            &zlib(&predicted),
        ),
    );
    out.extend_from_slice(format!("startxref\n{o8}\n%%EOF\n").as_bytes());
    out
}

#[test]
fn xref_streams_and_object_streams_are_read() {
    let bytes = xref_stream_pdf();
    assert_eq!(text_of(&bytes).unwrap(), "关于报告");
    // The same objects are found by scanning when startxref points nowhere.
    let mut broken = bytes.clone();
    let at = crate::formats::find(&broken, b"startxref").unwrap();
    broken.truncate(at);
    broken.extend_from_slice(b"startxref\n999999\n%%EOF\n");
    assert_eq!(text_of(&broken).unwrap(), "关于报告");
}

#[test]
fn wrong_xref_offsets_fall_back_to_the_objects_themselves() {
    let content = format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET", codes("总体", FONT));
    let mut bytes = one_page(content.as_bytes(), "", &[]);
    // Shift every object by inserting bytes after the header; the xref now points amiss.
    bytes.splice(9..9, b"%%%%%%%%%%%%%%%%%%%%%%%\n".iter().copied());
    assert_eq!(text_of(&bytes).unwrap(), "总体");
    // Junk before the header: offsets count from the header.
    let mut junked = b"junk\n".to_vec();
    junked.extend_from_slice(&one_page(content.as_bytes(), "", &[]));
    assert_eq!(text_of(&junked).unwrap(), "总体");
}

#[test]
fn cycles_in_the_page_tree_and_lengths_do_not_hang() {
    let content = format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET", codes("报告", FONT));
    let mut bytes = one_page(content.as_bytes(), "", &[]);
    // The page tree lists itself among its kids; the content's /Length is itself.
    let kids = crate::formats::find(&bytes, b"/Kids[3 0 R]").unwrap();
    bytes.splice(kids..kids + 12, b"/Kids[3 0 R 2 0 R]".iter().copied());
    let doc_len = crate::formats::find(&bytes, b"5 0 obj\n<</Length ").unwrap() + 18;
    let digits = bytes[doc_len..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    bytes.splice(doc_len..doc_len + digits, b"5 0 R".iter().copied());
    assert_eq!(text_of(&bytes).unwrap(), "报告");
}

#[test]
fn nesting_beyond_the_depth_limit_is_refused() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let bytes = one_page(deep.as_bytes(), "", &[]);
    assert_eq!(read(&bytes), Err(Error::TooLarge("depth")));
}

#[test]
fn empty_dictionary_values_and_odd_tokens_read_as_null() {
    let mut lx = objects::Lexer::new(b"<</A/B 1 0 R/C [1 -2.5 (a\\)b) <41 4>] /D>> ", 0);
    let Some(Obj::Dict(d)) = lx.object(0).unwrap() else {
        panic!("a dictionary")
    };
    assert_eq!(d.get("A"), Some(&Obj::Name(b"B".to_vec())));
    let Some(Obj::Array(c)) = d.get("C") else {
        panic!("an array")
    };
    assert_eq!(
        c,
        &[
            Obj::Num(1.0),
            Obj::Num(-2.5),
            Obj::Str(b"a)b".to_vec()),
            Obj::Str(b"A@".to_vec())
        ]
    );
    assert_eq!(d.get("D"), Some(&Obj::Null));
    assert_eq!(Dict::default().get("A"), None);
}

/// Prints the lines a fixture reads as (`cargo test --lib dump_fixture -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump_fixture() {
    let name = std::env::var("PDF").unwrap_or("000_0ac10b74a13066d8.autonum".into());
    let path = format!(
        "{}/tests/fixtures/formats/{name}.pdf",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(path).unwrap();
    for r in runs_of(&bytes)
        .iter()
        .filter(|r| std::env::var("GREP").map_or(true, |g| r.text.contains(&g)))
    {
        println!(
            "p{} x{:6.1} y{:6.1} s{:4.1} w{:6.1} {:?}",
            r.page, r.x, r.y, r.size, r.width, r.text
        );
    }
    println!("{}", read(&bytes).unwrap().text);
}

#[test]
fn actual_text_replaces_the_glyphs_it_marks() {
    // LibreOffice draws a no-break space as a space glyph marked with its real text.
    let content = format!(
        "BT /F1 16 Tf 80 700 Td <{}> Tj ET BT /Span<</ActualText<FEFF00A0>>> BDC 96 700 Td <{}> Tj EMC ET \
         BT /P <</MCID 0>> BDC 100 700 Td <{}> Tj EMC ET",
        codes("一", FONT),
        codes("关", FONT),
        codes("、", FONT),
    );
    let runs = runs_of(&one_page(content.as_bytes(), "", &[]));
    let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(texts, ["一", "\u{a0}", "、"]);
    assert!((runs[1].x - 96.0).abs() < 0.01 && (runs[1].width - 16.0).abs() < 0.01);
}

#[test]
fn blank_pages_hold_no_text_rather_than_a_scan() {
    let bytes = one_page(b"0 0 m 100 100 l S", "", &[]);
    assert_eq!(read(&bytes), Err(Error::NoText("pdf")));
}

#[test]
fn forms_fanning_out_stop_at_the_entry_limit() {
    // Form k draws form k + 1 ten times: 10^7 draws uncapped.
    let mut forms = Vec::new();
    for k in 0..7 {
        let body = if k < 6 {
            "/Fn Do ".repeat(10)
        } else {
            format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET", codes("关", FONT))
        };
        let res = format!(
            "/Resources<</Font<</F1 4 0 R>>/XObject<</Fn {} 0 R>>>>",
            9 + k
        );
        forms.push(stream(&format!("/Subtype/Form{res}"), body.as_bytes()));
    }
    let bytes = one_page(b"/Fn Do", "/XObject<</Fn 8 0 R>>", &forms[..]);
    let runs = runs_of(&bytes);
    assert!(
        !runs.is_empty() && runs.len() < LIMITS.max_entries,
        "{}",
        runs.len()
    );
}

#[test]
fn numbers_read_as_pdf_writes_them() {
    let mut lx = objects::Lexer::new(b"12 -3.5 .25 +7 4. --2 0.000001", 0);
    let nums: Vec<f64> = std::iter::from_fn(|| lx.object(0).unwrap())
        .filter_map(|o| o.num())
        .collect();
    assert_eq!(nums.len(), 7);
    let want = [12.0, -3.5, 0.25, 7.0, 4.0, -2.0, 0.000001];
    assert!(
        nums.iter().zip(want).all(|(a, b)| (a - b).abs() < 1e-12),
        "{nums:?}"
    );
}

#[test]
fn predefined_legacy_cmaps_decode_their_codes_without_tounicode() {
    // Old writers name a predefined CMap (GBK-EUC-H, 90ms-RKSJ-H…) and give no ToUnicode: the
    // codes are the legacy encoding's bytes, one byte for ASCII. /W is keyed by CIDs, not codes,
    // so widths come from the text: 关于 two ems, 2023 four half ems, at size 10.
    let font = |enc: &str| {
        format!(
            "<</Type/Font/Subtype/Type0/BaseFont/SimSun/Encoding/{enc}/DescendantFonts[5 0 R]>>"
        )
        .into_bytes()
    };
    let page = |enc: &str, shown: &str| {
        pdf(
            &[
                b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
                b"<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>".to_vec(),
                b"<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>>>/Contents 6 0 R>>"
                    .to_vec(),
                font(enc),
                b"<</Type/Font/Subtype/CIDFontType0/BaseFont/SimSun/DW 1000/W[1 95 500 814[3000]]>>"
                    .to_vec(),
                stream("", format!("BT /F1 10 Tf 80 700 Td <{shown}> Tj ET").as_bytes()),
            ],
            "",
        )
    };
    let runs = runs_of(&page("GBK-EUC-H", "B9D8D3DA32303233C4EAB1A8B8E6"));
    assert_eq!(runs[0].text, "关于2023年报告");
    assert!((runs[0].width - 70.0).abs() < 0.01, "{:?}", runs[0]);
    assert_eq!(runs_of(&page("ETen-B5-H", "B3F8A769"))[0].text, "報告");
    assert_eq!(runs_of(&page("90ms-RKSJ-H", "95F18D90"))[0].text, "報告");
    // Codes the encoding does not define draw nothing rather than U+FFFD.
    assert_eq!(text_of(&page("GBK-EUC-H", "FFFFB9D8")).unwrap(), "关");
}

#[test]
fn text_in_fonts_that_map_to_nothing_is_named_as_such_not_a_scan() {
    // Codes 0x63 and 0x64 are not in the font's ToUnicode: glyphs are drawn, no text comes out.
    let bytes = one_page(b"BT /F1 16 Tf 100 700 Td <00630064> Tj ET", "", &[]);
    let err = read(&bytes).unwrap_err();
    assert_eq!(err, Error::UnmappedFonts);
    assert!(err.message_zh().contains("字体没有文字映射"));
    // The same page drawing mapped codes reads.
    let ok = one_page(
        format!("BT /F1 16 Tf 100 700 Td <{}> Tj ET", codes("关于", FONT)).as_bytes(),
        "",
        &[],
    );
    assert_eq!(text_of(&ok).unwrap(), "关于");
}

#[test]
fn one_stream_listed_many_times_as_contents_is_charged_each_time() {
    // #12.5: a 33 KB uncompressed stream listed 100,000 times took 40 s and 3.2 GB.
    let t = std::time::Instant::now();
    let content =
        format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET\n", codes("报告", FONT)).repeat(33_000 / 40);
    let refs = "8 0 R ".repeat(100_000);
    let mut bytes = one_page(b"", "", &[stream("", content.as_bytes())]);
    let at = crate::formats::find(&bytes, b"/Contents 5 0 R").unwrap();
    let list = format!("/Contents [{refs}]");
    // The objects after the page move: the reader finds them by scanning, as in a damaged file.
    bytes.splice(at..at + 15, list.bytes());
    let err = read(&bytes).unwrap_err();
    eprintln!("100,000 × 33 KB contents: {:?} in {:?}", err, t.elapsed());
    assert!(
        matches!(err, Error::TooLarge("work" | "inflated")),
        "{err:?}"
    );
    assert!(t.elapsed().as_secs() < 20);
}

#[test]
fn one_form_drawn_many_times_is_charged_each_time() {
    // #12.6: `/Fm Do` 100,000 times with a 1 MB form ran past 60 s.
    let t = std::time::Instant::now();
    let form = "0 0 m 1 1 l S\n".repeat((1 << 20) / 14);
    let bytes = one_page(
        "/Fm Do\n".repeat(100_000).as_bytes(),
        "/XObject<</Fm 8 0 R>>",
        &[stream(
            "/Subtype/Form/Filter/FlateDecode",
            &zlib(form.as_bytes()),
        )],
    );
    let err = read(&bytes).unwrap_err();
    eprintln!(
        "100,000 draws of a 1 MB form: {:?} in {:?}",
        err,
        t.elapsed()
    );
    assert!(
        matches!(err, Error::TooLarge("work" | "inflated")),
        "{err:?}"
    );
    assert!(t.elapsed().as_secs() < 20);
}

/// A PDF of `n` stream objects that never say `endstream`, behind a wrong `startxref`: the
/// reader must repair it by one scan.
fn streams_without_end(n: usize) -> Vec<u8> {
    let content = format!("BT /F1 16 Tf 80 700 Td <{}> Tj ET", codes("报告", FONT));
    let mut bytes = one_page(content.as_bytes(), "", &[]);
    let at = crate::formats::find(&bytes, b"xref\n").unwrap();
    bytes.truncate(at);
    for k in 0..n {
        bytes.extend_from_slice(
            format!(
                "{} 0 obj\n<</Length 999999999>>\nstream\nq 1 0 0 1 0 0 cm Q\n",
                100 + k
            )
            .as_bytes(),
        );
    }
    bytes.extend_from_slice(b"trailer\n<</Root 1 0 R>>\nstartxref\n999999999\n%%EOF\n");
    bytes
}

#[test]
fn repairing_many_streams_without_end_is_linear() {
    // #12.7: 80,000 such objects (3.8 MB) ran past 60 s: each stream searched to the file's end.
    let time = |n: usize| {
        let bytes = streams_without_end(n);
        let t = std::time::Instant::now();
        let r = read(&bytes);
        (t.elapsed(), bytes.len(), r.map(|e| e.text))
    };
    let (small, _, r) = time(10_000);
    assert_eq!(r.unwrap(), "报告");
    let (big, len, r) = time(80_000);
    assert_eq!(r.unwrap(), "报告");
    eprintln!("10,000 objects: {small:?}; 80,000 objects ({len} bytes): {big:?}");
    assert!(
        big < small * 20 + std::time::Duration::from_millis(500),
        "{small:?} {big:?}"
    );
}

#[test]
fn a_huge_tounicode_map_is_looked_up_by_binary_search() {
    // #12.8: each glyph scanned ~100,000 bfrange entries; 2M glyphs ran past 60 s.
    let n = 90_000u32;
    let mut s = String::from("1 begincodespacerange <000000> <FFFFFF> endcodespacerange\n");
    for chunk in (0..n).collect::<Vec<_>>().chunks(100) {
        s += &format!("{} beginbfrange\n", chunk.len());
        for k in chunk {
            s += &format!("<{:06X}> <{:06X}> <4E00>\n", k * 2, k * 2);
        }
        s += "endbfrange\n";
    }
    // An overlapping range: a code in both is found in either, nothing panics.
    s += "1 beginbfrange <000000> <0000FF> <0041> endbfrange\n";
    let cmap = CMap::parse(s.as_bytes()).unwrap();
    let t = std::time::Instant::now();
    let mut found = 0;
    for code in 0..2_000_000u32 {
        found += usize::from(cmap.lookup(code % (2 * n), 3).is_some());
    }
    eprintln!("2M lookups over {n} ranges: {:?}", t.elapsed());
    assert!(found >= 1_000_000, "{found}");
    assert_eq!(cmap.lookup(2, 3).as_deref(), Some("\u{4E00}"));
    assert_eq!(cmap.lookup(3, 3).as_deref(), Some("\u{44}"));
    assert!(t.elapsed().as_secs() < 10);
}

#[test]
fn a_page_tree_deeper_than_the_limit_says_so() {
    // #12.13: a 100,000-deep page tree said "PDF中没有页面", not the depth limit.
    let n = 100_000;
    // As direct dictionaries nested in one object…
    let nested = format!(
        "<</Type/Catalog/Pages {}<</Type/Page>>{}>>",
        "<</Type/Pages/Kids[".repeat(n),
        "]>>".repeat(n)
    );
    let t = std::time::Instant::now();
    assert_eq!(
        read(&pdf(&[nested.into_bytes()], "")),
        Err(Error::TooLarge("depth"))
    );
    // …and as a chain of objects, each the only kid of the one before (fewer: 100,000 objects
    // are over the entry limit).
    let mut objects = vec![b"<</Type/Catalog/Pages 2 0 R>>".to_vec()];
    for k in 0..n / 2 {
        objects.push(format!("<</Type/Pages/Kids[{} 0 R]>>", k + 3).into_bytes());
    }
    objects.push(b"<</Type/Page>>".to_vec());
    assert_eq!(read(&pdf(&objects, "")), Err(Error::TooLarge("depth")));
    eprintln!("100,000- and 50,000-deep page trees: {:?}", t.elapsed());
}
