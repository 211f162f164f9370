//! Categories with a name per language, an order and a parent; the words of options in each
//! language; and what a reader sees of them in their language (`Translations`).

use std::collections::BTreeMap;

use domain::access::Permission;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::access::Actor;
use crate::kernel::views::stored;
use crate::{Error, Result, Shop};

#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct NewCategory {
    /// A short code products name it by (`knitwear`): lowercase letters, digits and `-`. Fixed
    /// once made; left out on an update.
    #[serde(default)]
    pub code: String,
    /// The name in the shop's default language.
    pub name: String,
    /// The name in the shop's other languages, by locale.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    /// The category it sits in, if any.
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// Lower comes first.
    #[serde(default)]
    pub position: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CategoryView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub names: BTreeMap<String, String>,
    pub parent_id: Option<i64>,
    pub position: i64,
    pub archived: bool,
}

/// One option word (`colour`, `Navy`) in one language.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
pub struct OptionWord {
    pub word: String,
    pub locale: String,
    /// Empty removes the translation.
    pub text: String,
}

/// What a reader sees of the catalogue's own words in their language, falling back to the
/// shop's: category names and option names and values.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    pub locale: String,
    categories: Vec<CategoryView>,
    words: BTreeMap<(String, String), String>,
}

impl Translations {
    /// The category's name, or nothing for a product without one.
    pub fn category(&self, code: &str) -> String {
        self.categories
            .iter()
            .find(|c| c.code == code)
            .map(|c| self.category_name(c))
            .unwrap_or_default()
    }

    pub fn category_name(&self, category: &CategoryView) -> String {
        domain::catalog::localized(
            &category.name,
            &category.names,
            &self.locale,
            String::as_str,
        )
        .to_owned()
    }

    /// Every category, archived ones too, in the owner's order.
    pub fn all_categories(&self) -> &[CategoryView] {
        &self.categories
    }

    /// The categories shown on the storefront, in the owner's order.
    pub fn shown_categories(&self) -> impl Iterator<Item = &CategoryView> {
        self.categories.iter().filter(|c| !c.archived)
    }

    /// An option's name or value in the reader's language, else as written.
    pub fn word(&self, word: &str) -> String {
        self.words
            .get(&(word.to_owned(), self.locale.clone()))
            .cloned()
            .unwrap_or_else(|| word.to_owned())
    }

    /// "Colour: Navy" in the reader's language ("Цвет: тёмно-синий").
    pub fn options(&self, options: &BTreeMap<String, String>) -> Vec<(String, String)> {
        options
            .iter()
            .map(|(name, value)| (capitalised(&self.word(name)), self.word(value)))
            .collect()
    }
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(super) fn parse_code(raw: &str) -> Result<String> {
    let code = raw.trim();
    let ok = !code.is_empty()
        && code.len() <= 60
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(code.to_owned())
    } else {
        Err(Error::field(
            "code",
            "category_code_invalid",
            "a code is 1 to 60 lowercase letters, digits or '-'",
        ))
    }
}

fn parse_name(field: String, raw: &str) -> Result<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > 100 {
        return Err(Error::field(
            field,
            "category_name_invalid",
            "a name is 1 to 100 characters",
        ));
    }
    Ok(name)
}

fn view(row: store::catalog::categories::CategoryRow) -> Result<CategoryView> {
    Ok(CategoryView {
        names: stored(
            "names",
            serde_json::from_str(&row.names)
                .map_err(|e| domain::Invalid::new("names", e.to_string())),
        )?,
        id: row.id,
        code: row.code,
        name: row.name,
        parent_id: row.parent_id,
        position: row.position,
        archived: row.archived_at.is_some(),
    })
}

struct CheckedCategory {
    name: String,
    names: String,
}

fn check(input: &NewCategory, languages: &[&str]) -> Result<CheckedCategory> {
    let name = parse_name("name".into(), &input.name)?;
    let mut names = BTreeMap::new();
    for (locale, text) in &input.names {
        if !languages.contains(&locale.as_str()) {
            return Err(Error::field(
                format!("names.{locale}"),
                "locale_not_sold_in",
                format!("the shop sells in {}", languages.join(", ")),
            ));
        }
        if !text.trim().is_empty() {
            names.insert(locale.clone(), parse_name(format!("names.{locale}"), text)?);
        }
    }
    if !(-1_000_000..=1_000_000).contains(&input.position) {
        return Err(Error::field(
            "position",
            "position_invalid",
            "a position is -1000000 to 1000000",
        ));
    }
    Ok(CheckedCategory {
        name,
        names: serde_json::to_string(&names).map_err(|e| store::Error::Corrupt(e.to_string()))?,
    })
}

/// A parent must exist and must not be the category itself or one inside it.
async fn check_parent(conn: &mut store::Conn, id: Option<i64>, parent: Option<i64>) -> Result<()> {
    let mut next = parent;
    while let Some(at) = next {
        if Some(at) == id {
            return Err(Error::field(
                "parent_id",
                "category_parent_loop",
                "a category cannot sit inside itself",
            ));
        }
        let row = store::catalog::categories::by_id(conn, at)
            .await?
            .ok_or_else(|| {
                Error::field(
                    "parent_id",
                    "category_unknown",
                    format!("there is no category {at}"),
                )
            })?;
        next = row.parent_id;
    }
    Ok(())
}

