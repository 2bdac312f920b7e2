//! Tab-separated text as Excel and LibreOffice Calc put it on the clipboard: cells with a
//! tab, a line break or a quote are quoted, quotes doubled.

/// Cells to clipboard text, one line per row.
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .terminator(csv::Terminator::Any(b'\n'))
        .flexible(true)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    for r in rows {
        // A lone empty field would be written as `""`; spreadsheets write nothing.
        if let [only] = r.as_slice()
            && only.is_empty()
        {
            let _ = w.write_record([""; 0]);
            continue;
        }
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Clipboard text to cells. A trailing line break (spreadsheets add one) ends the last row.
pub fn parse_tsv(text: &str) -> Vec<Vec<String>> {
    if text.is_empty() {
        return Vec::new();
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut rec = csv::StringRecord::new();
    while let Ok(true) = rdr.read_record(&mut rec) {
        out.push(rec.iter().map(str::to_string).collect());
    }
    // The csv reader skips empty lines; a pasted empty cell on its own line is a row.
    if out.is_empty() {
        out.push(vec![String::new()]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_special_cells() {
        let rows = vec![
            vec![
                "a\tb".to_string(),
                "line1\nline2".into(),
                "say \"hi\"".into(),
            ],
            vec!["山田".into(), String::new(), "x".into()],
        ];
        assert_eq!(parse_tsv(&to_tsv(&rows)), rows);
    }

    #[test]
    fn excel_text_with_crlf() {
        let rows = parse_tsv("1\t2\r\n3\t4\r\n");
        assert_eq!(rows, vec![vec!["1", "2"], vec!["3", "4"]]);
    }
}
