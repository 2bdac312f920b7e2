//! Every validation message, in English and Japanese. A finding keeps the message's
//! parts, not its text, so each view renders it in the user's language.

use crate::text::shorten;

/// The language messages are written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// The language a locale string such as `ja_JP.UTF-8` or `en-US` asks for.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The language of the environment and the system: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set (an empty one counts as unset), else the
    /// system's language (Windows and macOS set no variable), else English.
    pub fn from_env() -> Lang {
        let vars = LOCALE_VARS.map(|k| std::env::var(k).ok());
        let system = sys_locale::get_locale();
        Lang::choose(vars.each_ref().map(Option::as_deref), system.as_deref())
    }

    /// The language for the locale variables' values (in [`LOCALE_VARS`] order) and the
    /// system's locale (`ja-JP`, `ja_JP.UTF-8`, `ja`, …).
    ///
    /// The first variable set and not empty decides, as POSIX has it, even when it names
    /// the `C` or `POSIX` locale: those ask for untranslated messages, which are English.
    /// The system's locale counts only when no variable is set, so a terminal's
    /// `LANG=en_US.UTF-8` keeps English on a Japanese system.
    pub fn choose(vars: [Option<&str>; 3], system: Option<&str>) -> Lang {
        match vars.into_iter().flatten().find(|v| !v.is_empty()) {
            Some(v) => Lang::from_locale(v),
            None => system.map_or(Lang::En, Lang::from_locale),
        }
    }
}

/// The environment variables that name the messages' locale, the strongest first.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// Why a digits value is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DigitsWhy {
    /// Full-width digits.
    FullWidth,
    /// Hyphens between the digits (a phone number as written).
    Hyphens,
    /// Spaces between the digits.
    Spaces,
    /// Something other than digits.
    NotDigits,
    /// This many digits, too few (a spreadsheet may have dropped a leading zero).
    TooFew(usize),
    /// This many digits, too many.
    TooMany(usize),
}

/// What an enum column accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Allowed {
    /// Any code from the first number to the second.
    Range(u64, u64),
    /// Each code with its label.
    List(Vec<(String, Label)>),
}

/// An option's label, in English and, when the schema has it, in Japanese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// In English.
    pub en: String,
    /// In Japanese, when the schema has it.
    pub ja: Option<String>,
}

impl Label {
    fn get(&self, lang: Lang) -> &str {
        match (lang, &self.ja) {
            (Lang::Ja, Some(ja)) => ja,
            _ => &self.en,
        }
    }
}

/// Why a Login ID is not one the console takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmailWhy {
    /// A full-width ＠.
    FullWidthAt,
    /// Spaces in it.
    Spaces,
    /// A full-width character.
    FullWidthChar(char),
    /// A character a Login ID may not hold.
    BadChar(char),
    /// No @ at all.
    NoAt,
    /// More than one @.
    ManyAt,
    /// Nothing before the @.
    EmptyLocal,
    /// A dot at the start or end before the @, or two in a row.
    Dots,
    /// No domain like example.com after the @.
    Domain,
}

