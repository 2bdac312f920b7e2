//! What inference says, in English and Japanese: why a file gives nothing to infer from,
//! and one line a column of what was inferred and why.

use super::{ColumnGuess, Inference, Why};
use crate::io::Separator;
use crate::schema::{Column, Kind, Unique};
use crate::validate::Lang;

/// A file that gives nothing to infer from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InferError {
    /// No header name at all.
    #[error("the file has no column names to infer a template from")]
    NoHeader,
    /// A header and no row with a value.
    #[error("the file has no rows with a value to infer a template from")]
    NoRows,
}

impl InferError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, e) => e.to_string(),
            (Lang::Ja, InferError::NoHeader) => {
                "列名がないため、テンプレートを推定できません".into()
            }
            (Lang::Ja, InferError::NoRows) => {
                "値のある行がないため、テンプレートを推定できません".into()
            }
        }
    }
}

impl Inference {
    /// The file's line, then one line a column.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        std::iter::once(self.file_line(lang))
            .chain(self.columns.iter().map(|c| c.line(lang)))
            .collect()
    }

    fn file_line(&self, lang: Lang) -> String {
        let s = &self.schema;
        let encodings: Vec<&str> = s.encodings.iter().map(|e| e.as_str()).collect();
        let (rows, limit) = (self.rows, s.max_rows);
        match lang {
            Lang::En => {
                let encoding = if encodings.is_empty() {
                    "any encoding it takes".to_string()
                } else {
                    encodings.join(", ")
                };
                let limit = limit.map_or("no row limit".into(), |n| {
                    format!("at most {n} rows an upload")
                });
                format!(
                    "file: {rows} row{} with values; the console takes {encoding}, {}-separated; {limit}",
                    if rows == 1 { "" } else { "s" },
                    s.separator.as_str()
                )
            }
            Lang::Ja => {
                let encoding = if encodings.is_empty() {
                    "受け付ける任意の文字コード".to_string()
                } else {
                    encodings.join("、")
                };
                let limit = limit.map_or("行数の上限なし".into(), |n| {
                    format!("1回に{n}行まで")
                });
                format!(
                    "ファイル：値のある行{rows}行。管理画面が受け付ける形式：{encoding}、{}区切り。{limit}",
                    separator_ja(s.separator)
                )
            }
        }
    }
}

fn separator_ja(s: Separator) -> &'static str {
    match s {
        Separator::Comma => "カンマ",
        Separator::Tab => "タブ",
        Separator::Semicolon => "セミコロン",
    }
}

impl ColumnGuess {
    /// `Login ID: email, required, unique ignoring case, the key — every value is an
    /// address; none blank; all 6 differ`.
    pub fn line(&self, lang: Lang) -> String {
        let Some(c) = &self.column else {
            return self.left_out(lang);
        };
        let (what, why) = match lang {
            Lang::En => (self.what_en(c).join(", "), self.why_en(c).join("; ")),
            Lang::Ja => (self.what_ja(c).join("、"), self.why_ja(c).join("。")),
        };
        match lang {
            Lang::En => format!("{}: {what} — {why}", c.name),
            Lang::Ja => format!("{}：{what} — {why}", c.name),
        }
    }

    fn left_out(&self, lang: Lang) -> String {
        let n = self.position + 1;
        match (lang, &self.why) {
            (Lang::En, Why::Twice) => {
                format!(
                    "{} (column {n}): left out — an earlier column has this header",
                    self.header
                )
            }
            (Lang::En, _) => format!("(column {n}): left out — no header name"),
            (Lang::Ja, Why::Twice) => {
                format!("{}（{n}列目）：除外 — 前の列と同じ列名", self.header)
            }
            (Lang::Ja, _) => format!("（{n}列目）：除外 — 列名がない"),
        }
    }

    fn what_en(&self, c: &Column) -> Vec<String> {
        let kind = match (&c.kind, &self.why) {
            (Kind::Email, _) => "email".to_string(),
            (Kind::Enum { options }, Why::YesNo) => match options.as_slice() {
                [yes, no] => format!("yes/no ({} yes, {} no)", yes.code, no.code),
                _ => "yes/no".to_string(),
            },
            (Kind::Enum { options }, _) => format!("codes {}", codes(options, ", ")),
            (Kind::Digits { .. }, _) => format!("{} digits", digit_range(&c.kind, " to ")),
            (Kind::Text, _) => c
                .max_chars
                .map_or("text".into(), |n| format!("text, at most {n} characters")),
        };
        let mut what = vec![
            kind,
            if c.required { "required" } else { "optional" }.into(),
        ];
        match c.unique {
            Some(Unique::CaseInsensitive) => what.push("unique ignoring case".into()),
            Some(Unique::Exact) => what.push("unique".into()),
            None => {}
        }
        if self.key {
            what.push("the key".into());
        }
        what
    }

