/*!
One file per subcommand: its `run`, from validated arguments to an [`Outcome`].
*/

pub mod check;
pub mod completions;
pub mod diff;
pub mod gaps;
pub mod init;
pub mod man;
pub mod report;
pub mod risk;
pub mod schema;
pub mod score;
pub mod sla;
pub mod tables;

/// How a command ended, when it ran to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the command ran and found failures.
    Failure,
}
