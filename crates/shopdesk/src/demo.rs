//! A believable demo shop.

pub async fn build(_store: &store::Store) -> anyhow::Result<String> {
    Ok(String::from("Demo shop ready."))
}