/// One message with its parts. `col` is the column's name, `value` the cell as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A required cell is blank.
    Required {
        /// The column's name.
        col: String,
    },
    /// Spaces around the value.
    Whitespace {
        /// The column's name.
        col: String,
    },
    /// Longer than the column allows.
    TooLong {
        /// The column's name.
        col: String,
        /// The most characters allowed.
        max: usize,
        /// How many characters it has.
        got: usize,
    },
    /// A value a spreadsheet would run as a formula.
    Formula {
        /// The column's name.
        col: String,
        /// Its first character.
        first: char,
    },
    /// Not a Login ID the console takes.
    Email {
        /// The column's name.
        col: String,
        /// What is wrong.
        why: EmailWhy,
        /// The cell as found.
        value: String,
    },
    /// Not the digits the column wants.
    Digits {
        /// The column's name.
        col: String,
        /// The fewest digits allowed.
        min: usize,
        /// The most digits allowed.
        max: usize,
        /// What is wrong.
        why: DigitsWhy,
        /// The cell as found.
        value: String,
    },
    /// A code with spaces around it.
    EnumSpaces {
        /// The column's name.
        col: String,
        /// The code meant.
        code: String,
    },
    /// A code's label written where the code belongs.
    EnumLabel {
        /// The column's name.
        col: String,
        /// The code meant.
        code: String,
        /// That code's label.
        label: Label,
        /// The cell as found.
        value: String,
    },
    /// Neither a code nor a label of one.
    EnumOther {
        /// The column's name.
        col: String,
        /// What the column accepts.
        allowed: Allowed,
        /// The cell as found.
        value: String,
    },
    /// A character the target encoding cannot carry.
    Unencodable {
        /// The column's name.
        col: String,
        /// The character.
        ch: char,
    },
    /// Bytes the file's encoding does not decode.
    Undecodable {
        /// The encoding's name.
        encoding: &'static str,
        /// The cell as found.
        value: String,
    },
    /// A quote inside an unquoted field, or text after a closing quote.
    StrayQuote {
        /// The cell as found.
        value: String,
    },
    /// A quoted field that never closes.
    UnclosedQuote,
    /// A workbook formula saved without its computed value.
    FormulaWithoutValue {
        /// The formula (`=100+2`).
        formula: String,
    },
    /// A workbook value far outside the table.
    OutsideTable {
        /// Its cell (`XFD1048576`).
        cell: String,
        /// What it shows.
        value: String,
    },
    /// More values outside the table than are named one by one.
    MoreOutsideTable {
        /// How many more.
        more: usize,
    },
    /// The other rows are filled in when the message is shown: they change with edits.
    Duplicate,
    /// A column the schema needs is not in the header.
    HeaderMissing {
        /// The column's name.
        col: String,
        /// The subscriptions that need it, when some do.
        needed_by: Option<String>,
    },
    /// A header name that appears before too.
    HeaderDuplicate {
        /// The name as written.
        header: String,
        /// The column's position, from 1.
        position: usize,
    },
    /// A header name the schema does not know.
    HeaderUnknown {
        /// The name as written.
        header: String,
        /// The schema's name.
        schema: String,
    },
    /// A blank header name.
    HeaderEmpty {
        /// The column's position, from 1.
        position: usize,
    },
    /// A byte-order mark inside a header name.
    HeaderBom {
        /// The column's position, from 1.
        position: usize,
    },
    /// More users than one upload takes.
    TooManyRows {
        /// The users the file has.
        users: usize,
        /// The most one upload takes.
        max: usize,
    },
    /// The file has no header line.
    Empty,
    /// The workbook's sheet read has no cell with a value.
    EmptySheet {
        /// The sheet's name.
        sheet: String,
    },
    /// A row with more or fewer fields than the header.
    FieldCount {
        /// How many fields the row has.
        got: usize,
        /// How many the header has.
        want: usize,
    },
    /// A row with nothing in it.
    BlankRow,
    /// A Login ID the console does not have.
    RosterUnknown {
        /// The column's name.
        col: String,
        /// The cell as found.
        value: String,
    },
    /// A row the roster holds as it is, in every column both files have.
    NoChange,
    /// A value the console gives to another user.
    RosterOwner {
        /// The column's name.
        col: String,
        /// The cell as found.
        value: String,
        /// The user who has it.
        owner: String,
    },
    /// A problem in the header's own bytes: `inner` says what, about column `position`.
    InHeader {
        /// The column's position, from 1.
        position: usize,
        /// What is wrong.
        inner: Box<Msg>,
    },
    /// The header is not comma-separated: it holds semicolons or tabs instead.
    Separator {
        /// What separates its names (`semicolons`, `tabs`).
        found: &'static str,
    },
    /// The file was read with another separator than the comma the console takes.
    NotCommaSeparated {
        /// What separates its fields (`semicolons`, `tabs`).
        found: &'static str,
    },
    /// The file was read with another separator than the one the template's console takes
    /// (a template that is not comma-separated).
    NotTemplateSeparator {
        /// What separates its fields (`commas`, `semicolons`, `tabs`).
        found: &'static str,
        /// What the template's console takes.
        wanted: &'static str,
    },
    /// The first line is blank, so there are no column names.
    BlankHeader,
    /// The file's layout: leftover columns and rows, columns out of order.
    Layout(super::layout_message::LayoutMsg),
    /// A message already written, for findings that come from outside the catalogue.
    Plain(String),
}

