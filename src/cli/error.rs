//! Why a command could not run. Every one of these exits with code 2
//! ([`EXIT_UNREADABLE`](super::EXIT_UNREADABLE)) and is printed in the `--lang` language.

use crate::baseline::KeyError;
use crate::io::{ReadError, WriteError};
use crate::roster::RosterFileError;
use crate::schema::infer::InferError;
use crate::schema::{LoadError, UnknownSubscription};
use crate::validate::Lang;
use std::path::PathBuf;

/// A command that stopped before it could report on the file.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// `--schema` names no schema, or one that cannot be used.
    #[error(transparent)]
    Schema(#[from] LoadError),
    /// `--subscriptions` names one the schema does not list.
    #[error(transparent)]
    Subscriptions(#[from] UnknownSubscription),
    /// The input cannot be read as a CSV.
    #[error("{}", source.message_for_file(path, Lang::En))]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: ReadError,
    },
    /// `schema infer`: the file gives nothing to infer from.
    #[error("{}: {source}", path.display())]
    Infer {
        /// The file.
        path: PathBuf,
        /// Why.
        source: InferError,
    },
    /// `--roster` cannot be read, or not used with the schema.
    #[error(transparent)]
    Roster(#[from] RosterFileError),
    /// `--changed-from` or `--only-changed`: a file cannot be matched row by row.
    #[error("{}: {source}", path.display())]
    Key {
        /// The file that lacks the key (or the input, for a schema without one).
        path: PathBuf,
        /// Why.
        source: KeyError,
    },
    /// The report cannot be written to standard output.
    #[error("cannot write the report: {0}")]
    Output(#[from] std::io::Error),
    /// The JSON report cannot be produced.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// An output file cannot be written.
    #[error("{0}")]
    Write(#[from] WriteError),
    /// Standard output or error cannot be written (a closed pipe is not this: it ends
    /// the printing quietly).
    #[error("cannot print the output: {0}")]
    Print(std::io::Error),
}

impl CliError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            CliError::Schema(e) => e.message(lang),
            CliError::Subscriptions(e) => e.message(lang),
            CliError::Read { path, source } => source.message_for_file(path, lang),
            CliError::Roster(e) => e.message(lang),
            CliError::Infer { path, source } => {
                format!("{}: {}", path.display(), source.message(lang))
            }
            CliError::Key { path, source } => {
                format!("{}: {}", path.display(), source.message(lang))
            }
            CliError::Json(e) => format!("JSONを書けません：{e}"),
            CliError::Output(e) => format!("レポートを出力できません：{e}"),
            CliError::Write(e) => e.message(lang),
            CliError::Print(e) => format!("出力を書き出せません：{e}"),
        }
    }
}

/// Export refused: `nothing written: 2 errors must be fixed first`.
pub(super) fn errors_remain(errors: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "nothing written: {errors} error{} must be fixed first",
            if errors == 1 { "" } else { "s" }
        ),
        Lang::Ja => format!("何も書き出していません：先にエラー {errors} 件を直してください"),
    }
}

/// Export stopped by a value the encoding cannot carry.
pub(super) fn nothing_written(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "nothing written",
        Lang::Ja => "何も書き出していません",
    }
}

/// After `fix`, when errors the fixes cannot settle remain.
pub(super) fn needs_a_person(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "the remaining errors need a person: open the file in the window",
        Lang::Ja => "残りのエラーは自動では直せません。ウィンドウでファイルを開いて直してください",
    }
}
