//! The built binary run on files, and its JSON report read with its keys in order.

use super::{csv, plain_row, with};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::path::Path;
use std::process::{Command, Output};

/// The built `bulksheet`, as a script would start it.
pub fn bulksheet() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulksheet"))
}

/// Runs the built `bulksheet` in `dir` with English messages and no colour.
pub fn run_bulksheet(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = bulksheet();
    cmd.args(args);
    output_in_english(cmd, dir)
}

/// Runs `cmd` in `dir` with English messages and no colour.
pub fn output_in_english(mut cmd: Command, dir: &Path) -> Output {
    cmd.current_dir(dir)
        .env("LC_ALL", "C")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// What a run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary in `dir` with English messages and no colour.
pub fn run(dir: &Path, args: &[&str]) -> Run {
    Run::from(run_bulksheet(dir, args))
}

impl From<Output> for Run {
    fn from(out: Output) -> Self {
        Run {
            code: out.status.code().expect("exited, not killed"),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// The report as JSON values (keys sorted).
pub fn json(r: &Run) -> serde_json::Value {
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout))
}

/// The exit code of a run that did not panic.
pub fn code(o: &Output) -> i32 {
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    o.status.code().expect("exited normally")
}

/// A temp folder holding `users.csv` with the given bytes.
pub fn folder(bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("users.csv"), bytes).unwrap();
    dir
}

/// What the run printed on stdout, as UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// JSON with object keys in the order they were written.
#[derive(Debug, Clone, PartialEq)]
pub enum J {
    Obj(Vec<(String, J)>),
    Arr(Vec<J>),
    Null,
    Num(i64),
    Str(String),
    Other,
}

impl J {
    /// The keys of an object, in order.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            J::Obj(kv) => kv.iter().map(|(k, _)| k.as_str()).collect(),
            _ => panic!("not an object: {self:?}"),
        }
    }

    /// The value of an object's key.
    pub fn get(&self, key: &str) -> &J {
        match self {
            J::Obj(kv) => &kv.iter().find(|(k, _)| k == key).unwrap().1,
            _ => panic!("not an object: {self:?}"),
        }
    }

    /// The items of an array.
    pub fn items(&self) -> &[J] {
        match self {
            J::Arr(v) => v,
            _ => panic!("not an array: {self:?}"),
        }
    }

    /// The text of a string.
    pub fn str(&self) -> &str {
        match self {
            J::Str(s) => s,
            _ => panic!("not a string: {self:?}"),
        }
    }
}

struct JVisitor;

impl<'de> Visitor<'de> for JVisitor {
    type Value = J;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<J, A::Error> {
        let mut kv = Vec::new();
        while let Some((k, v)) = m.next_entry::<String, J>()? {
            kv.push((k, v));
        }
        Ok(J::Obj(kv))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<J, A::Error> {
        let mut v = Vec::new();
        while let Some(x) = s.next_element::<J>()? {
            v.push(x);
        }
        Ok(J::Arr(v))
    }
    fn visit_unit<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<J, E> {
        Ok(J::Num(n as i64))
    }
    fn visit_i64<E>(self, n: i64) -> Result<J, E> {
        Ok(J::Num(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<J, E> {
        Ok(J::Str(s.to_string()))
    }
    fn visit_bool<E>(self, _: bool) -> Result<J, E> {
        Ok(J::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<J, E> {
        Ok(J::Other)
    }
}

impl<'de> Deserialize<'de> for J {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<J, D::Error> {
        d.deserialize_any(JVisitor)
    }
}

/// The report as JSON with its object keys in the order written.
pub fn ordered_json(o: &Output) -> J {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// The keys of every JSON object, in the order written, with the object's nesting depth
/// (1 = top level; an array is a level too), children before their parent.
pub fn key_orders(json: &J) -> Vec<(usize, Vec<String>)> {
    fn walk(j: &J, depth: usize, out: &mut Vec<(usize, Vec<String>)>) {
        match j {
            J::Obj(kv) => {
                for (_, v) in kv {
                    walk(v, depth + 1, out);
                }
                out.push((depth, kv.iter().map(|(k, _)| k.clone()).collect()));
            }
            J::Arr(items) => {
                for x in items {
                    walk(x, depth + 1, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(json, 1, &mut out);
    out
}

/// A file with an error, a warning and a ragged row, in rows 2 to 4.
pub fn some_problems() -> String {
    // Row 2: a label for a code (error); row 3: outer spaces (warning); row 4: one field
    // too many (error).
    let mut long = plain_row(4);
    long.push("extra".into());
    csv(&[
        plain_row(1),
        with(plain_row(2), "Locale", "English"),
        with(plain_row(3), "User name", "Taro "),
        long,
    ])
}
