//! The nightly backup of a SQLite shop, as the owner sets it (`backups` in the settings): a
//! durable job that writes the night's copy, removes the oldest beyond the number kept and
//! schedules the next night. Its lease keeps it to one worker, and a run repeated after a
//! crash finds the night's copy there and writes nothing twice.

use std::path::Path;

use domain::settings::BackupPolicy;

use crate::kernel::{Context, jobs};
use crate::{Result, Shop};

impl Shop {
    /// The copy for the night of `day`. A PostgreSQL shop, or one that turned the backups off
    /// since, does nothing and schedules nothing more.
    pub(crate) async fn nightly_backup(&self, day: jiff::civil::Date) -> Result<()> {
        let settings = self.settings().await?;
        let policy = &settings.backups;
        if !policy.enabled() || self.store.backend() != store::Backend::Sqlite {
            return Ok(());
        }
        let keep = usize::try_from(policy.keep).unwrap_or(1).max(1);
        let night =
            store::backups::nightly(&self.store, Path::new(policy.folder.trim()), day, keep)
                .await?;
        tracing::info!(
            file = %night.file.display(),
            written = night.written,
            removed = night.removed.len(),
            "nightly backup"
        );
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        schedule(&mut tx, policy, &ctx).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Schedules the next night's backup when the shop asked for one: when the setting changes,
/// each day from the worker (so a backup that died once is taken up again), and after each run.
pub(crate) async fn schedule(
    tx: &mut store::Conn,
    policy: &BackupPolicy,
    ctx: &Context<'_>,
) -> Result<()> {
    if policy.enabled() {
        jobs::schedule_daily_at(tx, jobs::NIGHTLY_BACKUP, policy.at(), ctx).await?;
    }
    Ok(())
}
