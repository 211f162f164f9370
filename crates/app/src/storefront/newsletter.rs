//! The newsletter's double opt-in (AF-10): a request, a confirmation email, and the consent
//! recorded only when its button is pressed.

use domain::contact::{Contact, Email};

use crate::customers::card_of;
use crate::kernel::Context;
use crate::kernel::error::FieldResult;
use crate::messaging::known_locale;
use crate::{Error, Result, Shop};

impl Shop {
    /// Asks for the newsletter (AF-10): an email with a link to confirm goes out, and nothing
    /// is consented until the link's owner confirms (double opt-in).
    pub async fn ask_newsletter(&self, email: &str, locale: &str) -> Result<()> {
        let email = Email::parse(email).field("email")?;
        let settings = self.settings().await?;
        let locale = known_locale(locale, &settings);
        let contact = Contact::Email(email);
        let token = crate::kernel::tokens::secret_token()?;
        let ctx = Context::new(&settings, self.now());
        let mut tx = self.store.begin_write().await?;
        let customer_id = card_of(&mut tx, &contact, locale, ctx.now_ms()).await?;
        store::storefront::insert_newsletter_request(
            &mut tx,
            &token,
            customer_id,
            contact.as_ref(),
            ctx.now_ms(),
        )
        .await?;
        let message = crate::messaging::Direct {
            customer_id,
            order_id: None,
            template: "newsletter_confirm",
            channel: contact.channel(),
            recipient: contact.as_ref().to_owned(),
            locale: locale.to_owned(),
            data: crate::messaging::with(
                crate::messaging::shop_contacts(&settings),
                serde_json::json!({
                    "confirm_url": format!("{}/newsletter/{token}", settings.public_url),
                }),
            ),
            marketing: false,
        };
        crate::messaging::queue_direct(&mut tx, message, &ctx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether the subscription behind a link is confirmed already.
    pub async fn newsletter_confirmed(&self, token: &str) -> Result<bool> {
        let mut conn = self.store.read().await?;
        store::storefront::newsletter_request(&mut conn, token)
            .await?
            .map(|(_, confirmed)| confirmed)
            .ok_or(Error::NotFound {
                what: "subscription",
            })
    }

    /// The link's owner confirms: the card records the consent, from the newsletter (AF-10).
    pub async fn confirm_newsletter(&self, token: &str) -> Result<()> {
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let (customer_id, _) = store::storefront::newsletter_request(&mut tx, token)
            .await?
            .ok_or(Error::NotFound {
                what: "subscription",
            })?;
        if store::storefront::confirm_newsletter(&mut tx, token, now_ms).await? {
            store::customers::set_consent(&mut tx, customer_id, Some(now_ms), Some("newsletter"))
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
