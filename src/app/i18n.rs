//! The interface in English and Japanese. Every label goes through [`tr`] with its English
//! text as the key; the Japanese table below holds the translations. Validation messages
//! are translated in the core (`validate::message`).

pub use crate::validate::message::Lang;

/// The label in the chosen language; English text is returned as is when no translation
/// exists (a test checks that every key used has one).
pub fn tr(lang: Lang, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Ja => japanese(en).unwrap_or(en),
    }
}

/// Japanese for an English label.
pub fn japanese(en: &str) -> Option<&'static str> {
    JA.iter().find(|(k, _)| *k == en).map(|(_, v)| *v)
}

/// English → Japanese. Keep sorted by area; one line per label.
pub const JA: &[(&str, &str)] = &[
    // File menu
    ("File", "ファイル"),
    ("Open…", "開く…"),
    ("Save", "保存"),
    ("Save As…", "名前を付けて保存…"),
    ("Quit", "終了"),
    // Go menu
    ("Go", "移動"),
    ("Next error", "次のエラー"),
    ("Previous error", "前のエラー"),
    // Dialog buttons
    ("Cancel", "キャンセル"),
    ("Discard", "破棄"),
    ("Don't save", "保存しない"),
    ("Overwrite", "上書き"),
    ("Browse…", "参照…"),
    // Panels
    ("Issues", "問題"),
    ("Subscriptions", "契約製品"),
    ("Row", "行"),
    ("Column", "列"),
    ("Previous", "前へ"),
    ("Next", "次へ"),
    // Status bar
    ("Rows", "行数"),
    ("Errors", "エラー"),
    ("Warnings", "警告"),
    ("Encoding", "文字コード"),
    ("Line ending", "改行"),
    ("Schema", "テンプレート"),
    // Recovery (issue 7)
    (
        "Restore unsaved edits?",
        "保存されていない編集を復元しますか？",
    ),
    (
        "Bulksheet stopped before these edits were saved. File:",
        "これらの編集を保存する前に Bulksheet が終了しました。ファイル:",
    ),
    (
        "The file has changed on disk since these edits were made. Check the list before restoring.",
        "編集の後にファイルが変更されています。復元する前に一覧を確認してください。",
    ),
    (
        "These edits cannot be restored:",
        "これらの編集は復元できません:",
    ),
    ("Restore", "復元"),
    ("Later", "後で"),
    ("Changed cells", "変更されたセル"),
    ("Rows added", "追加された行"),
    ("Rows deleted", "削除された行"),
    ("(empty)", "（空）"),
];
