//! A file a write would replace, and times as the user's clock shows them (in the question
//! that asks, and in the recent messages).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A file that a write would replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Existing {
    /// Where it is.
    pub path: PathBuf,
    /// When it last changed, if the system says.
    pub modified: Option<SystemTime>,
}

impl Existing {
    /// The file at `path`, if there is one.
    pub fn at(path: &Path) -> Option<Existing> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Existing {
            path: path.to_path_buf(),
            modified: meta.modified().ok(),
        })
    }
}

/// A time as the user's clock shows it: `2026-12-07 19:58`.
pub fn local_time(t: SystemTime) -> String {
    local(t, "%Y-%m-%d %H:%M")
}

/// The time of day as the user's clock shows it: `19:58:03`.
pub fn local_time_of_day(t: SystemTime) -> String {
    local(t, "%H:%M:%S")
}

/// `t` in the system's time zone, written by `format` (strftime).
fn local(t: SystemTime, format: &str) -> String {
    let Ok(stamp) = jiff::Timestamp::try_from(t) else {
        return String::new();
    };
    stamp
        .to_zoned(jiff::tz::TimeZone::system())
        .strftime(format)
        .to_string()
}
