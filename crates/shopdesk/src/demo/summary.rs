//! What the demo prints when it is built.

use std::collections::BTreeMap;
use std::time::Instant;

use domain::orders::Stage;

use super::DAYS;
use super::people::owner;

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

pub(super) async fn summary(shop: &app::Shop, started: Instant) -> anyhow::Result<String> {
    let settings = shop.settings().await?;
    let products = shop.products("", 10_000, 0).await?;
    let variants: usize = products.iter().map(|p| p.variants.len()).sum();
    let locations = shop.locations().await?;
    let customers = shop.customers(&owner(), "", 100_000, 0).await?;
    let orders = shop
        .orders(&app::access::Actor::system(), "", "", 100_000, 0)
        .await?;
    let mut stages = Vec::new();
    for stage in Stage::ALL {
        let count = orders.iter().filter(|o| o.stage == stage.as_str()).count();
        if count > 0 {
            stages.push(format!("{stage} {count}"));
        }
    }
    let mut holds: BTreeMap<&str, usize> = BTreeMap::new();
    for hold in orders.iter().flat_map(|o| &o.holds) {
        *holds.entry(hold.as_str()).or_default() += 1;
    }
    let holds: Vec<String> = holds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let mut tasks: BTreeMap<String, usize> = BTreeMap::new();
    for task in shop.tasks(&owner(), false, "").await? {
        *tasks.entry(task.kind).or_default() += 1;
    }
    let tasks: Vec<String> = tasks.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let returning = customers.iter().filter(|c| c.orders > 1).count();
    Ok(format!(
        "Demo shop \"{}\" built in {:.1} s: {} products ({variants} variants) at {} locations, \
         {} customers ({returning} with more than one order), {} orders over the last {DAYS} days.\n\
         Orders by stage: {}.\n\
         On hold: {}.\n\
         Open tasks: {}.",
        settings.name,
        started.elapsed().as_secs_f64(),
        products.len(),
        locations.len(),
        customers.len(),
        orders.len(),
        stages.join(", "),
        list_or_none(&holds),
        list_or_none(&tasks),
    ))
}
