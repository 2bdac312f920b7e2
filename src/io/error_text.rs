//! Reading and writing errors in the user's language. `Display` gives the English; the
//! system's own reason (an `std::io::Error`) stays as the system words it.

use super::{ReadError, WorkbookKind, WriteError};
use crate::validate::message::Lang;
use std::path::Path;

impl ReadError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ReadError::Io { path, source } => {
                format!("{} を読めません: {source}", path.display())
            }
            ReadError::Directory(path) => {
                format!("{} はフォルダーです。ファイルではありません", path.display())
            }
            ReadError::Binary { line, byte } => format!(
                "{line}行目{byte}バイト目: NULバイトを含むため、テキストのCSVではありません（表計算ソフトのファイルなど、別のバイナリファイルではありませんか？CSVとして保存してください）"
            ),
            ReadError::Utf32 => {
                "このファイルはUTF-32で、管理画面は読めません。UTF-8かShift_JISのCSVとして保存してください".to_string()
            }
            ReadError::Workbook => {
                "これはzipファイルですが、Excelブック（.xlsx）でもOpenDocument表計算（.ods）でもありません。CSVとして保存してください（Excelでは「ファイル」>「名前を付けて保存」>「CSV」）".to_string()
            }
            ReadError::BadWorkbook { kind, reason } => format!(
                "この{}は読めません（{reason}）。Excelで開いて保存し直すか、「ファイル」>「名前を付けて保存」>「CSV」を選んでください",
                workbook_label_ja(*kind)
            ),
            ReadError::NoSuchSheet { name, sheets } => format!(
                "ブックに「{name}」というシートはありません。シートは次のとおりです: {}",
                sheets.join(", ")
            ),
            ReadError::SheetOfText(name) => format!(
                "シート（「{name}」）が指定されましたが、このファイルはブックではなくテキストのCSVです"
            ),
            ReadError::TooLarge => {
                "ファイルが4 GiBを超えているため、Bulksheetでは扱えません".to_string()
            }
            ReadError::Cancelled => "キャンセルしました".to_string(),
        }
    }
}

/// A kind of workbook named in Japanese.
fn workbook_label_ja(kind: WorkbookKind) -> &'static str {
    match kind {
        WorkbookKind::Xlsx => "Excelブック（.xlsx）",
        WorkbookKind::Xls => "古いExcelブック（.xls）",
        WorkbookKind::Ods => "OpenDocument表計算ファイル（.ods）",
    }
}

impl ReadError {
    /// The message about the file at `path`: the path first, unless the message already
    /// names it.
    pub fn message_for_file(&self, path: &Path, lang: Lang) -> String {
        match self {
            ReadError::Io { .. } | ReadError::Directory(_) => self.message(lang),
            _ => format!("{}: {}", path.display(), self.message(lang)),
        }
    }
}

impl WriteError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            WriteError::Unencodable { row, column, ch } => format!(
                "{row}行目、{column}: 「{ch}」はShift_JISで保存できません。別の文字に置き換えるかUTF-8で保存してください"
            ),
            WriteError::Io { path, source } => {
                format!("{} に書き込めません: {source}", path.display())
            }
        }
    }
}
