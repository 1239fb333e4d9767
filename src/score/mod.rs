/*!
`opsroles score`: KPI scorecards from metric exports (SPEC 3).

- [`number`], [`period`]: cell values and periods as exports spell them;
- [`formula`]: the scoring model in decimal arithmetic;
*/

pub mod formula;
pub mod number;
pub mod period;
