/*!
The page shell of every HTML output: `<!DOCTYPE html>`, `lang`, UTF-8, a
font stack that renders Chinese on Windows, macOS and Linux, and a print
stylesheet for A4 — each major section on a new page (never a blank first
page), table rows and charts never split, table headers repeated.
*/

use std::io::{self, Write};

use crate::render::escape::html;
use crate::render::lang::Lang;

/// Fonts that carry Chinese on each platform, Traditional first.
pub const FONT_STACK: &str = "\"PingFang TC\", \"PingFang SC\", \"Hiragino Sans\", \"Microsoft JhengHei\", \
\"Microsoft YaHei\", \"Noto Sans CJK TC\", \"Noto Sans CJK SC\", \"Source Han Sans TC\", \"WenQuanYi Micro Hei\", \
system-ui, -apple-system, \"Segoe UI\", Arial, sans-serif";

/// The styles every page shares.
pub fn base_css() -> String {
    format!(
        r#"*{{box-sizing:border-box}}
body{{font-family:{FONT_STACK};color:#1f2328;margin:0 auto;max-width:1100px;padding:24px;line-height:1.5;font-size:14px}}
h1{{font-size:1.7em;margin:.2em 0 .6em}} h2{{font-size:1.35em;border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}}
h3{{font-size:1.1em;margin:1.2em 0 .4em}}
table{{border-collapse:collapse;margin:.5em 0 1em;font-size:.95em}}
th,td{{border:1px solid #d0d7de;padding:.3em .6em;vertical-align:top}}
th{{background:#f3f5f7;text-align:left}}
td.n,th.n{{text-align:right;font-variant-numeric:tabular-nums}}
.muted{{color:#656d76}} .small{{font-size:.85em}}
figure{{margin:.6em 0 1.2em}} figcaption{{font-size:.9em;color:#656d76}}
svg text{{font-family:{FONT_STACK}}}
nav.toc ol{{columns:2;margin:.3em 0}}
.summary{{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:.8em 0 1.2em}}
.summary div{{border:1px solid #d0d7de;border-radius:6px;padding:.5em .7em;background:#f6f8fa}}
.summary b{{display:block;font-size:1.5em}}
@media print{{
  @page{{size:A4;margin:14mm 12mm}}
  body{{max-width:none;padding:0;font-size:10.5pt}}
  section.major{{break-before:page}}
  section.major:first-of-type{{break-before:auto}}
  tr,figure,svg,.card{{break-inside:avoid}}
  thead{{display:table-header-group}}
  h2,h3{{break-after:avoid}}
  nav.toc{{break-after:avoid}}
}}
"#
    )
}

/// Opens a page: everything up to and including `<body>`.
pub fn begin(out: &mut dyn Write, lang: Lang, title: &str, extra_css: &str) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}{}\n</style>\n</head>\n<body>\n",
        lang.html(),
        html(title),
        base_css(),
        extra_css
    )
}

/// Closes a page.
pub fn end(out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_self_contained_and_escaped() {
        let mut out = Vec::new();
        begin(&mut out, Lang::Zh, "<b>運營</b>", "").unwrap();
        end(&mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("<html lang=\"zh-Hant\">"));
        assert!(s.contains("<title>&lt;b&gt;運營&lt;/b&gt;</title>"));
        assert!(!s.contains("<script") && !s.contains("http://") && !s.contains("https://") && !s.contains("url("));
        assert!(s.contains("@page{size:A4"));
    }
}
