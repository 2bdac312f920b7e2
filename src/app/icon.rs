//! The window's icon: the product icon drawn in `assets/icons/bulksheet.svg`, bundled as a
//! PNG so the title bar and taskbar show it without any file installed. On Linux the
//! desktop may instead pick the installed icon through the `.desktop` file, whose
//! `StartupWMClass` names [`super::APP_ID`].

use eframe::egui::IconData;

/// The 256 px rendering: large enough for a HiDPI taskbar or Alt+Tab, and the window
/// manager scales it down for the title bar.
pub const PNG: &[u8] = include_bytes!("../../assets/icons/bulksheet-256.png");

/// The icon as the window takes it; `None` (egui's default icon) only if the bundled PNG
/// were broken, which the tests rule out.
pub fn data() -> Option<IconData> {
    eframe::icon_data::from_png_bytes(PNG).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_icon_decodes_to_a_square_image() {
        let icon = data().expect("the bundled icon is a valid PNG");
        assert_eq!(icon.width, icon.height, "the icon is square");
        assert_eq!(icon.width, 256);
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Transparent corners: the icon is a rounded tile, not a filled square.
        assert_eq!(icon.rgba[3], 0, "the top-left corner is transparent");
        // The centre is drawn (opaque), so it is not an empty image either.
        let centre = (128 * 256 + 128) * 4;
        assert_eq!(icon.rgba[centre + 3], 255, "the centre is opaque");
    }

    /// The desktop matches a window to its `.desktop` file (its icon and name in the dock
    /// and task switcher) by the window class on X11 and the app id on Wayland.
    #[test]
    fn desktop_file_names_the_window_class_and_the_icon() {
        let desktop = include_str!("../../assets/bulksheet.desktop");
        let value = |key: &str| {
            desktop
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                .unwrap_or_else(|| panic!("{key} is in the .desktop file"))
        };
        assert_eq!(value("StartupWMClass"), super::super::APP_ID);
        assert_eq!(value("Icon"), super::super::APP_ID);
        assert!(value("MimeType").split(';').any(|m| m == "text/csv"));
    }
}
