/*!
Text as the tool compares and names it, shared by every command:

- [`fold`]: the one normalisation of names and duty texts (NFKC, case,
  punctuation, Traditional → Simplified);
- [`suggest`]: "did you mean …" for misspelt ids, keys and names;
- [`name`]: an enum's one spelling — its serde name — for `Display`.

Escaping text for an output (terminal, HTML, Markdown …) is the renderer
layer's, in `render::escape`.
*/

pub mod fold;
pub mod fullwidth;
pub mod name;
pub mod suggest;

pub use fold::fold;
