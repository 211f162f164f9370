//! The real `shopdesk` binary, run as a shop runs it: the demo and the README's tour against
//! it, logs, the promise's evaluation, backups and restores, and the reliability drills
//! (killed mid-load, several instances on one database).

mod backup;
mod demo;
mod drills;
mod import;
mod logs;
mod promise_evaluate;
mod readme_tour;
mod support;
