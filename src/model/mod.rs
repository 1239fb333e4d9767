/*!
The organisation model, shared by every command:

- [`role`]: what one `roles/<id>.yaml` holds, with source positions;
- [`load`]: reading role files (directories, single files, git blobs);
- [`catalogue`]: the order of the role catalogue (the reporting tree);
- [`org`]: the loaded roles and the lookups rules and commands share;
- [`names`]: the one resolver from a name in an export or record (a role,
  a KPI, a competency) to what it means, in tiers, ambiguity reported.
*/

pub mod catalogue;
pub mod load;
pub mod names;
pub mod org;
pub mod role;

pub use org::{Held, Org, OrgIndex};
pub use role::*;
