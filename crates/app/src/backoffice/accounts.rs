//! The people of the back office: users with a role, passwords hashed with argon2, sessions
//! behind a cookie with their own CSRF token, and failed logins counted in the database, so that
//! every instance refuses the same attempts. An address that fails on an account is locked out
//! of that account, and one that fails on many accounts out of all; an account failing from
//! many addresses is slowed down, never locked, so no one can lock the owner out of their shop.

use std::fmt;
use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::access::{Permission, Role};
use domain::contact::Email;
use jiff::{SignedDuration, Timestamp};

use crate::access::{Actor, hash};
use crate::kernel::error::FieldResult;
use crate::kernel::tokens::secret_token;
use crate::kernel::views::timestamp;
use crate::{Error, Result, Shop};

/// Failed logins are counted over this window.
const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// Failures within the window that lock an address out of one account.
const PER_ACCOUNT_AND_ADDRESS: i64 = 5;
/// Failures within the window that lock an address, whatever accounts it tries.
const PER_ADDRESS: i64 = 20;
/// Failures of an account within the window, from any addresses, after which its password is
/// checked at most once every [`SLOW_STEP`].
const SLOW_AFTER: i64 = 10;
const SLOW_STEP: SignedDuration = SignedDuration::from_secs(5);
/// How long a login lasts.
const SESSION: SignedDuration = SignedDuration::from_hours(7 * 24);

/// A user as the owner manages them.
#[derive(Debug, Clone)]
pub struct UserView {
    pub id: i64,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub locale: Option<String>,
    pub disabled: bool,
    pub created_at: Timestamp,
    /// Failed logins within the last quarter of an hour; the owner may clear them.
    pub failed_logins: i64,
}

/// A user to create, as typed by the owner or on the command line.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: String,
}

/// A user with a password just made for them: shown once, never stored.
#[derive(Debug, Clone)]
pub struct NewLogin {
    pub user: UserView,
    pub password: String,
}

/// What a login attempt came to.
#[derive(Debug, Clone)]
pub enum Login {
    /// The cookie's value and when it ends.
    In {
        token: String,
        expires_at: Timestamp,
    },
    /// The email or the password is wrong, or the account is disabled; which is not said.
    Refused,
    /// Too many failures from this account or address; try again at this time.
    Locked { until: Timestamp },
}

/// Someone logged in, as the pages see them.
#[derive(Debug, Clone)]
pub struct Staff {
    pub user_id: i64,
    pub email: String,
    pub name: String,
    /// Who the use cases see; the timeline records `user:<email>`.
    pub actor: Actor,
    pub locale: Option<String>,
    /// Every form of this session carries it.
    pub csrf_token: String,
    /// A notice from the previous request, shown once.
    pub flash: Option<String>,
}

impl Staff {
    pub fn may(&self, permission: Permission) -> bool {
        self.actor.role.may(permission)
    }
}

/// An API token as the owner sees it.
#[derive(Debug, Clone)]
pub struct TokenView {
    pub name: String,
    pub role: String,
    pub created_at: Timestamp,
    pub revoked: bool,
    /// The email of the person the token acts as, with their role.
    pub acts_as: Option<String>,
}

/// One login per role for a demo shop.
pub struct StaffLogins(Vec<NewLogin>);

impl StaffLogins {
    /// The logins as a newcomer reads them: where the back office is, then a line per role.
    pub fn at(&self, admin_url: &str) -> String {
        let mut text = format!("Back office: {admin_url}, one login per role (email, password):\n");
        for login in &self.0 {
            text.push_str(&format!(
                "  {:<8} {:<24} {}\n",
                login.user.role.as_str(),
                login.user.email,
                login.password
            ));
        }
        text
    }

    fn login(&self, role: Role) -> Option<&NewLogin> {
        self.0.iter().find(|login| login.user.role == role)
    }

    /// The demo user with this role.
    pub fn user(&self, role: Role) -> Option<i64> {
        self.login(role).map(|login| login.user.id)
    }

    /// Who the login of this role acts as, as its sessions do.
    pub fn actor(&self, role: Role) -> Option<Actor> {
        self.login(role).map(|login| Actor {
            role,
            name: actor_name(&login.user.email),
        })
    }
}

/// A token for a form shown before anyone logs in (the login form's double-submit cookie).
pub fn form_token() -> Result<String> {
    secret_token()
}

