//! The words of the layout findings, in both languages: leftover columns a spreadsheet
//! writes past the data, a column with values and no name, columns out of the template's
//! order.

use super::message::Lang;

/// A layout finding's message, as parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutMsg {
    /// Columns at the right end with no header and no value.
    TrailingColumns {
        /// The first such column, from 0.
        first: usize,
        /// How many there are (to the last column).
        count: usize,
    },
    /// A column with values under a blank header name.
    HeaderlessValues {
        /// The column, from 0.
        col: usize,
    },
    /// The template's columns are not in its order.
    ColumnOrder {
        /// The first column out of place (the template's name).
        col: String,
        /// The template column that belongs where it stands.
        expected: String,
    },
}

/// A column's letters as a spreadsheet names it: 0 is `A`, 25 `Z`, 26 `AA`.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl LayoutMsg {
    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::Ja => self.japanese(),
        }
    }

    fn english(&self) -> String {
        match self {
            LayoutMsg::TrailingColumns { first, count: 1 } => format!(
                "Column {} has no header and no values (a spreadsheet's leftover): export leaves it out",
                column_letter(*first)
            ),
            LayoutMsg::TrailingColumns { first, count } => format!(
                "Columns {}–{} have no header and no values (a spreadsheet's leftovers): export leaves them out",
                column_letter(*first),
                column_letter(first + count - 1)
            ),
            LayoutMsg::HeaderlessValues { col } => format!(
                "Column {} has values but no header; give it the template's column name or delete the column",
                column_letter(*col)
            ),
            LayoutMsg::ColumnOrder { col, expected } => format!(
                "{col} is out of the template's order ({expected} belongs here): the console may read columns by position, and two swapped code columns would pass every check and change the wrong setting. Put the columns in the template's order (Tools menu, or bulksheet fix)"
            ),
        }
    }

    fn japanese(&self) -> String {
        match self {
            LayoutMsg::TrailingColumns { first, count: 1 } => format!(
                "{}列にはヘッダーも値もありません（表計算ソフトの残り）。書き出し時に除かれます",
                column_letter(*first)
            ),
            LayoutMsg::TrailingColumns { first, count } => format!(
                "{}〜{}列にはヘッダーも値もありません（表計算ソフトの残り）。書き出し時に除かれます",
                column_letter(*first),
                column_letter(first + count - 1)
            ),
            LayoutMsg::HeaderlessValues { col } => format!(
                "{}列には値がありますがヘッダーがありません。テンプレートの列名を付けるか、列を削除してください",
                column_letter(*col)
            ),
            LayoutMsg::ColumnOrder { col, expected } => format!(
                "「{col}」がテンプレートの列順になっていません（ここは「{expected}」の位置です）。管理画面は列を位置で読むことがあり、コードの列が入れ替わっていると、すべてのチェックを通ったまま別の設定が変わります。列をテンプレートの順に並べてください（ツールメニュー、または bulksheet fix）"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::column_letter;

    #[test]
    fn letters_count_like_a_spreadsheet() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(51), "AZ");
        assert_eq!(column_letter(52), "BA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
