//! Where the command line prints: standard output or error through anstream, which
//! strips the colour codes when colour is off and speaks to a Windows console in its own
//! terms. A reader that goes away (`bulksheet check big.csv | head -1`) ends the printing
//! quietly: the rest is dropped and the command keeps its exit code.

use super::CliError;
use anstream::stream::{AsLockedWrite, RawStream};
use anstream::{AutoStream, ColorChoice};
use std::io::{ErrorKind, Write};

/// A stream to print to, which stops at a closed pipe.
pub struct Out<W: RawStream + AsLockedWrite> {
    stream: AutoStream<W>,
    color: bool,
    closed: bool,
}

impl Out<std::io::StdoutLock<'static>> {
    /// Standard output, coloured or not.
    pub fn stdout(color: bool) -> Self {
        Out::new(std::io::stdout().lock(), color)
    }
}

impl Out<std::io::StderrLock<'static>> {
    /// Standard error, coloured or not.
    pub fn stderr(color: bool) -> Self {
        Out::new(std::io::stderr().lock(), color)
    }
}

impl<W: RawStream + AsLockedWrite> Out<W> {
    /// A stream over any writer anstream knows (a `Vec<u8>` in tests).
    pub fn new(raw: W, color: bool) -> Self {
        let choice = if color {
            ColorChoice::Always
        } else {
            ColorChoice::Never
        };
        Out {
            stream: AutoStream::new(raw, choice),
            color,
            closed: false,
        }
    }

    /// Whether what is printed keeps its colours.
    pub fn color(&self) -> bool {
        self.color
    }

    /// Whether the reader has gone away; nothing more is printed.
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// Prints text as it is. A closed pipe is not an error: it ends the printing.
    pub fn print(&mut self, text: &str) -> Result<(), CliError> {
        if self.closed {
            return Ok(());
        }
        match self
            .stream
            .write_all(text.as_bytes())
            .and_then(|()| self.stream.flush())
        {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(CliError::Print(e)),
        }
    }

    /// Prints a line.
    pub fn line(&mut self, text: &str) -> Result<(), CliError> {
        self.print(&format!("{text}\n"))
    }

    /// The writer underneath.
    pub fn into_inner(self) -> W {
        self.stream.into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_off_strips_the_codes() {
        let mut out = Out::new(Vec::new(), false);
        out.line("\x1b[1;31merror\x1b[0m: x").unwrap();
        assert_eq!(out.into_inner(), b"error: x\n");
        let mut out = Out::new(Vec::new(), true);
        out.line("\x1b[1;31merror\x1b[0m").unwrap();
        assert_eq!(out.into_inner(), b"\x1b[1;31merror\x1b[0m\n");
    }

    /// A writer that fails every write with one kind of error.
    struct Failing(ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(self.0.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_printing_and_other_failures_are_errors() {
        let raw: Box<dyn Write> = Box::new(Failing(ErrorKind::BrokenPipe));
        let mut out = Out::new(raw, false);
        assert!(out.line("a").is_ok());
        assert!(out.closed());
        assert!(out.line("b").is_ok());
        let raw: Box<dyn Write> = Box::new(Failing(ErrorKind::StorageFull));
        let mut out = Out::new(raw, false);
        assert!(matches!(out.line("a"), Err(CliError::Print(_))));
        assert!(!out.closed());
    }
}
