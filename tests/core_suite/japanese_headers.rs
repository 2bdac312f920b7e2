//! A MiiTel template downloaded with Japanese headers is recognised and checked like the
//! English one: the built-in schema's header aliases name all 24 columns.

use bulksheet::schema::{Subscriptions, detect};
use bulksheet::{Sheet, io};

const JAPANESE_HEADER: [&str; 24] = [
    "ログインID",
    "ユーザー名",
    "内線番号",
    "言語",
    "タイムゾーン",
    "管理者権限",
    "モニタリング権限",
    "MiiTel Analytics 録音ファイルのダウンロード",
    "MiiTel Analytics 通話履歴のCSVエクスポート",
    "MiiTel Analytics 連絡先データのCSVエクスポート",
    "MiiTel Phone 有効化",
    "MiiTel Phone Mobile 有効化",
    "MiiTel Call Center 有効化",
    "MiiTel Call Center CC管理者権限",
    "MiiTel Call Center プレディクティブ発信設定の編集",
    "MiiTel Meetings 有効化",
    "MiiTel Meetings ボットの利用",
    "MiiTel Meetings 会議のアクセス権限の編集",
    "MiiTel Meetings 外部共有リンクの作成",
    "MiiTel Meetings ファイルのダウンロード",
    "MiiTel Meetings 動画履歴のCSVエクスポート",
    "MiiTel RecPod 有効化",
    "Salesforce AppExchange 有効化",
    "Incoming Webhook 有効化",
];

fn sheet(rows: &[&str]) -> Sheet {
    let mut text = JAPANESE_HEADER.join(",");
    for r in rows {
        text.push_str("\r\n");
        text.push_str(r);
    }
    text.push_str("\r\n");
    let doc = io::read_bytes(text.as_bytes(), None).expect("reads");
    let schema = detect(&doc.header);
    Sheet::new(doc, schema, Subscriptions::none())
}

const GOOD: &str = "tanaka@example.co.jp,田中 太郎,201,0,0,1,0,1,1,1,1,0,,0,,,0,,,,,,,";

#[test]
fn japanese_headers_pick_the_miitel_template_and_validate() {
    let s = sheet(&[
        GOOD,
        "suzuki@example.co.jp,鈴木 花子,202,1,0,0,1,1,0,0,1,1,,0,,,0,,,,,,,",
    ]);
    assert_eq!(s.schema().name, "miitel-update-users");
    let binding = &s.rules().binding;
    assert!(
        binding.file_of.iter().all(|c| c.is_some()),
        "every schema column is bound: {:?}",
        binding.file_of
    );
    let issues = s.issues();
    assert!(issues.is_empty(), "{issues:#?}");
}

#[test]
fn japanese_headers_still_catch_mistakes_in_the_right_column() {
    let s = sheet(&[
        GOOD,
        "sato＠example.co.jp,佐藤,12,英語,0,1,0,1,1,1,1,0,,0,,,0,,,,,,,",
    ]);
    assert!(s.errors() >= 2, "{:#?}", s.issues());
    let columns: Vec<Option<usize>> = s
        .issues()
        .iter()
        .filter(|i| i.severity == bulksheet::Severity::Error)
        .map(|i| i.col)
        .collect();
    assert!(columns.contains(&Some(0)), "login id: {columns:?}");
    assert!(columns.contains(&Some(2)), "extension: {columns:?}");
}