impl Shop {
    pub async fn categories(&self) -> Result<Vec<CategoryView>> {
        let mut conn = self.store.read().await?;
        store::catalog::categories::all(&mut conn)
            .await?
            .into_iter()
            .map(view)
            .collect()
    }

    pub async fn create_category(
        &self,
        actor: &Actor,
        input: &NewCategory,
    ) -> Result<CategoryView> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let code = parse_code(&input.code)?;
        let checked = check(input, &settings.selling_languages())?;
        let mut tx = self.store.begin_write().await?;
        check_parent(&mut tx, None, input.parent_id).await?;
        let fields = store::catalog::categories::CategoryFields {
            parent_id: input.parent_id,
            position: input.position,
            name: &checked.name,
            names: &checked.names,
        };
        let id = store::catalog::categories::insert(
            &mut tx,
            &code,
            &fields,
            store::to_millis(self.now()),
        )
        .await
        .map_err(|e| match e {
            store::Error::Duplicate(_) => Error::field(
                "code",
                "already_exists",
                format!("a category '{code}' exists already"),
            ),
            other => other.into(),
        })?;
        tx.commit().await?;
        self.category(id).await
    }

    pub async fn update_category(
        &self,
        actor: &Actor,
        id: i64,
        input: &NewCategory,
    ) -> Result<CategoryView> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let checked = check(input, &settings.selling_languages())?;
        let mut tx = self.store.begin_write().await?;
        check_parent(&mut tx, Some(id), input.parent_id).await?;
        let fields = store::catalog::categories::CategoryFields {
            parent_id: input.parent_id,
            position: input.position,
            name: &checked.name,
            names: &checked.names,
        };
        if !store::catalog::categories::update(&mut tx, id, &fields).await? {
            return Err(Error::NotFound { what: "category" });
        }
        tx.commit().await?;
        self.category(id).await
    }

    /// Hides a category from the storefront (or shows it again); its products keep it.
    pub async fn archive_category(
        &self,
        actor: &Actor,
        id: i64,
        archived: bool,
    ) -> Result<CategoryView> {
        actor.require(Permission::ManageCatalog)?;
        let at = archived.then(|| store::to_millis(self.now()));
        let mut tx = self.store.begin_write().await?;
        if !store::catalog::categories::set_archived(&mut tx, id, at).await? {
            return Err(Error::NotFound { what: "category" });
        }
        tx.commit().await?;
        self.category(id).await
    }

    async fn category(&self, id: i64) -> Result<CategoryView> {
        let mut conn = self.store.read().await?;
        let row = store::catalog::categories::by_id(&mut conn, id)
            .await?
            .ok_or(Error::NotFound { what: "category" })?;
        view(row)
    }

    /// Every translation of option words.
    pub async fn option_words(&self) -> Result<Vec<OptionWord>> {
        let rows = store::catalog::categories::option_words(&mut *self.store.read().await?).await?;
        Ok(rows
            .into_iter()
            .map(|(word, locale, text)| OptionWord { word, locale, text })
            .collect())
    }

    /// Sets translations of option words, all in one transaction.
    pub async fn put_option_words(&self, actor: &Actor, words: &[OptionWord]) -> Result<()> {
        actor.require(Permission::ManageCatalog)?;
        let settings = self.settings().await?;
        let languages = settings.selling_languages();
        for (i, w) in words.iter().enumerate() {
            if !languages.contains(&w.locale.as_str()) {
                return Err(Error::field(
                    format!("[{i}].locale"),
                    "locale_not_sold_in",
                    format!("the shop sells in {}", languages.join(", ")),
                ));
            }
            if w.word.trim().is_empty() || w.word.len() > 100 || w.text.chars().count() > 100 {
                return Err(Error::field(
                    format!("[{i}].text"),
                    "option_invalid",
                    "a word and its translation are at most 100 characters",
                ));
            }
        }
        let mut tx = self.store.begin_write().await?;
        for w in words {
            store::catalog::categories::put_option_word(
                &mut tx,
                w.word.trim(),
                &w.locale,
                w.text.trim(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The catalogue's words as a reader of `locale` sees them; a language the shop does not
    /// sell in reads the default.
    pub async fn translations(&self, locale: &str) -> Result<Translations> {
        let settings = self.settings().await?;
        let locale = if settings.selling_languages().contains(&locale) {
            locale
        } else {
            settings.default_locale.as_str()
        };
        let mut conn = self.store.read().await?;
        let categories = store::catalog::categories::all(&mut conn)
            .await?
            .into_iter()
            .map(view)
            .collect::<Result<_>>()?;
        let words = store::catalog::categories::option_words(&mut conn)
            .await?
            .into_iter()
            .filter(|(_, l, _)| l == locale)
            .map(|(word, l, text)| ((word, l), text))
            .collect();
        Ok(Translations {
            locale: locale.to_owned(),
            categories,
            words,
        })
    }
}
