//! Colour on a terminal only: piped output has no escape codes, a coloured report has.

use crate::common::*;

fn sample_with_errors() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.csv");
    std::fs::write(&path, bulksheet::sample_data::SAMPLE_CSV).unwrap();
    (dir, path)
}

#[test]
fn piped_output_has_no_escape_codes() {
    let (_dir, path) = sample_with_errors();
    let out = bulksheet().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the sample has errors");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "escape codes in piped output:\n{text}"
    );
}

#[test]
fn the_report_is_coloured_when_asked() {
    // What a terminal gets: the same lines with colour codes.
    let doc = bulksheet::io::read_bytes(bulksheet::sample_data::SAMPLE_CSV, None).unwrap();
    let schema = bulksheet::schema::detect(&doc.header);
    let sheet = bulksheet::Sheet::new(doc, schema, Default::default());
    let issues = sheet.issues();
    let coloured = bulksheet::cli::text_report(
        "s.csv",
        &sheet,
        &issues,
        true,
        bulksheet::validate::Lang::En,
    );
    let plain = bulksheet::cli::text_report(
        "s.csv",
        &sheet,
        &issues,
        false,
        bulksheet::validate::Lang::En,
    );
    assert!(coloured.contains("\x1b["));
    assert!(!plain.contains('\x1b'));
}

/// `bulksheet ARGS` on the sample, with no colour variable but those given and a
/// colour-capable TERM; what it printed on stdout and stderr.
fn coloured_run(vars: &[(&str, &str)], args: &[&str]) -> (String, String) {
    let (_dir, path) = sample_with_errors();
    let out_path = path.with_file_name("out.csv");
    let mut c = bulksheet();
    for a in args {
        match *a {
            "IN" => c.arg(&path),
            "OUT" => c.arg(&out_path),
            a => c.arg(a),
        };
    }
    for k in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
        c.env_remove(k);
    }
    let o = c
        .env("TERM", "xterm-256color")
        .env("LC_ALL", "C")
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (text(&o.stdout), text(&o.stderr))
}

fn check_is_coloured(vars: &[(&str, &str)], flag: Option<&str>) -> bool {
    let mut args = vec!["check", "IN"];
    args.extend(flag.iter().flat_map(|f| ["--color", *f]));
    let (out, _) = coloured_run(vars, &args);
    assert!(out.contains("error"), "{out}");
    out.contains('\x1b')
}

#[test]
fn the_color_flag_decides_over_every_variable() {
    assert!(check_is_coloured(&[], Some("always")));
    assert!(check_is_coloured(&[("NO_COLOR", "1")], Some("always")));
    assert!(check_is_coloured(&[("CLICOLOR", "0")], Some("always")));
    assert!(!check_is_coloured(&[], Some("never")));
    assert!(!check_is_coloured(
        &[("CLICOLOR_FORCE", "1")],
        Some("never")
    ));
    assert!(!check_is_coloured(&[], Some("auto")));
}

#[test]
fn clicolor_force_colours_a_pipe_unless_no_color_is_set() {
    assert!(check_is_coloured(&[("CLICOLOR_FORCE", "1")], None));
    assert!(check_is_coloured(
        &[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0")],
        None
    ));
    assert!(!check_is_coloured(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        None
    ));
    assert!(!check_is_coloured(&[("CLICOLOR_FORCE", "0")], None));
    // CLICOLOR asks for colour on a terminal only.
    assert!(!check_is_coloured(&[("CLICOLOR", "1")], None));
    // An empty NO_COLOR is unset.
    assert!(check_is_coloured(
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")],
        None
    ));
}

#[test]
fn export_and_fix_colour_what_they_print() {
    // A refused export prints its report on stderr.
    let (_, err) = coloured_run(&[], &["export", "IN", "-o", "OUT", "--color", "always"]);
    assert!(err.contains("\x1b[") && err.contains("error"), "{err}");
    let (_, err) = coloured_run(&[("CLICOLOR_FORCE", "1")], &["export", "IN", "-o", "OUT"]);
    assert!(err.contains("\x1b["), "{err}");
    let (_, err) = coloured_run(&[], &["export", "IN", "-o", "OUT"]);
    assert!(!err.contains('\x1b') && err.contains("error"), "{err}");
    let (out, _) = coloured_run(&[], &["fix", "IN", "-o", "OUT", "--color", "always"]);
    assert!(out.contains("\x1b[") && out.contains("fixed"), "{out}");
    let (out, _) = coloured_run(&[], &["fix", "IN", "-o", "OUT"]);
    assert!(!out.contains('\x1b') && out.contains("fixed"), "{out}");
}

/// On a terminal (a pseudo-terminal here), colour by default, and none under NO_COLOR,
/// CLICOLOR=0 or a dumb TERM.
#[cfg(target_os = "linux")]
#[test]
fn a_terminal_gets_colour_unless_a_variable_says_no() {
    use std::io::Read;
    use std::os::fd::{FromRawFd, OwnedFd};
    let (_dir, path) = sample_with_errors();
    let on_terminal = |vars: &[(&str, &str)]| {
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty writes two new descriptors into the two ints; the others may be null.
        let rc = unsafe {
            libc::openpty(
                &mut master,
                &mut slave,
                std::ptr::null_mut(),
                std::ptr::null(),
                std::ptr::null(),
            )
        };
        assert_eq!(rc, 0, "openpty");
        // SAFETY: both descriptors were just opened and are owned here alone.
        let (master, slave) =
            unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut c = bulksheet();
        c.arg("check").arg(&path);
        for k in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE"] {
            c.env_remove(k);
        }
        c.env("TERM", "xterm-256color")
            .env("LC_ALL", "C")
            .envs(vars.iter().copied())
            .stdout(slave)
            .stderr(std::process::Stdio::null());
        let mut child = c.spawn().unwrap();
        // The parent's copy of the terminal's end goes with `c`, so reading ends with
        // the child.
        drop(c);
        let mut out = Vec::new();
        let mut master = std::fs::File::from(master);
        // Linux reports the other end closed as EIO, not as the end of the file.
        let _ = master.read_to_end(&mut out);
        child.wait().unwrap();
        let text = String::from_utf8_lossy(&out).into_owned();
        assert!(text.contains("error"), "{text}");
        text.contains('\x1b')
    };
    assert!(on_terminal(&[]));
    assert!(on_terminal(&[("CLICOLOR", "1")]));
    assert!(!on_terminal(&[("NO_COLOR", "1")]));
    assert!(!on_terminal(&[("CLICOLOR", "0")]));
    assert!(!on_terminal(&[("TERM", "dumb")]));
}
