//! Finds quoting mistakes in one record's raw bytes. The csv parser is lenient (it reads
//! `ab"c` as a value), but the console's parser may not be, so the cell is flagged.

use crate::document::ReadProblem;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct QuoteScan {
    /// (field index, problem), at most one per field.
    pub problems: Vec<(usize, ReadProblem)>,
    /// Every field of the record was enclosed in quotes.
    pub all_quoted: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// Scans one record whose fields are separated by `sep`.
pub fn scan(raw: &[u8], sep: u8) -> QuoteScan {
    let mut out = QuoteScan {
        problems: Vec::new(),
        all_quoted: true,
    };
    let mut field = 0;
    let mut state = State::FieldStart;
    let flag = |out: &mut QuoteScan, field: usize, p: ReadProblem| {
        if out.problems.last().is_none_or(|(f, _)| *f != field) {
            out.problems.push((field, p));
        }
    };
    for &b in raw {
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (_, b) if b == sep => {
                field += 1;
                State::FieldStart
            }
            (_, b'\r' | b'\n') => break,
            (State::FieldStart, b'"') => State::Quoted,
            (State::FieldStart, _) => {
                out.all_quoted = false;
                State::Unquoted
            }
            (State::Unquoted, b'"') => {
                flag(&mut out, field, ReadProblem::StrayQuote);
                State::Unquoted
            }
            (State::Unquoted, _) => State::Unquoted,
            (State::QuoteInQuoted, _) => {
                flag(&mut out, field, ReadProblem::StrayQuote);
                State::Unquoted
            }
        };
    }
    match state {
        State::Quoted => flag(&mut out, field, ReadProblem::UnclosedQuote),
        State::FieldStart => out.all_quoted = false,
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_records() {
        assert_eq!(scan(b"a,b,c\r\n", b',').problems, vec![]);
        assert_eq!(scan(b"\"a,b\",\"c\"\"d\"\n", b',').problems, vec![]);
        assert!(scan(b"\"a\",\"b\"\r\n", b',').all_quoted);
        assert!(!scan(b"\"a\",b\r\n", b',').all_quoted);
    }

    #[test]
    fn stray_quotes() {
        assert_eq!(
            scan(b"a,b\"c,d\n", b',').problems,
            vec![(1, ReadProblem::StrayQuote)]
        );
        assert_eq!(
            scan(b"\"ab\"c,d\n", b',').problems,
            vec![(0, ReadProblem::StrayQuote)]
        );
        assert_eq!(
            scan(b"a,\"b\nc", b',').problems,
            vec![(1, ReadProblem::UnclosedQuote)]
        );
    }
}
