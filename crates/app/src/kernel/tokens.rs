//! Secrets the shop hands out: links, codes and coupon codes, from the system's randomness.

use crate::Result;

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| store::Error::Corrupt(format!("no randomness: {e}")))?;
    Ok(bytes)
}

/// 144 random bits in hex: the secret of a link that opens something without a login.
pub(crate) fn secret_token() -> Result<String> {
    Ok(hex::encode(random_bytes::<18>()?))
}

/// A code of `digits` decimal digits, such as a pickup or return code.
pub(crate) fn random_code(digits: u32) -> Result<String> {
    let n = u64::from_le_bytes(random_bytes::<8>()?) % 10u64.pow(digits);
    Ok(format!("{n:0width$}", width = digits as usize))
}

/// The secret part of a coupon's code: ten letters and digits that cannot be mistaken for one
/// another, about 50 bits, so a code cannot be guessed from its neighbours.
pub(crate) fn coupon_secret() -> Result<String> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    Ok(random_bytes::<10>()?
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}
