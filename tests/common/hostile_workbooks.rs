//! Workbooks made to harm, built in code: a value in the sheet's last cell, a dimension
//! that lies, a shared-strings count far past what the file holds, an `.ods` cell
//! repeated over millions of cells, a formula saved without its value, a truncated zip,
//! a sheet that declares more than a gigabyte of XML. The `.xlsx` ones are a workbook
//! rust_xlsxwriter writes with its sheet (or shared strings) replaced by hand.

use super::{header, miitel_workbook, schema_row};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// A zip's entries again, each as `change` returns it (`None`: as it was).
pub fn rewrite_zip(bytes: &[u8], change: impl Fn(&str, &[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        let data = change(&name, &data).unwrap_or(data);
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// An inline-string cell.
pub fn text_cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A row of the template's header and `users` template rows as inline strings, from
/// row 1, in sheet XML.
pub fn user_rows(users: usize) -> String {
    let mut rows = vec![header()];
    rows.extend((0..users).map(schema_row));
    rows.iter()
        .enumerate()
        .map(|(r, cells)| {
            let cells: String = cells
                .iter()
                .enumerate()
                .map(|(c, v)| text_cell(&format!("{}{}", letter(c), r + 1), v))
                .collect();
            format!(r#"<row r="{}">{cells}</row>"#, r + 1)
        })
        .collect()
}

fn letter(c: usize) -> char {
    (b'A' + c as u8) as char
}

/// The MiiTel workbook with its first sheet's XML replaced: `dimension` and the rows
/// (`sheetData`'s content).
pub fn xlsx_with_sheet(dimension: &str, rows: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>"#
    );
    rewrite_zip(&miitel_workbook(), |name, _| {
        (name == "xl/worksheets/sheet1.xml").then(|| xml.clone().into_bytes())
    })
}

/// The header, two users, and one stray value in the sheet's last cell.
pub fn far_cell_xlsx() -> Vec<u8> {
    let rows = format!(
        r#"{}<row r="1048576">{}</row>"#,
        user_rows(2),
        text_cell("XFD1048576", "stray")
    );
    xlsx_with_sheet("A1:XFD1048576", &rows)
}

/// The header and two users under a dimension claiming the whole sheet.
pub fn lying_dimension_xlsx() -> Vec<u8> {
    xlsx_with_sheet("A1:XFD1048576", &user_rows(2))
}

/// The header and two users, the Extension of the second a formula with no value.
pub fn formula_without_value_xlsx() -> Vec<u8> {
    let rows = user_rows(2).replacen(
        &text_cell("C3", &schema_row(1)[2]),
        r#"<c r="C3"><f>100+2</f></c>"#,
        1,
    );
    xlsx_with_sheet("A1:X3", &rows)
}

/// The MiiTel workbook whose shared strings declare four billion unique strings.
pub fn huge_shared_count_xlsx() -> Vec<u8> {
    rewrite_zip(&miitel_workbook(), |name, data| {
        (name == "xl/sharedStrings.xml").then(|| {
            let xml = String::from_utf8(data.to_vec()).unwrap();
            let start = xml.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = start + xml[start..].find('"').unwrap();
            format!("{}4000000000{}", &xml[..start], &xml[end..]).into_bytes()
        })
    })
}

/// The MiiTel workbook cut in half.
pub fn truncated_xlsx() -> Vec<u8> {
    let bytes = miitel_workbook();
    bytes[..bytes.len() / 2].to_vec()
}

/// A workbook whose first sheet declares 1.5 GB of XML: its size fields in the zip's
/// directory say so (the sheet's bytes are the MiiTel sheet's).
pub fn sheet_bomb_xlsx() -> Vec<u8> {
    let mut bytes = xlsx_with_sheet("A1:X3", &user_rows(2));
    let name = b"xl/worksheets/sheet1.xml";
    let declared = 1_500_000_000u32.to_le_bytes();
    // The central directory's record (PK\x01\x02): uncompressed size at 24; the local
    // header's (PK\x03\x04): at 22.
    for (sig, at) in [(b"PK\x01\x02", 24usize), (b"PK\x03\x04", 22)] {
        let name_at = if sig == b"PK\x01\x02" { 46 } else { 30 };
        let starts: Vec<usize> = bytes
            .windows(4)
            .enumerate()
            .filter(|(_, w)| w == sig)
            .map(|(i, _)| i)
            .filter(|&i| bytes[i + name_at..].starts_with(name))
            .collect();
        for i in starts {
            bytes[i + at..i + at + 4].copy_from_slice(&declared);
        }
    }
    bytes
}

/// An `.ods` of one sheet `Big`: one value repeated `columns` times across, in a row
/// repeated `rows` times.
pub fn repeated_ods(rows: u64, columns: u64) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Big"><table:table-row table:number-rows-repeated="{rows}"><table:table-cell table:number-columns-repeated="{columns}" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    out.start_file("mimetype", stored).unwrap();
    out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    out.start_file("META-INF/manifest.xml", deflated).unwrap();
    out.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
        .unwrap();
    out.start_file("content.xml", deflated).unwrap();
    out.write_all(content.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}
