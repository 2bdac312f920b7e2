//! Whether the command line colours what it prints: `--color`, then the variables of
//! the NO_COLOR and CLICOLOR conventions, then whether the stream is a terminal.

use clap::ValueEnum;
use std::ffi::OsString;
use std::io::IsTerminal;

/// `--color`: when to colour the report (values without help, as for `--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorWhen {
    /// As the environment and the stream say.
    #[default]
    #[value(help = None::<&str>)]
    Auto,
    /// Always, even into a pipe or a file.
    #[value(help = None::<&str>)]
    Always,
    /// Never.
    #[value(help = None::<&str>)]
    Never,
}

/// The colour variables as the process has them (`None`: not set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR`: set and not empty turns colour off.
    pub no_color: Option<OsString>,
    /// `CLICOLOR_FORCE`: set, not empty and not `0` turns colour on, even into a pipe.
    pub clicolor_force: Option<OsString>,
    /// `CLICOLOR`: `0` turns colour off on a terminal too.
    pub clicolor: Option<OsString>,
    /// `TERM` is not `dumb` (and, outside Windows, is set).
    pub term_has_color: bool,
}

impl ColorEnv {
    /// The variables of this process.
    pub fn from_process() -> ColorEnv {
        ColorEnv {
            no_color: std::env::var_os("NO_COLOR"),
            clicolor_force: std::env::var_os("CLICOLOR_FORCE"),
            clicolor: std::env::var_os("CLICOLOR"),
            term_has_color: anstyle_query::term_supports_color(),
        }
    }
}

/// Whether to colour a stream. `--color always|never` decides alone; under `auto`,
/// NO_COLOR turns colour off (it wins over CLICOLOR_FORCE, as both conventions say), then
/// CLICOLOR_FORCE turns it on, then CLICOLOR=0 turns it off, and otherwise a terminal
/// whose TERM is not `dumb` gets colour and a pipe or a file does not.
pub fn wants_color(when: ColorWhen, env: &ColorEnv, is_terminal: bool) -> bool {
    let on = |v: &Option<OsString>| v.as_ref().is_some_and(|v| !v.is_empty());
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto if on(&env.no_color) => false,
        ColorWhen::Auto
            if on(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0".as_ref()) =>
        {
            true
        }
        ColorWhen::Auto if env.clicolor.as_deref() == Some("0".as_ref()) => false,
        ColorWhen::Auto => is_terminal && env.term_has_color,
    }
}

/// Whether to colour standard output.
pub fn for_stdout(when: ColorWhen) -> bool {
    wants_color(
        when,
        &ColorEnv::from_process(),
        std::io::stdout().is_terminal(),
    )
}

/// Whether to colour standard error.
pub fn for_stderr(when: ColorWhen) -> bool {
    wants_color(
        when,
        &ColorEnv::from_process(),
        std::io::stderr().is_terminal(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(no: Option<&str>, force: Option<&str>, cli: Option<&str>) -> ColorEnv {
        ColorEnv {
            no_color: no.map(Into::into),
            clicolor_force: force.map(Into::into),
            clicolor: cli.map(Into::into),
            term_has_color: true,
        }
    }

    #[test]
    fn the_flag_decides_alone() {
        for e in [env(Some("1"), None, None), env(None, Some("1"), Some("0"))] {
            for tty in [false, true] {
                assert!(wants_color(ColorWhen::Always, &e, tty));
                assert!(!wants_color(ColorWhen::Never, &e, tty));
            }
        }
    }

    #[test]
    fn auto_follows_the_variables_then_the_terminal() {
        let auto = |e: ColorEnv, tty| wants_color(ColorWhen::Auto, &e, tty);
        assert!(auto(env(None, None, None), true));
        assert!(!auto(env(None, None, None), false));
        // NO_COLOR wins over CLICOLOR_FORCE; an empty one is unset.
        assert!(!auto(env(Some("1"), Some("1"), None), true));
        assert!(auto(env(Some(""), None, None), true));
        // CLICOLOR_FORCE colours a pipe, over CLICOLOR=0; `0` or empty forces nothing.
        assert!(auto(env(None, Some("1"), Some("0")), false));
        assert!(!auto(env(None, Some("0"), None), false));
        assert!(!auto(env(None, Some(""), None), false));
        // CLICOLOR=0 turns a terminal's colour off; CLICOLOR=1 does not colour a pipe.
        assert!(!auto(env(None, None, Some("0")), true));
        assert!(auto(env(None, None, Some("1")), true));
        assert!(!auto(env(None, None, Some("1")), false));
        // A dumb terminal gets none.
        let dumb = ColorEnv {
            term_has_color: false,
            ..env(None, None, None)
        };
        assert!(!auto(dumb, true));
    }
}
