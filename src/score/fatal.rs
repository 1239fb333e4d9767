/*!
A problem that stops a `score` run (exit 2): an export that cannot be read
at all. Its message names the file and, where there is one, the line.
*/

use std::fmt;

#[derive(Debug)]
pub struct Fatal(pub String);

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Fatal {}

/// An I/O error while reading `name`, with the line when it is a decoding one.
pub fn io(name: &str, e: std::io::Error) -> Fatal {
    Fatal(crate::tabular::records::io_error(name, e).to_string())
}

/// A CSV error while reading `name`.
pub fn csv(name: &str, e: csv::Error) -> Fatal {
    Fatal(crate::tabular::records::csv_error(name, e).to_string())
}