impl From<String> for Msg {
    fn from(s: String) -> Self {
        Msg::Plain(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Self {
        Msg::Plain(s.to_string())
    }
}

const SYMBOLS: &str = "@!#$%&*+-/=?^_`{|}~.";

impl Msg {
    /// The message in a language.
    pub fn render(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.english(),
            Lang::Ja => self.japanese(),
        }
    }

    fn english(&self) -> String {
        match self {
            Msg::Required { col } => format!("{col} is required"),
            Msg::Whitespace { col } => format!("{col} has spaces at the start or end; trim them"),
            Msg::TooLong { col, max, got } => format!(
                "{col} must be at most {max} characters; got {got} (a full-width character counts as one)"
            ),
            Msg::Formula { col, first } => {
                format!("{col} starts with '{first}', which a spreadsheet may run as a formula")
            }
            Msg::Email { col, why, value } => {
                let v = shorten(value, 40);
                match why {
                    EmailWhy::FullWidthAt => format!("{col} has a full-width ＠; use the half-width @ (got {v})"),
                    EmailWhy::Spaces => format!("{col} must not contain spaces; got \"{v}\""),
                    EmailWhy::FullWidthChar(c) => format!(
                        "{col} has the full-width character '{c}'; use half-width letters and digits (got {v})"
                    ),
                    EmailWhy::BadChar(c) => format!(
                        "{col} may use only half-width letters, digits and {SYMBOLS}; got '{c}' in {v}"
                    ),
                    EmailWhy::NoAt => format!("{col} must be an email address like name@example.com; got {v}"),
                    EmailWhy::ManyAt => format!("{col} has more than one @; got {v}"),
                    EmailWhy::EmptyLocal => format!("{col} has nothing before the @; got {v}"),
                    EmailWhy::Dots => format!("{col} has a misplaced dot before the @; got {v}"),
                    EmailWhy::Domain => {
                        format!("{col} must end in a domain like example.com after the @; got {v}")
                    }
                }
            }
            Msg::Digits { col, min, max, why, value } => {
                let why = match why {
                    DigitsWhy::FullWidth => "full-width digits".to_string(),
                    DigitsWhy::Hyphens => "remove the hyphens".to_string(),
                    DigitsWhy::Spaces => "remove the spaces".to_string(),
                    DigitsWhy::NotDigits => "digits only".to_string(),
                    DigitsWhy::TooFew(n) => {
                        format!("{n} digits; if a spreadsheet dropped a leading zero, type it back")
                    }
                    DigitsWhy::TooMany(n) => format!("{n} digits"),
                };
                format!(
                    "{col} must be {} half-width digits; got {} ({why})",
                    range(*min, *max),
                    shorten(value, 30)
                )
            }
            Msg::EnumSpaces { col, code } => format!("{col} has spaces around the code; use {code}"),
            Msg::EnumLabel { col, code, label, value } => format!(
                "{col} needs the code, not the label: use {code} for {} (got {})",
                label.en,
                shorten(value, 30)
            ),
            Msg::EnumOther { col, allowed, value } => {
                let allowed = match allowed {
                    Allowed::Range(a, b) => format!("a code from {a} to {b}"),
                    Allowed::List(items) => join_or(items, "or", Lang::En),
                };
                format!("{col} must be {allowed}; got {}", shorten(value, 30))
            }
            Msg::Unencodable { col, ch } => {
                format!("{col}: Shift_JIS cannot carry '{ch}'; replace it or save as UTF-8")
            }
            Msg::Undecodable { encoding, value } => format!(
                "has bytes that are not valid {encoding} (shown as �); retype the value: {}",
                shorten(value, 40)
            ),
            Msg::StrayQuote { value } => format!(
                "has a stray quote (\"); it was read as {} — check the value and retype it",
                shorten(value, 40)
            ),
            Msg::UnclosedQuote => {
                "opens a quote (\") that never closes, so the rest of the file was read into this cell".into()
            }
            Msg::FormulaWithoutValue { formula } => format!(
                "holds the formula {} but no computed value (the program that wrote the file did not compute it): open and save it in Excel, or type the value",
                shorten(formula, 40)
            ),
            Msg::OutsideTable { cell, value } => format!(
                "{cell}: a value outside the table ({}); export and save leave it out",
                shorten(value, 30)
            ),
            Msg::MoreOutsideTable { more } => format!(
                "{more} more values outside the table; export and save leave them out"
            ),
            Msg::Duplicate => "is used more than once; each must be unique".into(),
            Msg::HeaderMissing { col, needed_by } => match needed_by {
                None => format!(
                    "Column '{col}' is missing from the header; add it (the template needs every column)"
                ),
                Some(s) => format!(
                    "Column '{col}' is missing from the header; add it (it is required because {s} is on)"
                ),
            },
            Msg::HeaderDuplicate { header, position } => format!(
                "Column '{header}' appears more than once in the header (column {position}); remove the extra one"
            ),
            Msg::HeaderUnknown { header, schema } => format!(
                "'{}' is not a column of the {schema} template; remove it or correct its name",
                shorten(header, 40)
            ),
            Msg::HeaderEmpty { position } => {
                format!("Column {position} has no header name; remove the empty column")
            }
            Msg::HeaderBom { position } => {
                format!("Header of column {position} holds a byte-order mark; remove it")
            }
            Msg::TooManyRows { users, max } => format!(
                "The file has {users} users; one upload takes at most {max}. Split it into files of {max} (export --split {max})"
            ),
            Msg::Empty => "The file is empty: it has no header row".into(),
            Msg::EmptySheet { sheet } => format!(
                "Sheet \"{sheet}\" is empty: it has no header row (choose another sheet)"
            ),
            Msg::FieldCount { got, want } => {
                let how = if got < want {
                    "a value or comma is missing"
                } else {
                    "there is an extra comma or value"
                };
                format!("Row has {got} fields but the header has {want}; {how}")
            }
            Msg::BlankRow => "Blank row: it is dropped on export".into(),
            Msg::RosterUnknown { col, value } => format!(
                "{col} {} is not in the roster; an update cannot create users",
                shorten(value, 40)
            ),
            Msg::RosterOwner { col, value, owner } => {
                format!("{col} {} belongs to {owner} in the roster", shorten(value, 40))
            }
            Msg::NoChange => "No change: the roster holds this row as it is in every column both files have; uploading it changes nothing".into(),
            Msg::InHeader { position, inner } => {
                format!("Header of column {position}: {}", inner.english())
            }
            Msg::Separator { found } => format!(
                "The header has no commas but has {found}: the file is not comma-separated, so it opened as a single column. Save it as CSV (comma-separated)"
            ),
            Msg::NotCommaSeparated { found } => format!(
                "The file is separated by {found}, not commas: the console takes comma-separated CSV, which export and Save As write"
            ),
            Msg::NotTemplateSeparator { found, wanted } => format!(
                "The file is separated by {found}, not {wanted}: the template's console takes {wanted}, which export and Save As write"
            ),
            Msg::BlankHeader => "The first line is blank, so the file has no column names; delete the blank lines above the header".into(),
            Msg::Layout(m) => m.render(Lang::En),
            Msg::Plain(s) => s.clone(),
        }
    }

    // Column names are set off as 「Login ID」: Japanese has no spaces to mark where a
    // name written in Latin letters ends.
    fn japanese(&self) -> String {
        match self {
            Msg::Required { col } => format!("「{col}」は必須です"),
            Msg::Whitespace { col } => {
                format!("「{col}」の先頭か末尾に空白があります。削除してください")
            }
            Msg::TooLong { col, max, got } => {
                format!(
                    "「{col}」は{max}文字以内にしてください（現在{got}文字。全角も1文字と数えます）"
                )
            }
            Msg::Formula { col, first } => {
                format!(
                    "「{col}」が「{first}」で始まっています。表計算ソフトで数式として扱われるおそれがあります"
                )
            }
            Msg::Email { col, why, value } => {
                let v = shorten(value, 40);
                match why {
                    EmailWhy::FullWidthAt => {
                        format!("「{col}」に全角の＠があります。半角の@にしてください（{v}）")
                    }
                    EmailWhy::Spaces => format!("「{col}」に空白は使えません（「{v}」）"),
                    EmailWhy::FullWidthChar(c) => {
                        format!(
                            "「{col}」に全角文字「{c}」があります。半角英数字にしてください（{v}）"
                        )
                    }
                    EmailWhy::BadChar(c) => {
                        format!(
                            "「{col}」に使えるのは半角英数字と{SYMBOLS}だけです（「{c}」：{v}）"
                        )
                    }
                    EmailWhy::NoAt => {
                        format!(
                            "「{col}」はメールアドレス（name@example.com の形）にしてください（{v}）"
                        )
                    }
                    EmailWhy::ManyAt => format!("「{col}」に@が複数あります（{v}）"),
                    EmailWhy::EmptyLocal => format!("「{col}」の@の前が空です（{v}）"),
                    EmailWhy::Dots => {
                        format!("「{col}」の@の前のドットの位置が正しくありません（{v}）")
                    }
                    EmailWhy::Domain => {
                        format!(
                            "「{col}」の@の後ろは example.com のようなドメインにしてください（{v}）"
                        )
                    }
                }
            }
            Msg::Digits {
                col,
                min,
                max,
                why,
                value,
            } => {
                let why = match why {
                    DigitsWhy::FullWidth => "全角数字です".to_string(),
                    DigitsWhy::Hyphens => "ハイフンを削除してください".to_string(),
                    DigitsWhy::Spaces => "空白を削除してください".to_string(),
                    DigitsWhy::NotDigits => "数字だけにしてください".to_string(),
                    DigitsWhy::TooFew(n) => {
                        format!(
                            "{n}桁です。表計算ソフトで先頭の0が消えた場合は入力し直してください"
                        )
                    }
                    DigitsWhy::TooMany(n) => format!("{n}桁です"),
                };
                let r = if min == max {
                    format!("{min}")
                } else {
                    format!("{min}～{max}")
                };
                format!(
                    "「{col}」は半角数字{r}桁にしてください（{}：{why}）",
                    shorten(value, 30)
                )
            }
            Msg::EnumSpaces { col, code } => {
                format!("「{col}」のコードの前後に空白があります。{code}にしてください")
            }
            Msg::EnumLabel {
                col,
                code,
                label,
                value,
            } => {
                // The cell's own text is quoted; the Japanese label follows when it differs
                // (a cell holding `English` is told the code of 英語).
                let own = shorten(value, 30);
                let ja = label.get(Lang::Ja);
                if own.trim() == ja {
                    format!("「{col}」にはラベルではなくコードを入力してください：「{own}」のコードは{code}です")
                } else {
                    format!(
                        "「{col}」にはラベルではなくコードを入力してください：「{own}」（{ja}）のコードは{code}です"
                    )
                }
            }
            Msg::EnumOther {
                col,
                allowed,
                value,
            } => {
                let allowed = match allowed {
                    Allowed::Range(a, b) => format!("{a}～{b}のコード"),
                    Allowed::List(items) => {
                        format!("{}のいずれか", join_or(items, "、", Lang::Ja))
                    }
                };
                format!(
                    "「{col}」は{allowed}にしてください（{}）",
                    shorten(value, 30)
                )
            }
            Msg::Unencodable { col, ch } => format!(
                "「{col}」の「{ch}」はShift_JISで保存できません。別の文字に置き換えるかUTF-8で保存してください"
            ),
            Msg::Undecodable { encoding, value } => format!(
                "{encoding}として読めないバイトがあります（�と表示）。入力し直してください：{}",
                shorten(value, 40)
            ),
            Msg::StrayQuote { value } => format!(
                "余分な引用符（\"）があります。{} と読み込まれました。確認して入力し直してください",
                shorten(value, 40)
            ),
            Msg::UnclosedQuote => {
                "引用符（\"）が閉じられていないため、ファイルの残りがこのセルに読み込まれました"
                    .into()
            }
            Msg::FormulaWithoutValue { formula } => format!(
                "数式 {} に計算結果が保存されていません（ファイルを書いたプログラムが計算していません）。Excelで開いて保存するか、値を入力してください",
                shorten(formula, 40)
            ),
            Msg::OutsideTable { cell, value } => format!(
                "{cell}：表の外にある値です（{}）。書き出しと保存には含まれません",
                shorten(value, 30)
            ),
            Msg::MoreOutsideTable { more } => {
                format!("表の外にある値がほかに{more}個あります。書き出しと保存には含まれません")
            }
            Msg::Duplicate => "が重複しています。一意にしてください".into(),
            Msg::HeaderMissing { col, needed_by } => match needed_by {
                None => format!(
                    "ヘッダーに列「{col}」がありません。追加してください（テンプレートの全列が必要です）"
                ),
                Some(s) => format!("ヘッダーに列「{col}」がありません。{s}が有効なため必須です"),
            },
            Msg::HeaderDuplicate { header, position } => {
                format!(
                    "列「{header}」がヘッダーに重複しています（{position}列目）。余分な列を削除してください"
                )
            }
            Msg::HeaderUnknown { header, schema } => format!(
                "「{}」は{schema}テンプレートの列ではありません。削除するか列名を直してください",
                shorten(header, 40)
            ),
            Msg::HeaderEmpty { position } => {
                format!("{position}列目にヘッダー名がありません。空の列を削除してください")
            }
            Msg::HeaderBom { position } => {
                format!("{position}列目のヘッダーにBOMが含まれています。削除してください")
            }
            Msg::TooManyRows { users, max } => format!(
                "ユーザーが{users}人います。1回のアップロードは{max}人までです。{max}人ずつのファイルに分割してください（export --split {max}）"
            ),
            Msg::Empty => "ファイルが空です。ヘッダー行がありません".into(),
            Msg::EmptySheet { sheet } => {
                format!(
                    "シート「{sheet}」は空です。ヘッダー行がありません（別のシートを選んでください）"
                )
            }
            Msg::FieldCount { got, want } => {
                format!(
                    "この行の項目数は{got}ですが、ヘッダーは{want}列です。カンマか値の過不足を確認してください"
                )
            }
            Msg::BlankRow => "空の行です。書き出し時に削除されます".into(),
            Msg::RosterUnknown { col, value } => format!(
                "「{col}」の {} はユーザー一覧にありません。一括更新ではユーザーを作成できません",
                shorten(value, 40)
            ),
            Msg::RosterOwner { col, value, owner } => {
                format!(
                    "「{col}」の {} はユーザー一覧では{owner}に割り当てられています",
                    shorten(value, 40)
                )
            }
            Msg::NoChange => "変更なし：両方のファイルにある列がすべてユーザー一覧と同じです。この行を更新しても何も変わりません".into(),
            Msg::InHeader { position, inner } => {
                format!("{position}列目のヘッダー：{}", inner.japanese())
            }
            Msg::Separator { found } => {
                let what = separator_ja(found);
                format!(
                    "ヘッダーにカンマがなく{what}があります。カンマ区切りではないため1列として開きました。CSV（カンマ区切り）で保存し直してください"
                )
            }
            Msg::NotCommaSeparated { found } => {
                let what = separator_ja(found);
                format!(
                    "このファイルは{what}区切りです。管理画面はカンマ区切りのCSVを読みます。書き出しと「名前を付けて保存」はカンマ区切りで書きます"
                )
            }
            Msg::NotTemplateSeparator { found, wanted } => {
                let (what, want) = (separator_ja(found), separator_ja(wanted));
                format!(
                    "このファイルは{what}区切りです。このテンプレートの管理画面は{want}区切りを読みます。書き出しと「名前を付けて保存」は{want}区切りで書きます"
                )
            }
            Msg::BlankHeader => {
                "1行目が空のため列名がありません。ヘッダーより上の空行を削除してください".into()
            }
            Msg::Layout(m) => m.render(Lang::Ja),
            Msg::Plain(s) => s.clone(),
        }
    }
}

fn range(min: usize, max: usize) -> String {
    if min == max {
        format!("{min}")
    } else {
        format!("{min}–{max}")
    }
}

fn join_or(items: &[(String, Label)], word: &str, lang: Lang) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|(c, l)| format!("{c} ({})", l.get(lang)))
        .collect();
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() && word == "or" => {
            format!("{} or {last}", rest.join(", "))
        }
        Some(_) if word != "or" => parts.join(word),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// How a message names other rows. Each output uses one numbering throughout: the window
