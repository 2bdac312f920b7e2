//! `bulksheet check`: every problem with its place, as text or JSON.

use super::{CheckArgs, EXIT_ERRORS, EXIT_OK, Format, open_sheet, report};

pub fn run(args: &CheckArgs) -> Result<i32, String> {
    let sheet = open_sheet(&args.file, args.encoding, &args.rules)?;
    let issues = sheet.issues_in(args.rules.lang());
    let name = args.file.display().to_string();
    match args.format {
        Format::Json => {
            let r = report::JsonReport::new(&name, &sheet, &issues);
            let text = serde_json::to_string_pretty(&r).map_err(|e| e.to_string())?;
            println!("{text}");
        }
        Format::Text => {
            let color = report::use_color();
            print!("{}", report::text_report(&name, &sheet, &issues, color));
        }
    }
    Ok(if sheet.errors() > 0 {
        EXIT_ERRORS
    } else {
        EXIT_OK
    })
}
