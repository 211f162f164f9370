//! How much of a list one answer holds, and the words a list is searched by: the same bounds
//! for every list, so a client learns them once.

use crate::{Error, Result};

/// The most items one answer holds, and how many it holds when the client does not say.
pub const MAX_LIMIT: i64 = 500;
pub const DEFAULT_LIMIT: i64 = 50;
/// The furthest a list may be skipped into; beyond it a search narrows the list better.
pub const MAX_OFFSET: i64 = 1_000_000;
/// The longest search: longer text is no one's search, and would make a LIKE pattern the
/// database refuses to run.
pub const MAX_SEARCH_CHARS: usize = 200;

/// A slice of a list, checked: `limit` items after skipping `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    pub limit: i64,
    pub offset: i64,
}

impl Paging {
    /// The paging a client asked for, refused naming `limit` or `offset` when out of range.
    pub fn parse(limit: Option<i64>, offset: Option<i64>) -> Result<Self> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(Error::field(
                "limit",
                "limit_out_of_range",
                format!("limit must be from 1 to {MAX_LIMIT}, not {limit}"),
            ));
        }
        let offset = offset.unwrap_or(0);
        if !(0..=MAX_OFFSET).contains(&offset) {
            return Err(Error::field(
                "offset",
                "offset_out_of_range",
                format!("offset must be from 0 to {MAX_OFFSET}, not {offset}"),
            ));
        }
        Ok(Self { limit, offset })
    }
}

/// The words to search by, trimmed; refused naming `field` when longer than
/// [`MAX_SEARCH_CHARS`].
pub fn search_words<'a>(field: &str, raw: &'a str) -> Result<&'a str> {
    let words = raw.trim();
    let chars = words.chars().count();
    if chars > MAX_SEARCH_CHARS {
        return Err(Error::field(
            field,
            "search_too_long",
            format!("a search is at most {MAX_SEARCH_CHARS} characters, not {chars}"),
        ));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(err: Error) -> (String, &'static str) {
        match err {
            Error::Invalid { field, code, .. } => (field, code),
            other => panic!("not a field error: {other:?}"),
        }
    }

    #[test]
    fn paging_outside_its_range_names_the_parameter() {
        assert_eq!(
            Paging::parse(None, None).ok(),
            Some(Paging {
                limit: DEFAULT_LIMIT,
                offset: 0
            })
        );
        assert!(Paging::parse(Some(MAX_LIMIT), Some(MAX_OFFSET)).is_ok());
        for (limit, offset, field) in [
            (Some(0), None, "limit"),
            (Some(-1), None, "limit"),
            (Some(MAX_LIMIT + 1), None, "limit"),
            (None, Some(-1), "offset"),
            (None, Some(i64::MAX), "offset"),
        ] {
            let err = Paging::parse(limit, offset).expect_err("out of range");
            assert_eq!(field_of(err).0, field, "{limit:?} {offset:?}");
        }
    }

    #[test]
    fn a_search_is_bounded_in_characters_not_bytes() {
        let cyrillic = "я".repeat(MAX_SEARCH_CHARS);
        assert_eq!(search_words("q", &cyrillic).ok(), Some(cyrillic.as_str()));
        let err = search_words("q", &format!("{cyrillic}я")).expect_err("too long");
        assert_eq!(field_of(err), ("q".into(), "search_too_long"));
    }
}
