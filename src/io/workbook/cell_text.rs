//! A workbook cell as the text Excel shows for it, which is what an admin typed and
//! checks: `123` for the number 123, a code typed as text (`0012`) as it is, a formula's
//! last computed value, `TRUE` / `FALSE`, an error as `#DIV/0!`, and a date as a Japanese
//! Excel shows it by default but with two-digit months and days (`2024/01/05`), so dates
//! sort as text and read the same to every admin.

use calamine::{Data, ExcelDateTime};

/// The text Excel shows for a cell's value.
pub fn cell_text(value: &Data) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(true) => "TRUE".to_string(),
        Data::Bool(false) => "FALSE".to_string(),
        Data::Error(e) => e.to_string(),
        Data::DateTime(d) => date_time_text(d),
        Data::DateTimeIso(s) => iso_date_time_text(s),
        Data::DurationIso(s) => iso_duration_text(s).unwrap_or_else(|| s.clone()),
    }
}

/// A number without a `.0` when it is whole, else with Excel's 15 significant digits in
/// the shortest form that reads back the same (`0.1 + 0.2` shows `0.3`, as in Excel).
pub fn number_text(f: f64) -> String {
    if !f.is_finite() {
        return "#NUM!".to_string();
    }
    if f == f.trunc() && f.abs() < 1e15 {
        // Whole and within i64: no `.0`, and -0 shows as 0.
        return format!("{}", f as i64);
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    if rounded == rounded.trunc() && rounded.abs() < 1e15 {
        return format!("{}", rounded as i64);
    }
    format!("{rounded}")
}

/// `2024/01/05`, `2024/01/05 13:45`, `13:45:30` (a time alone), or `[h]:mm:ss` for a
/// duration.
fn date_time_text(d: &ExcelDateTime) -> String {
    let serial = d.as_f64();
    if d.is_duration() {
        return duration_text((serial * 86_400.0).round() as i64);
    }
    let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
    let date = format!("{y:04}/{mo:02}/{day:02}");
    let has_time = (h, mi, s) != (0, 0, 0);
    if (0.0..1.0).contains(&serial) {
        return time_text(h.into(), mi.into(), s.into());
    }
    if has_time {
        return format!("{date} {}", time_text(h.into(), mi.into(), s.into()));
    }
    date
}

/// `13:45`, or `13:45:30` when the seconds are not zero.
fn time_text(h: u32, mi: u32, s: u32) -> String {
    if s == 0 {
        format!("{h:02}:{mi:02}")
    } else {
        format!("{h:02}:{mi:02}:{s:02}")
    }
}

/// `[h]:mm:ss`: hours past 24 keep counting.
fn duration_text(secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let secs = secs.unsigned_abs();
    format!(
        "{sign}{}:{:02}:{:02}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// An OpenDocument date (`2024-01-05`, `2024-01-05T13:45:00`) in the same form as an
/// Excel one; anything else as written.
fn iso_date_time_text(s: &str) -> String {
    let (date, time) = s.split_once('T').unwrap_or((s, ""));
    let parts: Vec<&str> = date.split('-').collect();
    let &[y, mo, d] = parts.as_slice() else {
        return s.to_string();
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(mo) && all_digits(d)) {
        return s.to_string();
    }
    let date = format!("{y}/{mo:0>2}/{d:0>2}");
    let hms: Vec<u32> = time
        .split(['.', '+', 'Z'])
        .next()
        .unwrap_or_default()
        .split(':')
        .filter_map(|p| p.parse().ok())
        .collect();
    match hms.as_slice() {
        [h, mi, sec] if (*h, *mi, *sec) != (0, 0, 0) => {
            format!("{date} {}", time_text(*h, *mi, *sec))
        }
        [h, mi] if (*h, *mi) != (0, 0) => format!("{date} {}", time_text(*h, *mi, 0)),
        _ => date,
    }
}

/// An OpenDocument duration (`PT13H45M30S`) as `[h]:mm:ss`.
fn iso_duration_text(s: &str) -> Option<String> {
    let (negative, rest) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let rest = rest.strip_prefix("PT")?;
    let mut secs = 0f64;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'H' | 'M' | 'S' => {
                let n: f64 = number.parse().ok()?;
                number.clear();
                secs += n * match c {
                    'H' => 3600.0,
                    'M' => 60.0,
                    _ => 1.0,
                };
            }
            _ => return None,
        }
    }
    let secs = secs.round() as i64;
    Some(duration_text(if negative { -secs } else { secs }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    #[test]
    fn numbers_show_as_excel_shows_them() {
        assert_eq!(number_text(123.0), "123");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(0.1 + 0.2), "0.3");
        assert_eq!(number_text(9_012_345_678.0), "9012345678");
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(f64::NAN), "#NUM!");
    }

    #[test]
    fn other_values() {
        assert_eq!(cell_text(&Data::String("0012".into())), "0012");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
        assert_eq!(cell_text(&Data::Error(CellErrorType::Div0)), "#DIV/0!");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(cell_text(&Data::Empty), "");
    }

    #[test]
    fn dates_and_times() {
        let dt = |v| Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false));
        // 2024-01-05 is serial 45296.
        assert_eq!(cell_text(&dt(45296.0)), "2024/01/05");
        assert_eq!(cell_text(&dt(45296.5)), "2024/01/05 12:00");
        assert_eq!(cell_text(&dt(0.75)), "18:00");
        let dur = Data::DateTime(ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false));
        assert_eq!(cell_text(&dur), "36:00:00");
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-01-05".into())),
            "2024/01/05"
        );
        assert_eq!(
            cell_text(&Data::DateTimeIso("2024-01-05T13:45:30".into())),
            "2024/01/05 13:45:30"
        );
        assert_eq!(
            cell_text(&Data::DurationIso("PT13H45M00S".into())),
            "13:45:00"
        );
    }
}
