//! Reading and writing errors in the user's language. `Display` gives the English; the
//! system's own reason (an `std::io::Error`) stays as the system words it.

use super::{ReadError, WorkbookKind, WriteCause, WriteError};
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
                format!("{} を読めません：{source}", path.display())
            }
            ReadError::Directory(path) => {
                format!("{} はフォルダーです。ファイルではありません", path.display())
            }
            ReadError::Binary { line, byte } => format!(
                "{line}行目{byte}バイト目：NULバイトを含むため、テキストのCSVではありません（表計算ソフトのファイルなど、別のバイナリファイルではありませんか？CSVとして保存してください）"
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
            ReadError::WorkbookLimit { kind, sheet, limit } => format!(
                "この{}{}はBulksheetが読める範囲を超えています：{}。不要な部分を削除して（またはシートをCSVとして保存して）から開き直してください",
                workbook_label_ja(*kind),
                sheet
                    .as_ref()
                    .map(|s| format!("（シート「{s}」）"))
                    .unwrap_or_default(),
                limit.japanese()
            ),
            ReadError::NoSuchSheet { name, sheets } => format!(
                "ブックに「{name}」というシートはありません。シートは次のとおりです：{}",
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
    /// The message in a language: what went wrong and what to do, then the system's own
    /// words in brackets.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteError::Unencodable { row, column, ch } => match lang {
                Lang::En => format!(
                    "row {row}, {column}: Shift_JIS cannot carry '{ch}'; replace it or save as UTF-8"
                ),
                Lang::Ja => format!(
                    "{row}行目、{column}：「{ch}」はShift_JISで保存できません。別の文字に置き換えるかUTF-8で保存してください"
                ),
            },
            WriteError::Io {
                path,
                cause,
                source,
            } => {
                let path = path.display();
                match (lang, cause.advice(lang)) {
                    (Lang::En, Some(advice)) => format!("{path}: {advice} ({source})"),
                    (Lang::En, None) => format!("{path}: {source}"),
                    (Lang::Ja, Some(advice)) => {
                        format!("{path} に書き込めません：{advice}（{source}）")
                    }
                    (Lang::Ja, None) => format!("{path} に書き込めません：{source}"),
                }
            }
        }
    }
}

impl WriteCause {
    /// What went wrong and what the user can do, in a language; None when only the system's
    /// words can say.
    pub fn advice(self, lang: Lang) -> Option<&'static str> {
        let (en, ja) = match self {
            WriteCause::InUse => (
                "the file is open in another program (Excel locks the CSV files it has open): close it in Excel (or that program) and save again",
                "ファイルが別のプログラムで開かれています（Excelは開いているCSVファイルをロックします）。Excel（またはそのプログラム）でファイルを閉じてから、もう一度保存してください",
            ),
            WriteCause::ReadOnlyFile => (
                "the file is read-only: save under another name, or make the file writable and save again",
                "ファイルが読み取り専用です。別の名前で保存するか、ファイルを書き込み可能にしてからもう一度保存してください",
            ),
            WriteCause::ReadOnlyFolder => (
                "the folder (or its drive) cannot be written to: save into another folder",
                "このフォルダー（またはドライブ）には書き込めません。別のフォルダーに保存してください",
            ),
            WriteCause::DiskFull => (
                "the disk is full: free some space and save again, or save onto another drive",
                "ディスクがいっぱいです。空き容量を作ってからもう一度保存するか、別のドライブに保存してください",
            ),
            WriteCause::PathGone => (
                "the folder is not there (renamed, removed, or its drive or network share disconnected?): save into a folder that exists",
                "フォルダーが見つかりません（名前の変更や削除、ドライブやネットワーク共有の切断など）。存在するフォルダーに保存してください",
            ),
            WriteCause::Other => return None,
        };
        Some(match lang {
            Lang::En => en,
            Lang::Ja => ja,
        })
    }
}
