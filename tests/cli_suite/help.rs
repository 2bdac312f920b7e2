//! `--help` lists the subcommands, their flags, examples and the exit codes.

use crate::common::*;

#[test]
fn help_lists_the_commands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_bulksheet(dir.path(), &["--help"]);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for word in ["check", "export", "Exit codes"] {
        assert!(help.contains(word), "{word}: {help}");
    }
    let o = run_bulksheet(dir.path(), &["check", "--help"]);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for flag in ["--schema", "--encoding", "--subscriptions", "--format"] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    let o = run_bulksheet(dir.path(), &["export", "--help"]);
    for flag in ["--output", "--encoding", "--split"] {
        assert!(stdout(&o).contains(flag), "{flag}");
    }
}

#[test]
fn help_lists_the_subcommands() {
    let d = tempfile::tempdir().unwrap();
    let r = run(d.path(), &["--help"]);
    assert_eq!(r.code, 0);
    for word in ["check", "export", "fix"] {
        assert!(
            r.stdout.lines().any(|l| l.trim_start().starts_with(word)),
            "{word} missing from:\n{}",
            r.stdout
        );
    }
    assert_eq!(run(d.path(), &["check", "--help"]).code, 0);
}

#[test]
fn help_has_examples_and_exit_codes() {
    let out = bulksheet().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("bulksheet check users.csv"), "{text}");
    assert!(
        text.contains("bulksheet export users.csv -o clean.csv"),
        "{text}"
    );
    assert!(text.contains("Exit codes"), "{text}");
    assert!(!text.contains('\x1b'), "escape codes in piped help");
}
