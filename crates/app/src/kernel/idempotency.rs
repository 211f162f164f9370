//! `Idempotency-Key`: a retry of a creation answers with what the first request made, and the
//! same key with another body is refused. Each creation stores the key with a hash of its
//! request under a unique index.

use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// Refuses a key no client would send: empty or longer than 200 characters.
pub(crate) fn check_key(key: &str) -> Result<()> {
    if key.is_empty() || key.len() > 200 {
        return Err(Error::field(
            "Idempotency-Key",
            "idempotency_key_invalid",
            "a key is 1 to 200 characters",
        ));
    }
    Ok(())
}

/// The hash stored beside the key, to tell a retry from another request with the same key.
pub(crate) fn request_hash(input: &impl serde::Serialize) -> String {
    let body = serde_json::to_vec(input).unwrap_or_default();
    hex::encode(Sha256::digest(&body))
}
