/*!
GitHub Actions workflow commands (SPEC 2.2): one `::error` or `::warning` per
finding, annotated on the primary location, and nothing else.
*/

use super::{Input, Render};

pub struct Github;

/// GitHub's escaping of a command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// GitHub's escaping of a property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Render for Github {
    fn render(&self, input: &Input) -> String {
        let mut out = String::new();
        for d in &input.report.diagnostics {
            let mut props = Vec::new();
            if let Some(loc) = d.primary() {
                props.push(format!("file={}", escape_property(input.sources.name(loc.file))));
                props.push(format!("line={}", loc.line));
                props.push(format!("col={}", loc.column));
            }
            props.push(format!("title={}", escape_property(d.rule.id())));
            out.push_str(&format!("::{} {}::{}\n", d.severity.as_str(), props.join(","), escape_data(&d.message)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
