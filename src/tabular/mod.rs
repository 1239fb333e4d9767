/*!
Reading the tables analysts export — metric exports for `score`, risk
registers, conflict logs and assessments for `risk`, `sla` and `gaps` — the
same way for every command (SPEC 3.2, 6):

- [`input`]: files and standard input, each once; [`workbook`]: an Excel,
  WPS or LibreOffice sheet read as CSV, one line per sheet row;
- [`encoding`], [`open`]: the encodings of this field, detected and proved
  for every byte; the delimiter;
- [`headers`]: columns by header name against a command's [`headers::Schema`],
  with Chinese synonyms and the config's `columns:`;
- [`number`], [`period`], [`date`]: cells as exports spell them;
- [`rows`]: every row accounted for, with `file:line`;
- [`records`]: a whole small table in memory, for the record commands;
- [`fields`]: one record's fields read, every problem named by field;
- [`yaml_records`]: the same records written as a YAML list.

`score` keeps its own streaming reader for exports of millions of rows, on
top of the same pieces.
*/

pub mod date;
pub mod encoding;
pub mod fields;
pub mod headers;
pub mod input;
pub mod lines;
pub mod number;
pub mod open;
pub mod period;
pub mod records;
pub mod rows;
pub mod workbook;
pub mod yaml_records;

/// Reading options every command shares (`--encoding`, `--delimiter`,
/// config `columns:`).
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub delimiter: Option<u8>,
    pub columns: headers::ColumnMap,
}

/// Parses `--delimiter`.
pub fn parse_delimiter(s: &str) -> Result<u8, String> {
    Ok(match s {
        "," | "comma" => b',',
        ";" | "semicolon" => b';',
        "\t" | "tab" | "\\t" => b'\t',
        "|" | "pipe" => b'|',
        other => return Err(format!("unknown delimiter `{other}`: use `,`, `;`, `tab` or `|`")),
    })
}

/// Parses `--encoding`.
pub fn parse_encoding(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    open::encoding_for_label(s).ok_or_else(|| format!("unknown encoding `{s}` (try utf-8, gb18030, big5, utf-16le)"))
}
