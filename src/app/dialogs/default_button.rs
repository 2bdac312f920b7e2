//! The answer a question gives on Enter, marked for a screen reader (AccessKit's default
//! button), so it is heard as the one that Enter picks.

use eframe::egui::{Response, accesskit::Role};

/// Marks `button` as its question's default.
pub fn mark_default(button: &Response) {
    button
        .ctx
        .accesskit_node_builder(button.id, |n| n.set_role(Role::DefaultButton));
}
