//! The daily reorder task (ST-2): a manager is asked once a day to order what runs low with
//! nothing on order to lift it, and the task closes itself once nothing is left to order.

use crate::kernel::{Context, tasks};
use crate::{Result, Shop};

impl Shop {
    /// The day's look at the shelves; answers how many variants are left to order.
    pub async fn reorder_check(&self) -> Result<i64> {
        let settings = self.settings().await?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let left = review_reorder(&mut tx, &ctx).await?;
        tx.commit().await?;
        Ok(left)
    }
}

/// Opens the reorder task when variants are low with nothing on order, keeps its count up to
/// date, and closes it as done once there are none; answers how many there are.
pub(super) async fn review_reorder(tx: &mut store::Conn, ctx: &Context<'_>) -> Result<i64> {
    let left = store::catalog::ledger::to_reorder(tx, ctx.settings.low_stock_at()).await?;
    if left > 0 {
        let reason = format!("{left} SKUs are low with nothing on order");
        tasks::open_for_shop(tx, tasks::REORDER, 1, &reason, ctx).await?;
    } else {
        store::backoffice::tasks::close_for_shop(tx, tasks::REORDER, "done", ctx.now_ms()).await?;
    }
    Ok(left)
}
