//! Every label of the window has a Japanese translation: the keys are read from the source
//! (each `tr(lang, "…")` and `trf(lang, "…", …)` in src/app), plus the labels kept in tables.

use bulksheet::TextEncoding;
use bulksheet::app::ThemeChoice;
use bulksheet::app::command::Command;
use bulksheet::app::i18n::{Lang, japanese, tr, trf};
use strum::IntoEnumIterator;

/// The string literal right after the first argument of each `tr(` / `trf(` call.
fn keys_in(source: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for call in ["tr(", "trf("] {
        for (at, _) in source.match_indices(call) {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue; // part of a longer name, e.g. `attr(`
            }
            let rest = &source[at + call.len()..];
            let Some(comma) = rest.find(',') else {
                continue;
            };
            let arg = rest[comma + 1..].trim_start();
            if let Some(lit) = arg.strip_prefix('"') {
                keys.push(read_literal(lit));
            }
        }
    }
    keys
}

/// A Rust string literal's text up to its closing quote (escapes \" \\ \n kept simple).
fn read_literal(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => break,
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => break,
            },
            c => out.push(c),
        }
    }
    out
}

fn app_sources() -> Vec<(String, String)> {
    crate::ui_support::app_source_files()
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read source");
            // Unit tests inside a file quote `tr(` calls as text; only the code counts.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            (p.display().to_string(), code.to_string())
        })
        .collect()
}

#[test]
fn the_scanner_finds_labels() {
    let keys =
        keys_in(r#"x(tr(lang, "Open…")); trf(self.lang, "Row {r}", &[("r", &1)]); attr(a, "no")"#);
    assert_eq!(keys, vec!["Open…".to_string(), "Row {r}".to_string()]);
}

#[test]
fn every_label_used_in_the_window_has_japanese() {
    let mut missing = Vec::new();
    let mut count = 0;
    for (file, text) in app_sources() {
        for key in keys_in(&text) {
            count += 1;
            if japanese(&key).is_none() {
                missing.push(format!("{file}: {key:?}"));
            }
        }
    }
    assert!(
        count > 150,
        "only {count} labels found: is the scanner broken?"
    );
    assert!(
        missing.is_empty(),
        "no Japanese for:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_label_in_tables_has_japanese() {
    // Every command's name, hint and line in the keyboard shortcuts panel.
    let mut labels: Vec<&str> = Command::iter()
        .map(|c| c.entry())
        .flat_map(|e| [e.label, e.hint, e.help])
        .filter(|l| !l.is_empty())
        .collect();
    labels.extend(ThemeChoice::ALL.iter().map(|t| t.label()));
    labels.extend(TextEncoding::ALL.iter().map(|e| e.label()));
    let missing: Vec<&str> = labels
        .into_iter()
        .filter(|l| japanese(l).is_none())
        .collect();
    assert!(missing.is_empty(), "no Japanese for: {missing:?}");
}

#[test]
fn placeholders_survive_translation() {
    for (en, ja) in bulksheet::app::i18n::JA {
        let names = |s: &str| -> Vec<String> {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect()
        };
        let mut a = names(en);
        let mut b = names(ja);
        a.sort();
        b.sort();
        assert_eq!(a, b, "placeholders differ: {en:?} → {ja:?}");
    }
    assert_eq!(trf(Lang::Ja, "Row {r}", &[("r", &3)]), "3 行目");
    assert_eq!(tr(Lang::En, "Row {r}"), "Row {r}");
}

#[test]
fn no_key_is_listed_twice() {
    let mut seen = std::collections::HashSet::new();
    for (en, _) in bulksheet::app::i18n::JA {
        assert!(seen.insert(*en), "{en:?} is in the table twice");
    }
}

/// Japanese as a Japanese product team writes it: one word for the admin console
/// (管理画面), full-width brackets and colons inside Japanese sentences, （空欄） for a
/// blank. Checked over every translation of the window and every Japanese message the core
/// writes (read from the source, so a new one is checked too).
#[test]
fn japanese_text_uses_one_word_for_the_console_and_full_width_punctuation() {
    let mut texts: Vec<String> = bulksheet::app::i18n::JA
        .iter()
        .map(|(_, ja)| ja.to_string())
        .collect();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                texts.extend(
                    text.split('"')
                        .skip(1)
                        .step_by(2)
                        .filter(|lit| lit.chars().any(is_japanese))
                        .map(str::to_string),
                );
            }
        }
    }
    let mut wrong = Vec::new();
    for t in &texts {
        let chars: Vec<char> = t.chars().collect();
        let half_bracket = chars.windows(2).any(|w| {
            (is_japanese(w[0]) && (w[1] == '(' || w[1] == ')'))
                || ((w[0] == '(' || w[0] == ')') && is_japanese(w[1]))
        });
        let half_colon = chars
            .windows(3)
            .any(|w| is_japanese(w[0]) && w[1] == ':' && w[2] == ' ');
        if t.contains("コンソール") || half_bracket || half_colon || t.contains("(blank)") {
            wrong.push(t.clone());
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff60}')
}
