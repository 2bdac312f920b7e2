//! The header's own checks: columns missing, repeated or unknown to the schema, a BOM
//! inside a name, broken bytes or quotes in it, a file that is not comma-separated, and
//! the layout findings of `layout.rs` (leftover columns, column order).

use super::cell_rules::read_problem_finding;
use super::layout_message::LayoutMsg;
use super::{Code, FileFinding, Finding, Msg, Validator};
use crate::document::Document;
use crate::io::Separator;
use crate::schema::HeaderProblem;
use crate::text::{is_blank, shorten};

impl Validator {
    pub(super) fn check_header(&mut self, doc: &Document) {
        self.kept_width = doc.width();
        // A file with no header line is one `empty` error, not also every column missing.
        if doc.empty_file {
            return;
        }
        let trailing_from = super::layout::trailing_columns_from(doc);
        let schema = &self.rules.schema;
        let problems = self
            .rules
            .binding
            .problems(schema, &doc.header, &self.rules.subscriptions);
        let mut found = Vec::new();
        for p in problems {
            found.push(match p {
                HeaderProblem::Missing(si) => {
                    let Some(c) = schema.columns.get(si) else {
                        continue;
                    };
                    let needed_by = (!c.subscriptions.is_empty())
                        .then(|| self.subscription_labels(&c.subscriptions));
                    FileFinding {
                        col: None,
                        column: Some(c.name.clone()),
                        finding: Finding::new(
                            Code::HeaderMissing,
                            Msg::HeaderMissing {
                                col: c.name.clone(),
                                needed_by,
                            },
                        ),
                    }
                }
                HeaderProblem::Duplicate(fi) => {
                    let h = doc.header.get(fi).map_or("", |h| h.trim()).to_string();
                    FileFinding {
                        col: Some(fi),
                        column: Some(self.column_name(doc, fi)),
                        finding: Finding::new(
                            Code::HeaderDuplicate,
                            Msg::HeaderDuplicate {
                                header: h,
                                position: fi + 1,
                            },
                        ),
                    }
                }
                HeaderProblem::Unknown(fi) => {
                    let h = doc.header.get(fi).map_or("", |h| h.trim()).to_string();
                    // Leftover columns at the right end are one warning, below.
                    if h.is_empty() && fi >= trailing_from && trailing_from > 0 {
                        continue;
                    }
                    let text = if h.is_empty() && super::layout::column_has_values(doc, fi) {
                        Msg::Layout(LayoutMsg::HeaderlessValues { col: fi })
                    } else if h.is_empty() {
                        Msg::HeaderEmpty { position: fi + 1 }
                    } else {
                        Msg::HeaderUnknown {
                            header: h.clone(),
                            schema: schema.name.clone(),
                        }
                    };
                    FileFinding {
                        col: Some(fi),
                        column: Some(h),
                        finding: Finding::new(Code::HeaderUnknown, text),
                    }
                }
            });
        }
        for (fi, h) in doc.header.iter().enumerate() {
            if h.contains('\u{feff}') {
                found.push(FileFinding {
                    col: Some(fi),
                    column: Some(self.column_name(doc, fi)),
                    finding: Finding::new(Code::Bom, Msg::HeaderBom { position: fi + 1 }),
                });
            }
        }
        found.extend(header_read_findings(doc));
        found.extend(header_shape_finding(doc, self.rules.schema.separator));
        found.extend(self.trailing_columns_finding(doc, trailing_from));
        found.extend(self.column_order_finding());
        for f in found {
            self.push_file(f);
        }
    }

    fn subscription_labels(&self, ids: &[String]) -> String {
        let labels: Vec<&str> = ids
            .iter()
            .map(|id| {
                self.rules
                    .schema
                    .subscriptions
                    .iter()
                    .find(|s| &s.id == id)
                    .map_or(id.as_str(), |s| s.label.as_str())
            })
            .collect();
        labels.join(" or ")
    }
}

/// Broken bytes or quotes in the header: its names are wrong, so every column they name is.
fn header_read_findings(doc: &Document) -> Vec<FileFinding> {
    (0..doc.width())
        .filter_map(|col| {
            let p = doc.header_read_problem(col)?;
            let name = doc.header.get(col).map_or("", String::as_str);
            let mut finding = read_problem_finding(p, name, doc.meta.encoding);
            finding.msg = Msg::InHeader {
                position: col + 1,
                inner: Box::new(finding.msg),
            };
            Some(FileFinding {
                col: Some(col),
                column: Some(name.to_string()),
                finding,
            })
        })
        .collect()
}

/// A separator as a message names it (`tabs`).
fn separator_words(s: Separator) -> &'static str {
    match s {
        Separator::Comma => "commas",
        Separator::Tab => "tabs",
        Separator::Semicolon => "semicolons",
    }
}

/// A header that names no columns at all: every name blank; a file read with another
/// separator than the template's console takes (commas unless it says otherwise); or one
/// name holding semicolons or tabs (a separator inside quotes, which reading did not take).
fn header_shape_finding(doc: &Document, wanted: Separator) -> Option<FileFinding> {
    if doc.empty_file {
        return None;
    }
    if doc.header.iter().all(|h| is_blank(h)) {
        return Some(FileFinding {
            col: Some(0),
            column: None,
            finding: Finding::new(Code::HeaderUnknown, Msg::BlankHeader),
        });
    }
    if doc.meta.separator != wanted {
        let found = separator_words(doc.meta.separator);
        let msg = match wanted {
            Separator::Comma => Msg::NotCommaSeparated { found },
            _ => Msg::NotTemplateSeparator {
                found,
                wanted: separator_words(wanted),
            },
        };
        return Some(FileFinding {
            col: Some(0),
            column: None,
            finding: Finding::new(Code::Separator, msg),
        });
    }
    if wanted != Separator::Comma {
        return None;
    }
    let [only] = doc.header.as_slice() else {
        return None;
    };
    let (_, found) = [(';', "semicolons"), ('\t', "tabs")]
        .into_iter()
        .find(|(c, _)| only.contains(*c))?;
    Some(FileFinding {
        col: Some(0),
        column: Some(shorten(only, 40)),
        finding: Finding::new(Code::Separator, Msg::Separator { found }),
    })
}
