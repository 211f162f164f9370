//! The back office's words, through Fluent, in the shop's five languages. The strings live in
//! `locales/<lang>/main.ftl` and are compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Placeables sit inside HTML that is already escaped; bidi isolation marks would only
        // show up as stray characters in inputs and links.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages of the back office, as stored and offered: code and own name.
pub const LANGUAGES: [(&str, &str); 5] = [
    ("en", "English"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("nb", "Norsk bokmål"),
    ("lv", "Latviešu"),
];

/// One of [`LANGUAGES`], with its Fluent identifier.
#[derive(Debug, Clone)]
pub struct Lang {
    pub code: &'static str,
    id: LanguageIdentifier,
}

impl Lang {
    fn of(code: &str) -> Option<Self> {
        let code = LANGUAGES.iter().find(|(c, _)| *c == code)?.0;
        let id = match code {
            "ru" => langid!("ru"),
            "uk" => langid!("uk"),
            "nb" => langid!("nb"),
            "lv" => langid!("lv"),
            _ => langid!("en"),
        };
        Some(Self { code, id })
    }

    /// The person's own choice, else the first language the browser asks for that the back
    /// office speaks, else the shop's.
    pub fn negotiate(chosen: Option<&str>, accept_language: Option<&str>, shop: &str) -> Self {
        let mut asked: Vec<(String, f32)> = accept_language
            .unwrap_or_default()
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim().to_ascii_lowercase();
                let weight = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                let primary = tag.split('-').next().unwrap_or_default().to_owned();
                // Norwegian is asked for as no, nb or nn; bokmål is what the shop writes.
                let code = if primary == "no" || primary == "nn" {
                    "nb".to_owned()
                } else {
                    primary
                };
                Some((code, weight))
            })
            .filter(|(_, weight)| *weight > 0.0)
            .collect();
        asked.sort_by(|a, b| b.1.total_cmp(&a.1));
        chosen
            .and_then(Self::of)
            .or_else(|| asked.iter().find_map(|(code, _)| Self::of(code)))
            .or_else(|| Self::of(shop))
            .unwrap_or_else(Self::english)
    }

    pub fn english() -> Self {
        Self {
            code: "en",
            id: langid!("en"),
        }
    }

    /// The message, or its id when no language has it (a test keeps every id in every file).
    pub fn text(&self, id: &str) -> String {
        LOCALES
            .try_lookup(&self.id, id)
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn try_text(&self, id: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id, id)
    }

    /// The message with its arguments filled in.
    pub fn text_with(&self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.id, id, &args)
            .unwrap_or_else(|| id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_the_persons_then_the_browsers_then_the_shops() {
        assert_eq!(Lang::negotiate(Some("lv"), Some("ru"), "nb").code, "lv");
        assert_eq!(
            Lang::negotiate(None, Some("de-DE,de;q=0.9,uk;q=0.8,en;q=0.5"), "nb").code,
            "uk"
        );
        assert_eq!(Lang::negotiate(None, Some("nn-NO"), "en").code, "nb");
        assert_eq!(Lang::negotiate(None, Some("de"), "nb").code, "nb");
        assert_eq!(Lang::negotiate(None, None, "xx").code, "en");
    }

    /// Every Fluent file of a language (the back office's, the storefront's), one after another.
    fn source(lang: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("a locale folder")
            .map(|entry| entry.expect("a locale file").path())
            .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| std::fs::read_to_string(path).expect("a locale file"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Message ids of a Fluent file: lines that start a message.
    fn ids(lang: &str) -> Vec<String> {
        let mut ids: Vec<String> = source(lang)
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_owned()))
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn every_language_has_every_message() {
        let english = ids("en");
        assert!(english.len() > 100, "{}", english.len());
        // Every variable any message uses, so that each message formats.
        let variables: Vec<&'static str> = source("en")
            .split('$')
            .skip(1)
            .map(|rest| {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                &*Box::leak(name.into_boxed_str())
            })
            .collect();
        let args: Vec<(&'static str, FluentValue<'static>)> = variables
            .iter()
            .map(|name| (*name, FluentValue::from(1)))
            .collect();
        for (code, _) in LANGUAGES {
            assert_eq!(ids(code), english, "{code}");
            let lang = Lang::of(code).expect("a language");
            for id in &english {
                let text = lang.text_with(id, &args);
                assert!(
                    &text != id && !text.is_empty(),
                    "{code}: {id} does not format"
                );
            }
        }
    }
}
