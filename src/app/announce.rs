//! Words for a screen reader that go with no focus move ("editing Login ID, row 3", a
//! cell's findings after an edit): a polite live region, which a reader speaks whenever
//! its text changes or it appears. On AT-SPI, AccessKit sends each as an announcement.

use eframe::egui::accesskit::{Live, Role};
use eframe::egui::{Context, Id};

/// What was said last, and how many times something was said.
#[derive(Clone, Default)]
struct Said {
    text: String,
    count: u64,
}

/// How the region is told from other live regions (the status bar's message).
pub const AUTHOR_ID: &str = "bulksheet-announcement";

fn said_key() -> Id {
    Id::unique("bulksheet-announcement")
}

/// Has `text` said (it stays the region's text until something else is said).
pub fn say(ctx: &Context, text: String) {
    ctx.data_mut(|d| {
        let said: &mut Said = d.get_temp_mut_or_default(said_key());
        said.text = text;
        said.count += 1;
    });
}

/// Adds the live region to this frame's accessibility tree, once a frame, after the
/// widgets that may speak. Each saying is a new node, so the same words said twice
/// ("editing Login ID, row 3" again) are spoken twice.
pub fn show(ctx: &Context) {
    let said: Said = ctx.data(|d| d.get_temp(said_key())).unwrap_or_default();
    if said.text.is_empty() {
        return;
    }
    ctx.accesskit_node_builder(said_key().with(said.count), |n| {
        n.set_role(Role::Status);
        n.set_live(Live::Polite);
        n.set_author_id(AUTHOR_ID);
        n.set_label(said.text);
    });
}
