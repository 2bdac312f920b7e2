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
    // Editing (issue 5)
    ("Edit", "編集"),
    ("View", "表示"),
    ("Tools", "ツール"),
    ("Undo", "元に戻す"),
    ("Redo", "やり直す"),
    ("Cut", "切り取り"),
    ("Copy", "コピー"),
    ("Paste", "貼り付け"),
    ("Clear", "クリア"),
    ("Select all", "すべて選択"),
    ("Fill down", "下方向へコピー"),
    ("Set value for selected cells…", "選択したセルに値を設定…"),
    ("Set value for selected cells", "選択したセルに値を設定"),
    ("Selected cells:", "選択したセル数:"),
    ("New value", "新しい値"),
    ("Set", "設定"),
    ("(blank)", "(空欄)"),
    ("Insert row above", "上に行を挿入"),
    ("Insert row below", "下に行を挿入"),
    ("Duplicate rows", "行を複製"),
    ("Delete rows", "行を削除"),
    ("Rows deleted:", "削除した行数:"),
    ("Undone.", "元に戻しました。"),
    ("Redone.", "やり直しました。"),
    ("Copied cells:", "コピーしたセル:"),
    ("Pasted cells:", "貼り付けたセル:"),
    (
        "cells fell outside the sheet and were left out",
        "セルが表の外にはみ出したため貼り付けませんでした",
    ),
    ("Find…", "検索…"),
    ("Replace…", "置換…"),
    ("Find", "検索"),
    ("Match case", "大文字と小文字を区別"),
    ("Whole cell", "セル全体が一致"),
    ("Matches:", "一致:"),
    ("◀ Previous", "◀ 前へ"),
    ("Next ▶", "次へ ▶"),
    ("Close", "閉じる"),
    ("Replace with", "置換後の文字列"),
    ("Replace", "置換"),
    ("Replace all", "すべて置換"),
    ("Cells replaced:", "置換したセル数:"),
    ("Everywhere", "すべての列"),
    ("Only rows with errors", "エラーのある行のみ"),
    ("Filter rows:", "行の絞り込み:"),
    ("text in any cell", "いずれかのセルの文字列"),
    ("Sorted by", "並べ替え:"),
    ("File order", "ファイルの順序"),
    ("Showing rows:", "表示中の行:"),
    ("Show all rows", "すべての行を表示"),
    ("Sort by this column, ascending", "この列で昇順に並べ替え"),
    ("Sort by this column, descending", "この列で降順に並べ替え"),
    ("Fix", "修正"),
    ("Fix all like this…", "同様の問題をすべて修正…"),
    ("Fix all like this", "同様の問題をすべて修正"),
    ("Fix all…", "すべて自動修正…"),
    ("Fix all", "すべて自動修正"),
    ("Drop blank rows…", "空行を削除…"),
    ("Drop blank rows", "空行を削除"),
    ("Trim spaces", "前後の空白を削除"),
    ("Full-width to half-width", "全角を半角に"),
    ("Label to code", "ラベルをコードに"),
    ("Fixes applied:", "適用した修正:"),
    (
        "Nothing to fix: no change would settle an issue here.",
        "自動修正できる問題はありません。",
    ),
    ("Cells that will change:", "変更されるセル:"),
    ("Blank rows that will be removed:", "削除される空行:"),
    ("Apply", "適用"),
    ("Review changes…", "変更内容を確認…"),
    ("Review changes", "変更内容の確認"),
    (
        "Cells changed since the file was opened:",
        "ファイルを開いてから変更したセル:",
    ),
    ("Revert all", "すべて元に戻す"),
    ("Revert", "元に戻す"),
    ("No changes.", "変更はありません。"),
    ("Cross-check with roster…", "ユーザー一覧と照合…"),
    ("Cross-check with roster", "ユーザー一覧と照合"),
    (
        "The user list exported from the console: Login IDs it lacks cannot be updated, and extensions it gives to someone else are flagged.",
        "管理画面からエクスポートしたユーザー一覧です。一覧にないログインIDは更新できず、他のユーザーの内線番号は問題として表示されます。",
    ),
    ("Path of the roster CSV", "ユーザー一覧CSVのパス"),
    ("Cross-check", "照合"),
    ("Stop roster cross-check", "ユーザー一覧との照合をやめる"),
    (
        "Roster cross-check stopped.",
        "ユーザー一覧との照合をやめました。",
    ),
    (
        "Cross-checking with roster, users:",
        "ユーザー一覧と照合中、ユーザー数:",
    ),
];
