//! Deciding a fix's value: the one mechanical repair that makes a cell's value pass its
//! column's rules, or none.

use super::FixKind;
use crate::schema::{Column, Kind};
use crate::text::{has_outer_space, is_blank, to_halfwidth};
use crate::validate::cell;

/// The characters the digits rule calls hyphens (see `check_digits`), plus the minus sign
/// and the non-breaking hyphen that pasted text brings.
const HYPHENS: &str = "-‐－ー―−‑";

/// The repaired value and what was done, or None when no mechanical repair makes it valid.
pub fn repair(column: &Column, value: &str) -> Option<(String, FixKind)> {
    if is_blank(value) {
        return None;
    }
    if matches!(column.kind, Kind::Text) {
        // Names may be full-width on purpose: only trim them.
        return has_outer_space(value).then(|| (trim_all(value).to_string(), FixKind::Trim));
    }
    let trimmed = trim_all(value);
    let mut new = to_halfwidth(trimmed).trim().to_string();
    let mut kind = if new != trimmed {
        FixKind::HalfWidth
    } else {
        FixKind::Trim
    };
    match &column.kind {
        Kind::Email if new.contains(char::is_whitespace) => {
            new.retain(|c| !c.is_whitespace());
            kind = FixKind::RemoveSpaces;
        }
        Kind::Digits { .. } => {
            if let Some(whole) = whole_number(&new) {
                (new, kind) = (whole, FixKind::ExcelNumber);
            } else if new.contains(|c: char| c.is_whitespace() || HYPHENS.contains(c)) {
                new.retain(|c| !(c.is_whitespace() || HYPHENS.contains(c)));
                kind = FixKind::RemoveHyphens;
            }
        }
        Kind::Enum { .. } if column.kind.option_for_code(&new).is_none() => {
            match whole_number(&new).filter(|w| column.kind.option_for_code(w).is_some()) {
                Some(whole) => (new, kind) = (whole, FixKind::ExcelNumber),
                None => {
                    let code = column.kind.code_for_label(&new)?;
                    (new, kind) = (code.to_string(), FixKind::LabelToCode);
                }
            }
        }
        _ => {}
    }
    if new == value || !valid(column, &new) {
        return None;
    }
    Some((new, kind))
}

/// `12.0` or `3.00` as `12` or `3`: how a spreadsheet writes a whole number it took for a
/// decimal. None for any other value, `1.5` included.
fn whole_number(s: &str) -> Option<String> {
    let (int, frac) = s.split_once('.')?;
    let digits = |p: &str, ok: fn(u8) -> bool| !p.is_empty() && p.bytes().all(ok);
    (digits(int, |b| b.is_ascii_digit()) && digits(frac, |b| b == b'0')).then(|| int.to_string())
}

fn trim_all(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

fn valid(column: &Column, value: &str) -> bool {
    let mut out = Vec::new();
    cell::check(column, false, value, &mut out);
    out.iter().all(|f| f.severity != crate::Severity::Error)
}
