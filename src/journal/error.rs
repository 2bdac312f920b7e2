//! Why a journal cannot be written, removed or replayed, in English (`Display`) and
//! Japanese (`message`). The system's own reason stays as the system words it.

use crate::validate::message::Lang;
use std::path::PathBuf;

/// Why a journal cannot be replayed onto the file as it is now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// The file's header differs from the one the edits were made to.
    #[error("the file's columns are not the ones the edits were made to")]
    HeaderChanged,
    /// A step's recorded "before" does not match the file's cells.
    #[error("edit {step} does not fit the file as it is now (it was changed since)")]
    DoesNotApply {
        /// The step, from 1.
        step: usize,
    },
}

impl RestoreError {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Ja, RestoreError::HeaderChanged) => {
                "ファイルの列が、編集したときの列と違います".to_string()
            }
            (Lang::Ja, RestoreError::DoesNotApply { step }) => format!(
                "{step}番目の編集が今のファイルに合いません（ファイルがその後に変更されています）"
            ),
        }
    }
}

/// Why a journal could not be written or removed.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The journal folder cannot be created.
    #[error("{}: {source}", dir.display())]
    Folder {
        /// The folder.
        dir: PathBuf,
        /// Why the system refused.
        source: std::io::Error,
    },
    /// The entry cannot be turned into JSON.
    #[error("{0}")]
    Encode(#[from] serde_json::Error),
    /// The journal file cannot be written (the path is in the message).
    #[error("{0}")]
    Write(#[from] crate::io::WriteError),
    /// A journal file cannot be removed.
    #[error("{}: {source}", file.display())]
    Discard {
        /// The journal file.
        file: PathBuf,
        /// Why the system refused.
        source: std::io::Error,
    },
}

impl JournalError {
    /// The message in a language. The system's own reason stays as the system words it.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.to_string(),
            (Lang::Ja, JournalError::Folder { dir, source }) => {
                format!("フォルダー {} を作れません：{source}", dir.display())
            }
            (Lang::Ja, JournalError::Encode(e)) => format!("記録をJSONにできません：{e}"),
            (Lang::Ja, JournalError::Write(e)) => e.message(lang),
            (Lang::Ja, JournalError::Discard { file, source }) => {
                format!("{} を削除できません：{source}", file.display())
            }
        }
    }
}
