//! The editing windows and strips open on screen, apart from the app that carries out
//! what they ask.

use crate::app::dialogs::fix_preview::FixPreview;
use crate::app::dialogs::set_value::SetValue;
use crate::app::panels::filter_bar::FilterBar;
use crate::app::panels::find::FindPanel;
use crate::app::panels::review::ReviewPanel;
use crate::app::panels::roster::RosterDialog;

/// The editing windows and panels.
#[derive(Debug, Default)]
pub struct EditState {
    /// The find and replace strip.
    pub find: FindPanel,
    /// The preview of a bulk fix, while it is open.
    pub preview: Option<FixPreview>,
    /// The list of changed cells.
    pub review: ReviewPanel,
    /// The roster dialog, while it is open.
    pub roster: Option<RosterDialog>,
    /// The Set value dialog, while it is open.
    pub set_value: Option<SetValue>,
    /// The filter strip above the grid.
    pub filter_bar: FilterBar,
}

impl EditState {
    /// A window that takes the keyboard from the grid is open.
    pub fn is_modal(&self) -> bool {
        self.preview.is_some() || self.roster.is_some() || self.set_value.is_some()
    }
}
