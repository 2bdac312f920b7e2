//! What the user picks commands from: the menu bar, the editing menus, the toolbar and the
//! grid's context menus.

pub mod bar;
pub mod context;
pub mod edit;
pub mod item;
pub mod toolbar;