fn actor_name(email: &str) -> String {
    format!("{}{email}", crate::access::USER_PREFIX)
}

fn user_view(row: store::backoffice::accounts::UserRow) -> Result<UserView> {
    Ok(UserView {
        failed_logins: 0,
        role: Role::parse(&row.role).map_err(|e| store::Error::Corrupt(e.to_string()))?,
        created_at: timestamp(row.created_at)?,
        disabled: row.disabled_at.is_some(),
        id: row.id,
        email: row.email,
        name: row.name,
        locale: row.locale,
    })
}

fn randomness_failed(e: impl fmt::Display) -> Error {
    store::Error::Corrupt(format!("no randomness: {e}")).into()
}

/// A password to give a person: 16 letters and digits that cannot be mistaken for each other,
/// in groups of four (about 79 bits).
fn new_password() -> Result<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut chars = Vec::with_capacity(16);
    while chars.len() < 16 {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(randomness_failed)?;
        // Only bytes below a multiple of the alphabet's size, so every character is as likely.
        let fair = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
        chars.extend(
            bytes
                .iter()
                .filter(|b| **b < fair)
                .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char),
        );
    }
    let chars: Vec<char> = chars.into_iter().take(16).collect();
    Ok(chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// Argon2id with its default cost, off the async threads.
async fn hash_password(password: String) -> Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(randomness_failed)?;
    let salt = SaltString::encode_b64(&salt).map_err(randomness_failed)?;
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| store::Error::Corrupt(format!("hashing stopped: {e}")))?
    .map_err(|e| store::Error::Corrupt(format!("hashing failed: {e}")).into())
}

/// Checks a password against a stored hash. Without a user, it checks against a hash of nothing
/// in particular, so the time taken does not tell whether the email exists.
async fn verify_password(password: String, stored: Option<String>) -> Result<bool> {
    static DECOY: OnceLock<String> = OnceLock::new();
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let stored = stored.unwrap_or_else(|| {
            DECOY
                .get_or_init(|| {
                    let salt = SaltString::encode_b64(b"shopdesk-decoy!!").ok();
                    salt.and_then(|salt| {
                        Argon2::default()
                            .hash_password(b"decoy", &salt)
                            .ok()
                            .map(|h| h.to_string())
                    })
                    .unwrap_or_default()
                })
                .clone()
        });
        let matches = PasswordHash::new(&stored).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        known && matches
    })
    .await
    .map_err(|e| store::Error::Corrupt(format!("checking stopped: {e}")).into())
}

/// Until when an attempt is refused without looking at its password, if it is: a lock of this
/// address on this account or on all accounts, or the account's slowdown.
fn locked_until(
    failures: &store::backoffice::accounts::Failures,
    now: Timestamp,
) -> Result<Option<Timestamp>> {
    let after = |at: Option<i64>, span: SignedDuration| -> Result<Option<Timestamp>> {
        at.map(|at| {
            Ok(timestamp(at)?
                .saturating_add(span)
                .unwrap_or(Timestamp::MAX))
        })
        .transpose()
    };
    let mut until = None;
    if failures.by_pair >= PER_ACCOUNT_AND_ADDRESS {
        until = until.max(after(failures.oldest_by_pair, WINDOW)?);
    }
    if failures.by_ip >= PER_ADDRESS {
        until = until.max(after(failures.oldest_by_ip, WINDOW)?);
    }
    if failures.by_email >= SLOW_AFTER {
        until = until.max(after(failures.newest_by_email, SLOW_STEP)?.filter(|t| *t > now));
    }
    Ok(until)
}

fn parse_role(raw: &str) -> Result<Role> {
    Role::parse(raw).field("role")
}

impl Shop {
    /// Every user of the back office (owner only).
    pub async fn users(&self, actor: &Actor) -> Result<Vec<UserView>> {
        actor.require(Permission::Administer)?;
        let now = self.now();
        let since_ms = store::to_millis(now.saturating_sub(WINDOW).unwrap_or(now));
        let mut conn = self.store.read().await?;
        let failed: std::collections::HashMap<String, i64> =
            store::backoffice::accounts::failures_by_email(&mut conn, since_ms)
                .await?
                .into_iter()
                .collect();
        store::backoffice::accounts::list(&mut conn)
            .await?
            .into_iter()
            .map(|row| {
                let failed_logins = failed.get(&row.email).copied().unwrap_or(0);
                Ok(UserView {
                    failed_logins,
                    ..user_view(row)?
                })
            })
            .collect()
    }