    fn why_en(&self, c: &Column) -> Vec<String> {
        let first = match &self.why {
            Why::Email => "every value is an address".to_string(),
            Why::YesNo => match c.kind.options() {
                [yes, no] => format!("only {} and {}", yes.code, no.code),
                _ => String::new(),
            },
            Why::Codes { distinct } => format!(
                "{distinct} distinct values repeated over {} rows (labels are yours to add)",
                self.values
            ),
            Why::Digits => {
                "every value is half-width digits (kept as text: leading zeros stay)".into()
            }
            Why::Text { longest } => {
                format!("values of no narrower kind; the longest is {longest} characters")
            }
            Why::NoValues | Why::NoHeader | Why::Twice => "every cell is blank".into(),
        };
        let blanks = match self.blanks {
            0 => "none blank".to_string(),
            n => format!("{n} blank"),
        };
        let mut why = vec![first, blanks];
        if c.unique.is_some() {
            why.push(format!("all {} differ", self.values));
        }
        why
    }

    fn what_ja(&self, c: &Column) -> Vec<String> {
        let kind = match (&c.kind, &self.why) {
            (Kind::Email, _) => "メールアドレス".to_string(),
            (Kind::Enum { options }, Why::YesNo) => match options.as_slice() {
                [yes, no] => format!("はい・いいえ（{}＝はい、{}＝いいえ）", yes.code, no.code),
                _ => "はい・いいえ".to_string(),
            },
            (Kind::Enum { options }, _) => format!("コード（{}）", codes(options, "、")),
            (Kind::Digits { .. }, _) => format!("数字{}桁", digit_range(&c.kind, "～")),
            (Kind::Text, _) => c.max_chars.map_or("テキスト".into(), |n| {
                format!("テキスト（{n}文字まで）")
            }),
        };
        let mut what = vec![kind, if c.required { "必須" } else { "任意" }.into()];
        match c.unique {
            Some(Unique::CaseInsensitive) => {
                what.push("重複不可（大文字・小文字を区別しない）".into());
            }
            Some(Unique::Exact) => what.push("重複不可".into()),
            None => {}
        }
        if self.key {
            what.push("キー".into());
        }
        what
    }

    fn why_ja(&self, c: &Column) -> Vec<String> {
        let first = match &self.why {
            Why::Email => "どの値もメールアドレス".to_string(),
            Why::YesNo => match c.kind.options() {
                [yes, no] => format!("値は{}と{}だけ", yes.code, no.code),
                _ => String::new(),
            },
            Why::Codes { distinct } => format!(
                "{distinct}種類の値が{}行で繰り返し使われている（ラベルは各自で入力）",
                self.values
            ),
            Why::Digits => "どの値も半角数字（先頭の0を残すためテキストとして保持）".into(),
            Why::Text { longest } => {
                format!("ほかの種類に当てはまらない。最長{longest}文字")
            }
            Why::NoValues | Why::NoHeader | Why::Twice => "すべて空欄".into(),
        };
        let blanks = match self.blanks {
            0 => "空欄なし".to_string(),
            n => format!("空欄{n}件"),
        };
        let mut why = vec![first, blanks];
        if c.unique.is_some() {
            why.push(format!("{}件すべて異なる", self.values));
        }
        why
    }
}

fn codes(options: &[crate::schema::EnumOption], sep: &str) -> String {
    let codes: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
    codes.join(sep)
}

/// `3 to 4` (`3～4`), or `4` when every value had as many digits.
fn digit_range(kind: &Kind, to: &str) -> String {
    match kind {
        Kind::Digits {
            min_digits,
            max_digits,
        } if min_digits == max_digits => min_digits.to_string(),
        Kind::Digits {
            min_digits,
            max_digits,
        } => format!("{min_digits}{to}{max_digits}"),
        _ => String::new(),
    }
}
