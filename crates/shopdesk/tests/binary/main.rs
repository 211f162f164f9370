//! The real `shopdesk` binary, run as a shop runs it: backups and restores, and the
//! reliability drills (killed mid-load, several instances on one database).

mod backup;
mod drills;
mod support;