/// and the JSON report count data rows (1 = the first row under the header), the text
/// report counts file lines, like the `users.csv:24:` it puts before each message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Numbering {
    /// Data rows, from 1.
    #[default]
    DataRows,
    /// Lines of the file, from 1 (the header is line 1; a cell over several lines counts
    /// them all).
    FileLines,
}

/// The duplicate message, naming the other rows as they are now. `others` are already
/// numbered the way `numbering` says: data rows or file lines, from 1.
pub fn duplicate(
    lang: Lang,
    col: &str,
    value: &str,
    others: &[u64],
    numbering: Numbering,
) -> String {
    let mut listed: Vec<String> = others.iter().take(5).map(u64::to_string).collect();
    let more = others.len().saturating_sub(5);
    let v = shorten(value, 40);
    match lang {
        Lang::En => {
            if more > 0 {
                listed.push(format!("and {more} more"));
            }
            let one = others.len() == 1;
            let place = match (numbering, one) {
                (Numbering::DataRows, true) => "row",
                (Numbering::DataRows, false) => "rows",
                (Numbering::FileLines, true) => "line",
                (Numbering::FileLines, false) => "lines",
            };
            format!(
                "{col} {v} is also used in {place} {}; each must be unique",
                listed.join(", ")
            )
        }
        Lang::Ja => {
            let extra = if more > 0 {
                format!("ほか{more}行")
            } else {
                String::new()
            };
            // A data row is "3行目" everywhere in the window; a file line says so.
            let file = match numbering {
                Numbering::DataRows => "",
                Numbering::FileLines => "ファイルの",
            };
            format!(
                "「{col}」の {v} は{file}{}行目{extra}でも使われています。重複はできません",
                listed.join("、")
            )
        }
    }
}

/// A separator named in a message (`tabs`), in Japanese.
fn separator_ja(words: &str) -> &'static str {
    match words {
        "tabs" => "タブ",
        "semicolons" => "セミコロン",
        _ => "カンマ",
    }
}
