//! The status bar's line about the last thing done. It keeps how to word itself, not
//! only the words: switching the language rewords the line on screen.

use crate::app::i18n::Lang;

/// Words a notice in a given language.
type Words = Box<dyn Fn(Lang) -> String>;

/// The status line: its text now, and how to word it again.
pub struct Notice {
    text: String,
    /// `None` for a text in no particular language (a file system error, say).
    words: Option<Words>,
    /// Shown in the warning colour.
    pub warning: bool,
}

impl Notice {
    /// A notice worded in `lang` now, and in whatever language is chosen later.
    pub fn new(lang: Lang, warning: bool, words: impl Fn(Lang) -> String + 'static) -> Self {
        Notice {
            text: words(lang),
            words: Some(Box::new(words)),
            warning,
        }
    }

    /// A notice whose text stays as it is. The window words every notice in its language
    /// now (errors included), so only the tests build one.
    #[cfg(test)]
    pub fn fixed(text: String, warning: bool) -> Self {
        Notice {
            text,
            words: None,
            warning,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::i18n::tr;

    #[test]
    fn a_notice_is_reworded_in_the_new_language_and_a_fixed_one_is_not() {
        let mut n = Notice::new(Lang::En, false, |l| tr(l, "Undone.").to_string());
        let mut f = Notice::fixed("disk full".into(), true);
        assert_eq!(n.text(), "Undone.");
        n.reword(Lang::Ja);
        f.reword(Lang::Ja);
        assert_eq!((n.text(), f.text()), (tr(Lang::Ja, "Undone."), "disk full"));
        assert_ne!(n.text(), "Undone.");
    }
}
