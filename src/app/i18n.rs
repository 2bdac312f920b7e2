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

/// The label with `{name}` placeholders filled in, e.g.
/// `trf(lang, "Row {r}", &[("r", &3)])`.
pub fn trf(lang: Lang, en: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    args.iter()
        .fold(tr(lang, en).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

/// The language is kept in one place, the app's settings; at the start of each frame the
/// app publishes it in the egui context under this id, so the widgets it draws read it
/// without a parameter threaded through every call. Nothing else stores it.
fn frame_lang_id() -> eframe::egui::Id {
    eframe::egui::Id::unique("bulksheet-lang")
}

/// Publishes the window's language for the frame about to be drawn.
pub fn set_frame_lang(ctx: &eframe::egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(frame_lang_id(), lang));
}

/// The language of the frame being drawn.
pub fn ui_lang(ctx: &eframe::egui::Context) -> Lang {
    ctx.data(|d| d.get_temp(frame_lang_id()))
        .unwrap_or_default()
}

/// A value in a menu or a list: blanks and spaces made visible, in the window's language
/// (Japanese quotes a value in 「」 and writes a blank （空欄）).
pub fn shown(lang: Lang, value: &str) -> String {
    match (lang, value.is_empty()) {
        (Lang::En, true) => "(blank)".to_string(),
        (Lang::En, false) => format!("“{value}”"),
        (Lang::Ja, true) => "（空欄）".to_string(),
        (Lang::Ja, false) => format!("「{value}」"),
    }
}

/// Each language by its own name, so anyone finds theirs.
pub const LANGUAGES: [(Lang, &str); 2] = [(Lang::En, "English"), (Lang::Ja, "日本語")];

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
    ("Choose sheet…", "シートを選ぶ…"),
    (
        "Read another sheet of the workbook",
        "ブックの別のシートを読み込みます",
    ),
    ("Open sheet", "シートを開く"),
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
    ("Separator", "区切り文字"),
    ("Comma-separated", "カンマ区切り"),
    ("Tab-separated", "タブ区切り"),
    ("Semicolon-separated", "セミコロン区切り"),
    (
        "This file is {sep} ({enc}); the console takes {want} ({want_enc}): choose where to save a copy in that format.",
        "このファイルは{sep}（{enc}）です。管理画面は{want}（{want_enc}）を読むため、その形式で保存する先を選んでください。",
    ),
    ("Schema", "テンプレート"),
    // Recovery
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
    (
        "Could not write the recovery journal: {e}",
        "復元用の記録を書き込めませんでした：{e}",
    ),
    (
        "Could not keep the recovery journal: {e}",
        "復元用の記録を残せませんでした：{e}",
    ),
    ("Nothing restored: {e}", "何も復元しませんでした：{e}"),
    (
        "Restored {c} changed cells, {a} rows added, {d} rows deleted. Save to keep them.",
        "変更したセル {c} 個、追加した行 {a} 行、削除した行 {d} 行を復元しました。残すには保存してください。",
    ),
    ("Later", "後で"),
    ("Changed cells", "変更されたセル"),
    ("Rows added", "追加された行"),
    ("Rows deleted", "削除された行"),
    ("(empty)", "（空）"),
    // Editing
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
    ("Set cell", "セルに値を設定"),
    ("Selected cells:", "選択したセル数:"),
    ("New value", "新しい値"),
    ("Set", "設定"),
    ("(blank)", "（空欄）"),
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
    ("Search in column", "検索する列"),
    (
        "No template named {name}",
        "テンプレート {name} はありません",
    ),
    (
        "Cross-checking with roster, users:",
        "ユーザー一覧と照合中、ユーザー数:",
    ),
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
    (
        "Put columns in the template's order…",
        "列をテンプレートの順に並べる…",
    ),
    (
        "Put columns in the template's order",
        "列をテンプレートの順に並べる",
    ),
    ("The columns will be in this order:", "並べ替え後の列の順:"),
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
    // Menus and toolbar
    ("Open Recent", "最近使ったファイル"),
    ("No recent files", "最近使ったファイルはありません"),
    ("Clear recent files", "最近使ったファイルの一覧を消去"),
    (
        "Empty the File → Open Recent list",
        "「ファイル → 最近使ったファイル」の一覧を空にします",
    ),
    ("Open a CSV file", "CSV ファイルを開く"),
    ("Save the file", "ファイルを保存します"),
    (
        "Save under another name, encoding or in parts",
        "名前・文字コードを変えて、または分割して保存します",
    ),
    ("Close the window", "ウィンドウを閉じます"),
    ("Template", "テンプレート"),
    ("Template:", "テンプレート："),
    ("Template: {t}", "テンプレート：{t}"),
    ("Load template…", "テンプレートを読み込む…"),
    // The template editor
    (
        "New template from this file…",
        "このファイルから新しいテンプレート…",
    ),
    (
        "Infer a template from this file's columns and edit it",
        "このファイルの列からテンプレートを推定して編集します",
    ),
    ("Edit template…", "テンプレートを編集…"),
    (
        "Edit the template in use (one you made or loaded)",
        "使用中のテンプレート（作成または読み込んだもの）を編集します",
    ),
    ("Duplicate template…", "テンプレートを複製…"),
    (
        "Edit a copy of the template in use (a built-in one too)",
        "使用中のテンプレート（組み込みのものも可）のコピーを編集します",
    ),
    ("Save template", "テンプレートを保存"),
    (
        "Save the template in your templates folder and add it to the Template menu",
        "テンプレートをテンプレートフォルダーに保存し、テンプレートメニューに加えます",
    ),
    ("Template editor", "テンプレートエディター"),
    ("Saved in {path}", "保存先：{path}"),
    ("Name", "名前"),
    ("Template name", "テンプレートの名前"),
    ("Title", "タイトル"),
    ("Template title", "テンプレートのタイトル"),
    (
        "Rows per upload at most",
        "1回のアップロードの行数に上限あり",
    ),
    ("Encodings:", "文字コード："),
    ("Column order matters", "列の順序が重要"),
    ("Kind", "種類"),
    ("Required", "必須"),
    ("Unique", "重複不可"),
    ("Limits", "制限"),
    ("Codes and labels", "コードとラベル"),
    ("Text", "テキスト"),
    ("Email", "メールアドレス"),
    ("Digits", "数字"),
    ("Codes", "コード"),
    ("Kind of {column}", "{column}の種類"),
    ("Always", "常に必須"),
    ("Never", "任意"),
    ("When {s} is on", "{s}の契約時に必須"),
    ("Required: {column}", "必須：{column}"),
    ("No", "なし"),
    ("Yes", "あり"),
    ("Yes, ignoring case", "あり（大文字・小文字を区別しない）"),
    ("Unique: {column}", "重複不可：{column}"),
    ("to", "～"),
    ("digits", "桁"),
    ("at most", "最大"),
    ("characters", "文字"),
    ("label", "ラベル"),
    ("Remove", "削除"),
    ("Remove this code", "このコードを削除"),
    ("Add a code", "コードを追加"),
    (
        "No template could be inferred",
        "テンプレートを推定できませんでした",
    ),
    (
        "There is no folder to keep templates in on this system.",
        "このシステムにはテンプレートを保存するフォルダーがありません。",
    ),
    (
        "The template could not be saved: {why}",
        "テンプレートを保存できませんでした：{why}",
    ),
    (
        "Load a template from a TOML file",
        "TOML ファイルからテンプレートを読み込みます",
    ),
    (
        "Check the file against this template",
        "このテンプレートでファイルを検査します",
    ),
    (
        "The template the file is checked against; picked from its header when it opens",
        "ファイルを検査するテンプレート。開いたときに見出し行から自動で選ばれます",
    ),
    ("Language", "言語"),
    (
        "The language of menus, dialogs and messages",
        "メニュー・ダイアログ・メッセージの言語",
    ),
    ("Theme", "テーマ"),
    ("Follow the system", "システムに合わせる"),
    ("Light", "ライト"),
    ("Dark", "ダーク"),
    ("Light or dark colours", "明るい配色または暗い配色"),
    ("Settings", "設定"),
    ("Settings…", "設定…"),
    ("Language and theme", "言語とテーマ"),
    ("Settings are kept in", "設定の保存先:"),
    ("Go to the next error", "次のエラーへ移動します"),
    ("Go to the previous error", "前のエラーへ移動します"),
    ("Help", "ヘルプ"),
    ("Keyboard shortcuts", "キーボードショートカット"),
    (
        "Every keyboard shortcut",
        "すべてのキーボードショートカット",
    ),
    // Keyboard shortcuts panel
    (
        "Typing in a cell starts editing it.",
        "セルで文字を入力すると編集が始まります。",
    ),
    ("Open a file", "ファイルを開く"),
    (
        "Save as, with a choice of encoding and splitting",
        "名前を付けて保存（文字コードと分割を選択）",
    ),
    ("Copy the selected cells", "選択したセルをコピー"),
    ("Cut the selected cells", "選択したセルを切り取り"),
    (
        "Paste (tab-separated, as from Excel)",
        "貼り付け（Excel と同じタブ区切り）",
    ),
    ("Select all cells", "すべてのセルを選択"),
    (
        "Fill down from the first selected row",
        "選択範囲の先頭行の値を下へコピー",
    ),
    ("Find and replace", "検索と置換"),
    ("Clear the selected cells", "選択したセルを空にする"),
    (
        "Edit the cell, or open its list of options",
        "セルを編集、または選択肢の一覧を開く",
    ),
    (
        "Open the list of options of an enum cell",
        "選択式のセルの選択肢一覧を開く",
    ),
    (
        "Commit the edit and move down (inside a selected range: through the range)",
        "編集を確定して下へ移動（範囲を選択中はその範囲の中を移動）",
    ),
    ("Move up", "上へ移動"),
    (
        "Commit the edit and move right / left (inside a range: along its rows)",
        "編集を確定して右 / 左へ移動（範囲を選択中はその行に沿って移動）",
    ),
    (
        "Cancel the edit or close the list",
        "編集を取り消す、または一覧を閉じる",
    ),
    ("Move the selection", "選択セルを移動"),
    ("Extend the selection", "選択範囲を広げる"),
    ("Move a screen up / down", "1 画面分上 / 下へ移動"),
    (
        "Move to the first / last column",
        "行の最初 / 最後の列へ移動",
    ),
    (
        "Move to the first / last cell",
        "表の最初 / 最後のセルへ移動",
    ),
    ("Next / previous error", "次 / 前のエラー"),
    ("Show or hide this help", "このヘルプを表示 / 非表示"),
    // Issue panel and grid
    ("{n} errors", "エラー {n} 件"),
    ("{n} warnings", "警告 {n} 件"),
    ("1 error", "エラー 1 件"),
    ("1 warning", "警告 1 件"),
    ("no errors", "エラーなし"),
    ("Show:", "表示："),
    ("By row", "行ごと"),
    ("By column", "列ごと"),
    ("One group per row", "行ごとにまとめます"),
    ("One group per column", "列ごとにまとめます"),
    (
        "No issues: the file is ready to upload.",
        "問題はありません。このファイルはアップロードできます。",
    ),
    ("Updating the list…", "一覧を更新しています…"),
    ("Header and file", "見出し行とファイル全体"),
    ("Whole rows and file", "行全体とファイル全体"),
    ("Row {r}", "{r} 行目"),
    ("Row {r}, {c}", "{r} 行目、{c}"),
    ("Header, {c}", "見出し行、{c}"),
    ("Sheet", "シート"),
    ("Matches the search", "検索に一致"),
    ("{name}, row {r}", "{name}、{r} 行目"),
    ("Edit {cell}", "{cell} を編集"),
    ("editing {cell}", "{cell} を編集中"),
    ("Row number {n}", "行番号 {n}"),
    ("Sort column {n}", "{n} 列目で並べ替え"),
    ("error: {message}", "エラー：{message}"),
    ("warning: {message}", "警告：{message}"),
    ("; ", "；"),
    ("{cell}: {findings}", "{cell}：{findings}"),
    (
        "Now: {value} (not a valid value)",
        "現在の値：{value}（無効な値）",
    ),
    (
        "Products this tenant has (guessed from the file):",
        "このテナントが契約している製品（ファイルから推定）:",
    ),
    (
        "On: this product's columns must be filled in",
        "オン：この製品の列は入力必須になります",
    ),
    ("No errors left.", "エラーは残っていません。"),
    // Dialogs
    ("Unsaved changes", "保存されていない変更"),
    (
        "Save the changes to {name} before closing?",
        "閉じる前に {name} の変更を保存しますか？",
    ),
    (
        "Save the changes to {name} before opening another file?",
        "別のファイルを開く前に {name} の変更を保存しますか？",
    ),
    (
        "Save the changes to {name}?",
        "{name} の変更を保存しますか？",
    ),
    ("Open", "開く"),
    (
        "Type the file's path, browse for it, or drop it on the window:",
        "ファイルのパスを入力するか、参照するか、ウィンドウにドロップしてください:",
    ),
    ("Path of the CSV file to open", "開く CSV ファイルのパス"),
    (
        "Choose the file with the system's file dialog",
        "システムのファイルダイアログで選びます",
    ),
    ("Save as", "名前を付けて保存"),
    ("Path of the file to write", "保存先のファイルのパス"),
    ("File encoding", "文字コード"),
    ("UTF-8", "UTF-8"),
    ("UTF-8 with BOM", "UTF-8（BOM 付き）"),
    ("Shift_JIS", "Shift_JIS"),
    (
        "Split into files of {n} users",
        "{n} ユーザーごとのファイルに分割",
    ),
    ("Writes {name}, and so on.", "{name} などに書き出します。"),
    (
        "Blank rows are left out. The console expects UTF-8 or Shift_JIS, as chosen when downloading the template.",
        "空の行は書き出しません。管理画面は、テンプレートをダウンロードしたときに選んだ UTF-8 または Shift_JIS を受け付けます。",
    ),
    ("Save file", "保存する"),
    (
        "Overwrite the original file?",
        "元のファイルを上書きしますか？",
    ),
    (
        "{path} is the file you opened. Saving replaces it with the edited version.",
        "{path} は開いたファイルです。保存すると編集後の内容で置き換わります。",
    ),
    ("Save as…", "名前を付けて保存…"),
    ("{n} errors remain", "エラーが {n} 件残っています"),
    (
        "The console rejects the whole file while any of these remain. Click one to fix it:",
        "これらが 1 件でも残っていると、管理画面はファイル全体を受け付けません。クリックして修正してください:",
    ),
    ("Fix them first", "先に修正する"),
    (
        "Save anyway as draft (not ready for upload)",
        "下書きとして保存する（アップロード不可）",
    ),
    ("OK", "OK"),
    ("That did not work", "処理できませんでした"),
    ("Load a template", "テンプレートの読み込み"),
    (
        "A template is a TOML file describing the columns and their rules.",
        "テンプレートは、列とその規則を記述した TOML ファイルです。",
    ),
    (
        "Path of the template (.toml)",
        "テンプレート（.toml）のパス",
    ),
    ("Load", "読み込む"),
    (
        "The template could not be loaded",
        "テンプレートを読み込めませんでした",
    ),
    // Status and progress
    ("Clearing cells…", "セルを空にしています…"),
    ("Cancelling…", "キャンセルしています…"),
    ("Replacing…", "置換しています…"),
    ("Cells cleared:", "空にしたセル数:"),
    ("Sorting…", "並べ替えています…"),
    ("Cancel sorting", "並べ替えをキャンセル"),
    (
        "Wait for the edit to finish, or cancel it, before closing.",
        "編集が終わるのを待つか、キャンセルしてから閉じてください。",
    ),
    ("Cancelled.", "キャンセルしました。"),
    ("Nothing was written: {e}", "何も書き込んでいません：{e}"),
    (
        "Saving was cancelled; nothing was written.",
        "保存をキャンセルしました。何も書き込んでいません。",
    ),
    (
        "Saving was cancelled part-way",
        "保存を途中でキャンセルしました",
    ),
    (" (already written: {names})", "（書き込み済み：{names}）"),
    (
        "Your edits are all still here, unsaved.",
        "編集内容はすべてそのまま残っています（未保存）。",
    ),
    (
        "The background task stopped unexpectedly.",
        "バックグラウンドの処理が予期せず止まりました。",
    ),
    ("Opening {name}", "{name} を開いています"),
    ("Saving {name}", "{name} を保存しています"),
    (
        "Opened {name} ({n} errors).",
        "{name} を開きました（エラー {n} 件）。",
    ),
    // Workbooks
    (
        "Opened {name}, sheet “{sheet}” ({n} errors). Saving writes a CSV file.",
        "{name} のシート「{sheet}」を開きました（エラー {n} 件）。保存すると CSV ファイルになります。",
    ),
    (
        "Opened {name}: sheet “{sheet}” is empty.",
        "{name} を開きました。シート「{sheet}」は空です。",
    ),
    ("Choose a sheet", "シートを選ぶ"),
    ("Worksheet", "ワークシート"),
    (
        "{name} has {n} sheets. The grid shows “{sheet}”; its row 1 is the header.",
        "{name} には {n} 枚のシートがあります。表示中は「{sheet}」で、その 1 行目がヘッダーです。",
    ),
    ("Keep “{sheet}”", "「{sheet}」のままにする"),
    (
        "This file is not a workbook: it has no other sheets.",
        "このファイルはブックではないため、ほかのシートはありません。",
    ),
    (
        "Bulksheet saves CSV files and never writes over a workbook: choose a name ending in .csv.",
        "Bulksheet は CSV ファイルだけを保存し、ブックには上書きしません。.csv で終わる名前を選んでください。",
    ),
    (
        "Save the changes to {name} before opening another sheet?",
        "別のシートを開く前に {name} の変更を保存しますか？",
    ),
    ("{name} ({n} rows)", "{name}（{n} 行）"),
    ("Saved {names}.", "{names} を保存しました。"),
    (
        "Saved DRAFT {names} — {n} errors remain, not ready for upload.",
        "{names} を下書きとして保存しました。エラーが {n} 件残っており、アップロードできません。",
    ),
    (
        "Wait for the file to finish, or cancel it, before closing.",
        "閉じる前に、ファイルの処理が終わるのを待つか、キャンセルしてください。",
    ),
    (
        "No file chosen (no system file dialog here?): type the path instead.",
        "ファイルが選ばれませんでした（システムのファイルダイアログがない可能性があります）。パスを入力してください。",
    ),
    (
        "{path} is gone; it was taken off the recent files.",
        "{path} が見つからないため、最近使ったファイルから外しました。",
    ),
    // Issue places, status lines, prompts and the language choice
    ("Header", "見出し行"),
    ("Filled {n} cells", "{n} 個のセルに入力しました"),
    ("Hide the side panel", "サイドパネルを隠す"),
    ("Show the side panel", "サイドパネルを表示"),
    ("Side panel", "サイドパネル"),
    (
        "Hide or show the side panel, for more room in the grid",
        "サイドパネルを隠して表を広く使う、または再び表示します",
    ),
    (
        "No changes to save; the file was not written.",
        "変更がないため、ファイルは書き込みませんでした。",
    ),
    // Drag and drop
    (
        "Drop a CSV file to open it, or a .toml template to load it",
        "CSV ファイルをドロップすると開きます（.toml はテンプレートとして読み込みます）",
    ),
    (
        "Finish the current question first, then drop the file again.",
        "いまの質問に答えてから、もう一度ファイルをドロップしてください。",
    ),
    (
        "{n} files were dropped; only the first one is opened.",
        "{n} 個のファイルがドロップされました。最初の 1 つだけを開きます。",
    ),
    // Fixes that would cause a new issue, and the newer fixes
    (
        "Left for you, because the fix would cause a new issue:",
        "新しい問題が起きるため、適用せずに残す修正:",
    ),
    ("Not applied:", "適用しません:"),
    ("Drop the zero decimals", "小数点以下の 0 を削除"),
    ("Remove the spaces", "スペースを削除"),
    ("Remove the hyphens and spaces", "ハイフンとスペースを削除"),
    // Only what changes, and the issue list as a file
    ("rows with no change:", "変更のない行:"),
    (
        "Only rows changed since opening",
        "開いてから変更した行のみ",
    ),
    (
        "Rows added or edited since the file was opened; deleted rows are in no file (an update cannot delete users)",
        "ファイルを開いてから追加・編集した行です。削除した行はどのファイルにも入りません（一括更新ではユーザーを削除できません）",
    ),
    ("Writes {n} rows.", "{n} 行を書き出します。"),
    (
        "Leave out the {n} rows the roster already holds (no change)",
        "ユーザー一覧と同じ {n} 行（変更なし）を除く",
    ),
    ("Export issue list…", "問題の一覧を書き出す…"),
    ("Export issue list", "問題の一覧を書き出す"),
    (
        "Write the issues (row, column, severity, code, message) to a CSV file for whoever fixes the rows",
        "問題（行、列、重要度、コード、メッセージ）を CSV ファイルに書き出し、行を直す人に渡せるようにします",
    ),
    (
        "Every issue with its row, column, severity, code and message, as a CSV file Excel opens (UTF-8 with BOM), in the window's language.",
        "すべての問題を、行・列・重要度・コード・メッセージとともに、Excel で開ける CSV ファイル（BOM 付き UTF-8）に画面の言語で書き出します。",
    ),
    ("Export", "書き出す"),
    (
        "Wrote the issue list to {name} ({n} issues).",
        "問題の一覧を {name} に書き出しました（問題 {n} 件）。",
    ),
    // The system's file dialogs and the window's own, and replacing files.
    (
        "Open a CSV file or a workbook",
        "CSV ファイルまたはブックを開く",
    ),
    (
        "No system file dialog can be shown here (no desktop session was found), so this is Bulksheet's own: type the file's full path.",
        "ここではシステムのファイル ダイアログを表示できません（デスクトップ セッションが見つかりません）。Bulksheet のダイアログで、ファイルのフル パスを入力してください。",
    ),
    (
        "No system file dialog can be shown here (no desktop session was found): type the file's full path.",
        "ここではシステムのファイル ダイアログを表示できません（デスクトップ セッションが見つかりません）。ファイルのフル パスを入力してください。",
    ),
    (
        "A CSV, TSV or text file, or a workbook (.xlsx, .xls, .ods). You can also drop a file on the window.",
        "CSV・TSV・テキスト ファイル、またはブック（.xlsx、.xls、.ods）。ファイルをウィンドウにドロップしても開けます。",
    ),
    ("Path of the file to open", "開くファイルのパス"),
    ("File: {path}", "ファイル：{path}"),
    ("Change…", "変更…"),
    (
        "Choose another file in the system's file dialog",
        "システムのファイル ダイアログで別のファイルを選びます",
    ),
    (
        "Replace the existing file?",
        "既存のファイルを置き換えますか？",
    ),
    (
        "Replace {n} existing files?",
        "既存の {n} 個のファイルを置き換えますか？",
    ),
    (
        "{name} exists (last changed {date}).",
        "{name} は既にあります（最終更新 {date}）。",
    ),
    ("{name} exists.", "{name} は既にあります。"),
    (
        "Replacing it loses what it holds now.",
        "置き換えると、今の内容は失われます。",
    ),
    ("Replace file", "置き換える"),
    (
        "Choose the file in the system's file dialog…",
        "システムのファイル ダイアログでファイルを選んでください…",
    ),
    (
        "Not fixed automatically: {value} is already in row {rows}, so this would make a duplicate. Fix it by hand.",
        "自動では直せません：{value} は既に {rows} 行目にあり、重複になります。手で直してください。",
    ),
    ("Template file format", "テンプレート ファイルの書式"),
    (
        "Each [[columns]] entry is one column, in the template's order: its header name, kind and rules. A file column the template does not name is reported.",
        "[[columns]] の項目が 1 列ずつ、テンプレートの順に、ヘッダー名・種類・規則を表します。テンプレートにない列がファイルにあると報告されます。",
    ),
    (
        "{said}. The roster cross-check was stopped: {why}",
        "{said}。ユーザー一覧との照合を止めました：{why}",
    ),
    (
        "Open a file to check it",
        "確認するファイルを開いてください",
    ),
    ("Open a file…", "ファイルを開く…"),
    ("Recent files", "最近使ったファイル"),
    ("Open the sample file", "サンプル ファイルを開く"),
    (
        "A small file of users with typical mistakes, to try the editor on",
        "よくある間違いを含む小さなユーザー ファイルです。操作を試すのに使えます",
    ),
    ("Recent messages", "最近のメッセージ"),
    (
        "Everything the status bar said lately, whole",
        "ステータス バーに最近表示したメッセージの全文",
    ),
    ("No messages yet.", "まだメッセージはありません。"),
    (
        "Click to see the recent messages",
        "クリックすると最近のメッセージを表示します",
    ),
    (
        "The roster cross-check was stopped: {why}",
        "ユーザー一覧との照合を止めました：{why}",
    ),
    ("Export template…", "テンプレートを書き出す…"),
    ("Export template", "テンプレートを書き出す"),
    (
        "Write the template in use to a TOML file to share it with colleagues (Load template… reads it)",
        "使用中のテンプレートを TOML ファイルに書き出し、同僚と共有します（「テンプレートを読み込む…」で読み込めます）",
    ),
    (
        "The template in use, as a TOML file a colleague loads with Template → Load template…",
        "使用中のテンプレートを、同僚が「テンプレート → テンプレートを読み込む…」で読み込める TOML ファイルとして書き出します",
    ),
    (
        "Wrote the template to {name}.",
        "テンプレートを {name} に書き出しました。",
    ),
];
