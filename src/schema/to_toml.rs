//! A schema written as TOML in the layout of the hand-written files (docs/schema.md):
//! top-level keys, `[[subscriptions]]`, then `[[columns]]` with enum options as inline
//! tables. A key left at its default is not written, so a file the editor saves reads
//! like one a person wrote; `Schema::from_toml` reads every field back as it was.

use super::{Column, EnumOption, Kind, Schema, Unique};
use crate::io::Separator;
use std::fmt::Write;

/// An options list longer than this goes one option a line, as in the MiiTel file.
const ONE_LINE: usize = 100;

impl Schema {
    /// The schema as the text of a template file.
    pub fn to_toml(&self) -> String {
        let mut out =
            String::from("# A Bulksheet template: the format is described in docs/schema.md.\n");
        self.write_top(&mut out);
        for s in &self.subscriptions {
            out.push_str("\n[[subscriptions]]\n");
            line(&mut out, "id", &quote(&s.id));
            line(&mut out, "label", &quote(&s.label));
        }
        for c in &self.columns {
            out.push_str("\n[[columns]]\n");
            write_column(c, &mut out);
        }
        out
    }

    fn write_top(&self, out: &mut String) {
        line(out, "version", &self.version.to_string());
        line(out, "name", &quote(&self.name));
        if !self.title.is_empty() {
            line(out, "title", &quote(&self.title));
        }
        if let Some(ja) = &self.title_ja {
            line(out, "title_ja", &quote(ja));
        }
        if let Some(n) = self.max_rows {
            line(out, "max_rows", &n.to_string());
        }
        if !self.encodings.is_empty() {
            let names: Vec<&str> = self.encodings.iter().map(|e| e.as_str()).collect();
            line(out, "encodings", &list(&names));
        }
        if self.separator != Separator::Comma {
            line(out, "separator", &quote(self.separator.as_str()));
        }
        if !self.column_order {
            line(out, "column_order", "false");
        }
        if let Some(key) = &self.key {
            line(out, "key", &quote(key));
        }
    }
}

fn write_column(c: &Column, out: &mut String) {
    line(out, "name", &quote(&c.name));
    if !c.aliases.is_empty() {
        line(out, "aliases", &list(&c.aliases));
    }
    if !c.subscriptions.is_empty() {
        line(out, "subscriptions", &list(&c.subscriptions));
    }
    match &c.kind {
        Kind::Text => line(out, "kind", "\"text\""),
        Kind::Email => line(out, "kind", "\"email\""),
        Kind::Digits {
            min_digits,
            max_digits,
        } => {
            line(out, "kind", "\"digits\"");
            line(out, "min_digits", &min_digits.to_string());
            line(out, "max_digits", &max_digits.to_string());
        }
        Kind::Enum { .. } => line(out, "kind", "\"enum\""),
    }
    if !c.required {
        line(out, "required", "false");
    }
    if let Some(u) = c.unique {
        let word = match u {
            Unique::Exact => "exact",
            Unique::CaseInsensitive => "case-insensitive",
        };
        line(out, "unique", &quote(word));
    }
    if let Some(n) = c.max_chars {
        line(out, "max_chars", &n.to_string());
    }
    if let Kind::Enum { options } = &c.kind {
        write_options(options, out);
    }
}

fn write_options(options: &[EnumOption], out: &mut String) {
    let tables: Vec<String> = options.iter().map(option_table).collect();
    let one = format!("[{}]", tables.join(", "));
    if one.len() <= ONE_LINE {
        line(out, "options", &one);
        return;
    }
    out.push_str("options = [\n");
    for t in &tables {
        let _ = writeln!(out, "  {t},");
    }
    out.push_str("]\n");
}

fn option_table(o: &EnumOption) -> String {
    let mut parts = vec![
        format!("code = {}", quote(&o.code)),
        format!("label = {}", quote(&o.label)),
    ];
    if let Some(ja) = &o.label_ja {
        parts.push(format!("label_ja = {}", quote(ja)));
    }
    if !o.aliases.is_empty() {
        parts.push(format!("aliases = {}", list(&o.aliases)));
    }
    format!("{{ {} }}", parts.join(", "))
}

fn line(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {value}");
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_with_quotes_backslashes_and_controls_read_back() {
        let mut s = Schema::empty("q", "a \"b\" \\ c\n\td\u{1}");
        s.title_ja = Some("（テスト）".into());
        let back = Schema::from_toml(&s.to_toml()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn file_rules_are_written_only_when_not_the_default() {
        let mut s = Schema::empty("r", "");
        assert!(!s.to_toml().contains("separator"));
        s.separator = Separator::Semicolon;
        s.column_order = false;
        s.encodings = vec![crate::TextEncoding::ShiftJis];
        let text = s.to_toml();
        assert!(text.contains("separator = \"semicolon\""), "{text}");
        assert!(text.contains("column_order = false"), "{text}");
        assert!(text.contains("encodings = [\"shift_jis\"]"), "{text}");
        assert_eq!(Schema::from_toml(&text).unwrap(), s);
    }
}
