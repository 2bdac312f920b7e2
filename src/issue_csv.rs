//! The issue list as a CSV file, for the colleague who fixes the rows: what the window's
//! "Export issue list…" writes and `bulksheet check --format csv` prints, byte for byte.
//!
//! Columns: row, column, severity, code, message. The header names and the severity words
//! are in the reader's language, and so is the message; the code is the stable name
//! scripts match (`too_long`) in both. Rows are data rows as in the JSON report (1 = the
//! first row under the header; 0 = the header or the file). The text is UTF-8 with a
//! byte-order mark and CRLF line ends: Excel on Japanese Windows reads a UTF-8 file
//! without a BOM as Shift_JIS and garbles every Japanese message.

use crate::validate::{Issue, Lang, Severity};

/// The header line's names in a language.
pub fn header(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["row", "column", "severity", "code", "message"],
        Lang::Ja => ["行", "列", "重要度", "コード", "メッセージ"],
    }
}

/// A severity as the file words it.
pub fn severity_word(s: Severity, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::En, _) => s.as_str(),
        (Lang::Ja, Severity::Error) => "エラー",
        (Lang::Ja, Severity::Warning) => "警告",
    }
}

/// The whole file: BOM, header, one record per issue (messages already in `lang`).
pub fn to_csv(issues: &[Issue], lang: Lang) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut out);
    // Writing into memory cannot fail; a record that could not be written is left out.
    let _ = w.write_record(header(lang));
    for i in issues {
        let row = i.row.to_string();
        let _ = w.write_record([
            row.as_str(),
            i.column.as_deref().unwrap_or(""),
            severity_word(i.severity, lang),
            i.code.as_str(),
            &i.message,
        ]);
    }
    let _ = w.flush();
    drop(w);
    out
}
