//! Japanese text must render on any machine: a system CJK font when one is installed, else
//! the bundled IPAGothic (IPA Font License, see `assets/fonts/`), added as a fallback after
//! egui's own fonts.

use eframe::egui;
use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const BUNDLED: &[u8] = include_bytes!("../../assets/fonts/ipag.ttf");

/// Well-known places of CJK fonts on Linux, macOS and Windows, best first.
const SYSTEM_FONTS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "C:\\Windows\\Fonts\\YuGothR.ttc",
    "C:\\Windows\\Fonts\\meiryo.ttc",
    "C:\\Windows\\Fonts\\msgothic.ttc",
];

/// Where the CJK font came from, for the About box and for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CjkSource {
    /// A font installed on the machine, at this path.
    System(String),
    /// The bundled IPAGothic.
    Bundled,
}

/// Installs egui's fonts plus a CJK fallback.
pub fn install(ctx: &egui::Context) -> CjkSource {
    let (data, source) = match system_font() {
        Some((path, bytes)) => (FontData::from_owned(bytes), CjkSource::System(path)),
        None => (FontData::from_static(BUNDLED), CjkSource::Bundled),
    };
    ctx.set_fonts(definitions(data));
    source
}

/// Installs only the bundled font (tests use this so results do not depend on the machine).
pub fn install_bundled(ctx: &egui::Context) {
    ctx.set_fonts(definitions(FontData::from_static(BUNDLED)));
}

fn definitions(cjk: FontData) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("cjk".into(), Arc::new(cjk));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("cjk".into());
    }
    fonts
}

fn system_font() -> Option<(String, Vec<u8>)> {
    SYSTEM_FONTS
        .iter()
        .find_map(|p| std::fs::read(p).ok().map(|b| (p.to_string(), b)))
}
