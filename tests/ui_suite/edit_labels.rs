//! Every label the editing features pass through `tr` (directly or through the menu
//! helpers) has a Japanese translation.

use bulksheet::app::i18n::japanese;

/// The first string literal after each call of `name(` in `src`, when it comes before the
/// end of the statement.
fn labels_after(src: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let pat = format!("{name}(");
    for (at, _) in src.match_indices(&pat) {
        // Skip longer names ending the same way (`item_if(` when looking for `if(`).
        let before = src[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &src[at + pat.len()..];
        let mut end = rest.find(';').unwrap_or(rest.len()).min(160);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let Some(open) = rest[..end].find('"') else {
            continue;
        };
        let Some(close) = rest[open + 1..].find('"') else {
            continue;
        };
        out.push(rest[open + 1..open + 1 + close].to_string());
    }
    out
}

#[test]
fn every_editing_label_has_a_japanese_translation() {
    let mut missing = Vec::new();
    let mut seen = 0;
    for path in crate::ui_support::app_source_files() {
        // i18n.rs defines `tr` itself; its calls pass variables, not labels.
        if path.ends_with("i18n.rs") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        // Unit tests inside a file quote `tr(` calls as text; only the code counts.
        let src = src.split("#[cfg(test)]").next().unwrap_or_default();
        for call in ["tr", "item", "item_if"] {
            for label in labels_after(src, call) {
                if label.is_empty() || label == "English text" {
                    continue;
                }
                seen += 1;
                if japanese(&label).is_none() {
                    missing.push(format!("{}: {label}", path.display()));
                }
            }
        }
    }
    assert!(seen > 50, "the scan found the labels ({seen})");
    assert!(
        missing.is_empty(),
        "no Japanese for:\n{}",
        missing.join("\n")
    );
}
