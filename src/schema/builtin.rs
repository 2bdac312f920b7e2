//! The schemas that ship inside the program. The MiiTel template is read from the same
//! TOML file users can copy, so there is one source of truth.

use super::{LoadError, Schema};
use std::path::Path;

/// The MiiTel "Update multiple users" template.
pub const MIITEL_UPDATE_USERS: &str = "miitel-update-users";
/// Any CSV: every header taken as it is, all text, no rules.
pub const GENERIC: &str = "generic";

const MIITEL_TOML: &str = include_str!("../../assets/schemas/miitel-update-users.toml");
const GWS_TOML: &str = include_str!("../../assets/schemas/google-workspace-users.toml");

/// The names of the built-in schemas, in menu order.
pub fn builtin_names() -> &'static [&'static str] {
    &[MIITEL_UPDATE_USERS, "google-workspace-users", GENERIC]
}

/// A built-in schema by name. The TOML is parsed once per run: `detect` asks for every
/// built-in on each file opened.
pub fn builtin(name: &str) -> Option<Schema> {
    static PARSED: std::sync::OnceLock<[Option<Schema>; 2]> = std::sync::OnceLock::new();
    let [miitel, gws] =
        PARSED.get_or_init(|| [parse_builtin(MIITEL_TOML), parse_builtin(GWS_TOML)]);
    match name {
        MIITEL_UPDATE_USERS => miitel.clone(),
        "google-workspace-users" => gws.clone(),
        _ => unparsed_builtin(name),
    }
}

/// The built-in files are tested; a parse failure here is a build defect.
fn parse_builtin(text: &str) -> Option<Schema> {
    Schema::from_toml(text).ok()
}

fn unparsed_builtin(name: &str) -> Option<Schema> {
    match name {
        GENERIC => Some(Schema {
            title_ja: Some("任意のCSV（ルールなし）".into()),
            ..Schema::empty(GENERIC, "Any CSV (no rules)")
        }),
        _ => None,
    }
}

/// `--schema NAME|PATH`: a built-in name, else a TOML file.
pub fn load_schema(name_or_path: &str) -> Result<Schema, LoadError> {
    if let Some(s) = builtin(name_or_path) {
        return Ok(s);
    }
    let path = Path::new(name_or_path);
    if !path.exists() {
        return Err(LoadError::NotFound {
            name: name_or_path.to_string(),
            builtins: builtin_names().to_vec(),
        });
    }
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Unreadable {
        path: path.to_path_buf(),
        source,
    })?;
    Schema::from_toml(&text).map_err(|source| LoadError::Invalid {
        path: path.to_path_buf(),
        source,
    })
}

/// The built-in schema whose columns the header matches best; generic when none matches
/// at least half of its columns, so any CSV still opens.
pub fn detect(header: &[String]) -> Schema {
    let mut best: Option<(f64, Schema)> = None;
    for name in builtin_names() {
        let Some(schema) = builtin(name) else {
            continue;
        };
        let score = super::Binding::score(&schema, header);
        if score >= 0.5 && best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, schema));
        }
    }
    match best {
        Some((_, s)) => s,
        None => builtin(GENERIC).unwrap_or_else(|| Schema::empty(GENERIC, "")),
    }
}
