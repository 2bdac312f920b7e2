//! The status bar's line about the last thing done. It keeps how to word itself, not
//! only the words: switching the language rewords the line on screen. It also keeps the
//! sheet's revision it was said at: once the sheet changes, the line speaks of an older
//! state ("Undone.", "Opened … (24 errors).") and gives way.

use crate::app::i18n::Lang;
use std::collections::VecDeque;
use std::rc::Rc;

/// Words a notice in a given language (shared with the message log).
type Words = Rc<dyn Fn(Lang) -> String>;

/// The status line: its text now, and how to word it again.
pub struct Notice {
    text: String,
    /// `None` for a text in no particular language (a file system error, say).
    words: Option<Words>,
    /// Shown in the warning colour.
    pub warning: bool,
    /// The sheet's revision when it was said.
    revision: u64,
}

impl Notice {
    /// A notice worded in `lang` now, and in whatever language is chosen later, about
    /// the sheet at `revision`. (The window says notices through [`MessageLog::say`].)
    #[cfg(test)]
    pub fn new(
        lang: Lang,
        warning: bool,
        revision: u64,
        words: impl Fn(Lang) -> String + 'static,
    ) -> Self {
        Notice::shared(lang, warning, revision, Rc::new(words))
    }

    fn shared(lang: Lang, warning: bool, revision: u64, words: Words) -> Self {
        Notice {
            text: words(lang),
            words: Some(words),
            warning,
            revision,
        }
    }

    /// Whether the sheet changed since the notice was said (by an edit that said
    /// nothing), so the notice no longer tells the truth.
    pub fn is_stale(&self, revision: u64) -> bool {
        self.revision != revision
    }

    /// A notice whose text stays as it is. The window words every notice in its language
    /// now (errors included), so only the tests build one.
    #[cfg(test)]
    pub fn fixed(text: String, warning: bool) -> Self {
        Notice {
            text,
            words: None,
            warning,
            revision: 0,
        }
    }

    /// The text as shown.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Words the notice again in another language (a fixed one stays).
    pub fn reword(&mut self, lang: Lang) {
        if let Some(words) = &self.words {
            self.text = words(lang);
        }
    }
}

/// The messages said lately, newest last, so one the status bar cut or replaced can still
/// be read whole (a click on the status bar's message opens them).
#[derive(Default)]
pub struct MessageLog {
    entries: VecDeque<Logged>,
}

/// A message as said: when, whether a warning, and how to word it.
struct Logged {
    at: String,
    warning: bool,
    words: Words,
}

impl MessageLog {
    /// How many messages are kept.
    pub const KEPT: usize = 50;

    /// Says a message: it becomes the status bar's notice and the log's newest entry.
    pub fn say(
        &mut self,
        lang: Lang,
        warning: bool,
        revision: u64,
        words: impl Fn(Lang) -> String + 'static,
    ) -> Notice {
        let words: Words = Rc::new(words);
        if self.entries.len() == Self::KEPT {
            self.entries.pop_front();
        }
        self.entries.push_back(Logged {
            at: crate::app::file::existing::local_time_of_day(std::time::SystemTime::now()),
            warning,
            words: words.clone(),
        });
        Notice::shared(lang, warning, revision, words)
    }

    /// The messages, newest first: the time said, whether a warning, the words in `lang`.
    pub fn newest_first(&self, lang: Lang) -> Vec<(String, bool, String)> {
        self.entries
            .iter()
            .rev()
            .map(|e| (e.at.clone(), e.warning, (e.words)(lang)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::tr;

    #[test]
    fn a_notice_is_reworded_in_the_new_language_and_a_fixed_one_is_not() {
        let mut n = Notice::new(Lang::En, false, 0, |l| tr(l, "Undone.").to_string());
        let mut f = Notice::fixed("disk full".into(), true);
        assert_eq!(n.text(), "Undone.");
        n.reword(Lang::Ja);
        f.reword(Lang::Ja);
        assert_eq!((n.text(), f.text()), (tr(Lang::Ja, "Undone."), "disk full"));
        assert_ne!(n.text(), "Undone.");
    }

    #[test]
    fn a_notice_is_stale_once_the_sheet_moved_on() {
        let n = Notice::new(Lang::En, false, 7, |l| tr(l, "Undone.").to_string());
        assert!(!n.is_stale(7));
        assert!(n.is_stale(8));
    }
}