    /// Makes a user with a new password, shown once.
    pub async fn create_user(&self, actor: &Actor, input: &NewUser) -> Result<NewLogin> {
        actor.require(Permission::Administer)?;
        let email = Email::parse(&input.email).field("email")?;
        let name = input.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            return Err(Error::field(
                "name",
                "name_invalid",
                "a name of 1 to 100 characters is required",
            ));
        }
        let role = parse_role(&input.role)?;
        let password = new_password()?;
        let password_hash = hash_password(password.clone()).await?;
        let mut tx = self.store.begin_write().await?;
        let new = store::backoffice::accounts::NewUser {
            email: email.as_ref(),
            name: &name,
            role: role.as_str(),
            password_hash: &password_hash,
        };
        let id = store::backoffice::accounts::insert(&mut tx, &new, store::to_millis(self.now()))
            .await
            .map_err(|e| match e {
                store::Error::Duplicate(_) => Error::field(
                    "email",
                    "email_taken",
                    "a user with this email already exists",
                ),
                other => other.into(),
            })?;
        let user = store::backoffice::accounts::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "user" })?;
        tx.commit().await?;
        Ok(NewLogin {
            user: user_view(user)?,
            password,
        })
    }

    /// Loads a user the owner is about to change, refusing changes to their own account that
    /// would lock them out.
    async fn other_user(
        &self,
        actor: &Actor,
        tx: &mut store::Conn,
        id: i64,
    ) -> Result<store::backoffice::accounts::UserRow> {
        actor.require(Permission::Administer)?;
        let user = store::backoffice::accounts::get(tx, id)
            .await?
            .ok_or(Error::NotFound { what: "user" })?;
        if actor.name == actor_name(&user.email) {
            return Err(Error::Conflict {
                code: "own_account",
                message: "you cannot change your own role or access; ask another owner".into(),
            });
        }
        Ok(user)
    }

    pub async fn change_role(&self, actor: &Actor, id: i64, role: &str) -> Result<UserView> {
        let role = parse_role(role)?;
        let mut tx = self.store.begin_write().await?;
        self.other_user(actor, &mut tx, id).await?;
        store::backoffice::accounts::set_role(&mut tx, id, role.as_str()).await?;
        let user = store::backoffice::accounts::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "user" })?;
        tx.commit().await?;
        user_view(user)
    }

    /// Disables a user, ending their sessions at once, or enables them again.
    pub async fn set_user_disabled(
        &self,
        actor: &Actor,
        id: i64,
        disabled: bool,
    ) -> Result<UserView> {
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        self.other_user(actor, &mut tx, id).await?;
        store::backoffice::accounts::set_disabled(&mut tx, id, disabled.then_some(now_ms)).await?;
        if disabled {
            store::backoffice::accounts::delete_sessions_of(&mut tx, id, now_ms).await?;
        }
        let user = store::backoffice::accounts::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "user" })?;
        tx.commit().await?;
        user_view(user)
    }

    /// Forgets a user's failed logins, from every address, so they may try again at once.
    pub async fn unlock_user(&self, actor: &Actor, id: i64) -> Result<UserView> {
        actor.require(Permission::Administer)?;
        let mut tx = self.store.begin_write().await?;
        let user = store::backoffice::accounts::get(&mut tx, id)
            .await?
            .ok_or(Error::NotFound { what: "user" })?;
        store::backoffice::accounts::clear_failures(&mut tx, &user.email, None).await?;
        tx.commit().await?;
        user_view(user)
    }

    /// Gives a user a new password, shown once, and ends their sessions.
    pub async fn reset_password(&self, actor: &Actor, id: i64) -> Result<NewLogin> {
        actor.require(Permission::Administer)?;
        let password = new_password()?;
        let password_hash = hash_password(password.clone()).await?;
        let now_ms = store::to_millis(self.now());
        let mut tx = self.store.begin_write().await?;
        let user = self.other_user(actor, &mut tx, id).await?;
        store::backoffice::accounts::set_password(&mut tx, id, &password_hash).await?;
        store::backoffice::accounts::delete_sessions_of(&mut tx, id, now_ms).await?;
        store::backoffice::accounts::clear_failures(&mut tx, &user.email, None).await?;
        tx.commit().await?;
        Ok(NewLogin {
            user: user_view(user)?,
            password,
        })
    }

    /// Logs in with an email and a password from an address. Each attempt counts as a failure
    /// until the password is found right, so attempts racing on several instances are all
    /// counted before any is checked.
    pub async fn log_in(&self, email: &str, password: &str, address: &str) -> Result<Login> {
        let email = email.trim().to_lowercase();
        let address: String = address.chars().take(64).collect();
        let now = self.now();
        let now_ms = store::to_millis(now);
        let since_ms = store::to_millis(now.saturating_sub(WINDOW).unwrap_or(now));
        let mut tx = self.store.begin_write().await?;
        // Attempts on this account or from this address wait for each other, so each one
        // counts the ones before it.
        tx.serialise(&[&format!("login:{email}"), &format!("login-from:{address}")])
            .await?;
        let failures =
            store::backoffice::accounts::failures(&mut tx, &email, &address, since_ms).await?;
        if let Some(until) = locked_until(&failures, now)? {
            return Ok(Login::Locked { until });
        }
        store::backoffice::accounts::add_failure(&mut tx, &email, &address, now_ms, since_ms)
            .await?;
        let user = store::backoffice::accounts::by_email(&mut tx, &email).await?;
        tx.commit().await?;
        let stored = user.as_ref().map(|u| u.password_hash.clone());
        let right = verify_password(password.to_owned(), stored).await?;
        let Some(user) = user.filter(|u| right && u.disabled_at.is_none()) else {
            return Ok(Login::Refused);
        };
        let token = secret_token()?;
        let expires_at = now.saturating_add(SESSION).unwrap_or(now);
        let mut tx = self.store.begin_write().await?;
        store::backoffice::accounts::clear_failures(&mut tx, &email, Some(&address)).await?;
        store::backoffice::accounts::insert_session(
            &mut tx,
            &hash(&token),
            user.id,
            &secret_token()?,
            now_ms,
            store::to_millis(expires_at),
        )
        .await?;
        tx.commit().await?;
        Ok(Login::In { token, expires_at })
    }

    /// The person behind a session cookie, if the session is live and the user enabled. With
    /// `take_flash`, the session's notice is handed over and forgotten.
    pub async fn staff(&self, token: &str, take_flash: bool) -> Result<Option<Staff>> {
        let token_hash = hash(token);
        let mut conn = self.store.read().await?;
        let Some(row) = store::backoffice::accounts::session(&mut conn, &token_hash).await? else {
            return Ok(None);
        };
        drop(conn);
        if row.expires_at <= store::to_millis(self.now()) || row.disabled_at.is_some() {
            return Ok(None);
        }
        let flash = match row.flash {
            Some(flash) if take_flash => {
                let mut tx = self.store.begin_write().await?;
                store::backoffice::accounts::set_flash(&mut tx, &token_hash, None).await?;
                tx.commit().await?;
                Some(flash)
            }
            _ => None,
        };
        Ok(Some(Staff {
            actor: Actor {
                role: Role::parse(&row.role).map_err(|e| store::Error::Corrupt(e.to_string()))?,
                name: actor_name(&row.email),
            },
            user_id: row.user_id,
            email: row.email,
            name: row.name,
            locale: row.locale,
            csrf_token: row.csrf_token,
            flash,
        }))
    }

    /// Leaves a notice for the session's next page.
    pub async fn set_flash(&self, token: &str, notice: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        store::backoffice::accounts::set_flash(&mut tx, &hash(token), Some(notice)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn log_out(&self, token: &str) -> Result<()> {
        let mut tx = self.store.begin_write().await?;
        store::backoffice::accounts::delete_session(&mut tx, &hash(token)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The back office's language for this person; empty to follow the browser.
    pub async fn set_own_locale(&self, staff: &Staff, locale: &str) -> Result<()> {
        let locale = locale.trim();
        if !locale.is_empty() && !crate::messaging::LOCALES.contains(&locale) {
            return Err(Error::field(
                "locale",
                "locale_invalid",
                format!(
                    "'{locale}' is not one of: {}",
                    crate::messaging::LOCALES.join(", ")
                ),
            ));
        }
        let mut tx = self.store.begin_write().await?;
        store::backoffice::accounts::set_locale(
            &mut tx,
            staff.user_id,
            (!locale.is_empty()).then_some(locale),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The API tokens, newest first (owner only); the tokens themselves are not kept.
    pub async fn api_tokens(&self, actor: &Actor) -> Result<Vec<TokenView>> {
        actor.require(Permission::Administer)?;
        let mut conn = self.store.read().await?;
        store::backoffice::accounts::tokens(&mut conn)
            .await?
            .into_iter()
            .map(|row| {
                Ok(TokenView {
                    name: row.name,
                    role: row.role,
                    created_at: timestamp(row.created_at)?,
                    revoked: row.revoked_at.is_some(),
                    acts_as: row.acts_as,
                })
            })
            .collect()
    }

    /// Makes an API token for the owner, with a role or acting as a person; it is shown once.
    pub async fn issue_token(
        &self,
        actor: &Actor,
        name: &str,
        role: &str,
        acts_as: Option<i64>,
    ) -> Result<String> {
        actor.require(Permission::Administer)?;
        match acts_as {
            Some(user_id) => self.create_user_token(actor, name, user_id).await,
            None => self.create_token(name, parse_role(role)?).await,
        }
    }

    /// One user per role for a demo shop, each with a new password.
    pub async fn demo_staff(&self) -> Result<StaffLogins> {
        let system = Actor::system();
        let mut logins = Vec::new();
        for role in [Role::Owner, Role::Manager, Role::Packer, Role::Courier] {
            let email = format!("{}@shop.example", role.as_str());
            let existing = {
                let mut conn = self.store.read().await?;
                store::backoffice::accounts::by_email(&mut conn, &email).await?
            };
            logins.push(match existing {
                Some(user) => self.reset_password(&system, user.id).await?,
                None => {
                    let name = format!("Demo {}", role.as_str());
                    let input = NewUser {
                        email,
                        name,
                        role: role.as_str().into(),
                    };
                    self.create_user(&system, &input).await?
                }
            });
        }
        Ok(StaffLogins(logins))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_long_and_unambiguous() {
        let password = new_password().expect("randomness");
        assert_eq!(password.len(), 19, "{password}");
        assert!(
            password
                .chars()
                .all(|c| c == '-' || (c.is_ascii_alphanumeric() && !"01ilo".contains(c))),
            "{password}"
        );
        assert_ne!(password, new_password().expect("randomness"));
    }

    #[tokio::test]
    async fn a_password_matches_its_hash_only() {
        let stored = hash_password("right horse".into()).await.expect("hash");
        assert!(stored.starts_with("$argon2id$"));
        let check =
            |password: &str, stored: Option<String>| verify_password(password.to_owned(), stored);
        assert!(
            check("right horse", Some(stored.clone()))
                .await
                .expect("verify")
        );
        assert!(!check("wrong horse", Some(stored)).await.expect("verify"));
        assert!(!check("decoy", None).await.expect("verify"));
    }

    #[test]
    fn an_address_is_locked_out_of_an_account_and_an_account_tried_from_everywhere_slows_down() {
        let now = Timestamp::from_millisecond(100_000).expect("now");
        let failures = |by_pair, by_ip, by_email| store::backoffice::accounts::Failures {
            by_pair,
            oldest_by_pair: Some(1_000),
            by_ip,
            oldest_by_ip: Some(2_000),
            by_email,
            newest_by_email: Some(98_000),
        };
        let until = |f| {
            locked_until(&f, now)
                .expect("times")
                .map(|t| t.as_millisecond())
        };
        assert_eq!(until(failures(4, 4, 9)), None);
        assert_eq!(
            until(failures(5, 5, 5)),
            Some(1_000 + WINDOW.as_millis() as i64)
        );
        assert_eq!(
            until(failures(1, 20, 1)),
            Some(2_000 + WINDOW.as_millis() as i64),
            "locked by address"
        );
        // Ten failures from other addresses: one check every five seconds, no lock.
        assert_eq!(until(failures(0, 0, 10)), Some(103_000));
        let later = Timestamp::from_millisecond(104_000).expect("later");
        assert_eq!(
            locked_until(&failures(0, 0, 10), later).expect("times"),
            None
        );
    }
}
