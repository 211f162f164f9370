//! The catalogue's own words in the back office: categories with a name in each of the shop's
//! languages, their order and parent, and the translations of option names and values
//! ("colour" → "Цвет", "Navy" → "тёмно-синий"), so a visitor reads them in their language (SU-2).

use std::collections::BTreeMap;

use app::catalog::{CategoryView, NewCategory, OptionWord};
use askama::Template;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::frame::Frame;
use super::products::catalog_keeper;
use super::session::{Me, PageError, render};

/// A category form as typed: `code`, `parent`, `position`, and `name.{locale}` per language.
#[derive(Debug, Clone, Default)]
struct CategoryForm {
    code: String,
    parent: String,
    position: String,
    names: BTreeMap<String, String>,
}

impl CategoryForm {
    fn parse(body: &[u8]) -> Self {
        let mut form = Self::default();
        for (name, value) in form_urlencoded::parse(body) {
            let value = value.into_owned();
            match name.split_once('.') {
                Some(("name", locale)) => {
                    form.names.insert(locale.to_owned(), value);
                }
                _ => match &*name {
                    "code" => form.code = value,
                    "parent" => form.parent = value,
                    "position" => form.position = value,
                    _ => {}
                },
            }
        }
        form
    }

    /// What the use case takes: the default language's name as `name`, the others as `names`.
    fn category(&self, default_locale: &str) -> Result<NewCategory, app::Error> {
        let mut names = self.names.clone();
        let position = self.position.trim();
        Ok(NewCategory {
            code: self.code.trim().to_owned(),
            name: names.remove(default_locale).unwrap_or_default(),
            names,
            parent_id: self.parent.trim().parse().ok(),
            position: if position.is_empty() {
                0
            } else {
                position.parse().map_err(|_| {
                    app::Error::field(
                        "position",
                        "number_invalid",
                        format!("'{position}' is not a whole number"),
                    )
                })?
            },
        })
    }
}

#[derive(Template)]
#[template(path = "pages/categories.html")]
struct CategoriesPage {
    f: Frame,
    categories: Vec<CategoryView>,
    languages: Vec<String>,
    default_locale: String,
    /// What was typed into the new-category form, kept when it was refused.
    draft: CategoryForm,
    /// The category a refusal is about (none for the new one), and why.
    refusal: Option<(Option<i64>, String)>,
}

impl CategoriesPage {
    fn name_in(&self, category: &CategoryView, locale: &str) -> String {
        if locale == self.default_locale {
            category.name.clone()
        } else {
            category.names.get(locale).cloned().unwrap_or_default()
        }
    }

    fn draft_name(&self, locale: &str) -> String {
        self.draft.names.get(locale).cloned().unwrap_or_default()
    }

    /// The parent's name in the shop's default language, or a dash.
    fn parent_name(&self, category: &CategoryView) -> String {
        category
            .parent_id
            .and_then(|id| self.categories.iter().find(|c| c.id == id))
            .map_or_else(|| "—".to_owned(), |c| c.name.clone())
    }

    /// Why the change of this category (none: the new one) was refused, if it was.
    fn refused_at(&self, id: Option<&i64>) -> Option<&str> {
        self.refusal
            .as_ref()
            .filter(|(at, _)| at.as_ref() == id)
            .map(|(_, why)| why.as_str())
    }

    fn is_default(&self, locale: &str) -> bool {
        locale == self.default_locale
    }

    fn is_parent(&self, category: &CategoryView, parent: &CategoryView) -> bool {
        category.parent_id == Some(parent.id)
    }
}

async fn show(
    shop: &app::Shop,
    me: &Me,
    draft: CategoryForm,
    refused: Option<(Option<i64>, app::Error)>,
) -> Result<Response, PageError> {
    catalog_keeper(me)?;
    let (refusal, status) = match refused {
        None => (None, StatusCode::OK),
        Some((_, app::Error::Store(err))) => return Err(app::Error::Store(err).into()),
        Some((at, err)) => (Some((at, me.explain(&err))), Me::refused_status(&err)),
    };
    let view = CategoriesPage {
        f: me.frame("products", "categories-title"),
        categories: shop.categories().await?,
        languages: languages(me),
        default_locale: me.settings.default_locale.clone(),
        draft,
        refusal,
    };
    Ok((status, render(&view)).into_response())
}

fn languages(me: &Me) -> Vec<String> {
    me.settings
        .selling_languages()
        .into_iter()
        .map(str::to_owned)
        .collect()
}

pub async fn page(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    show(&shop, &me, CategoryForm::default(), None).await
}

/// Back to the list after a change, or the list with the refusal beside the category.
async fn answer(
    shop: &app::Shop,
    me: &Me,
    at: Option<i64>,
    draft: CategoryForm,
    done: Result<CategoryView, app::Error>,
) -> Result<Response, PageError> {
    match done {
        Ok(_) => {
            me.notice(shop, &me.lang.text("categories-saved")).await?;
            Ok(Redirect::to("/admin/categories").into_response())
        }
        Err(err) => show(shop, me, draft, Some((at, err))).await,
    }
}

pub async fn create(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    let form = CategoryForm::parse(&body);
    let done = match form.category(&me.settings.default_locale) {
        Ok(input) => shop.create_category(me.actor(), &input).await,
        Err(err) => Err(err),
    };
    answer(&shop, &me, None, form, done).await
}

/// Renames, moves or reorders a category.
pub async fn update(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, PageError> {
    let form = CategoryForm::parse(&body);
    let done = match form.category(&me.settings.default_locale) {
        Ok(input) => shop.update_category(me.actor(), id, &input).await,
        Err(err) => Err(err),
    };
    answer(&shop, &me, Some(id), CategoryForm::default(), done).await
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ArchiveForm {
    /// `archive` or `restore`.
    archive: String,
}

/// Hides a category from the storefront, or shows it again; its products keep it.
pub async fn archive(
    State(shop): State<app::Shop>,
    me: Me,
    Path(id): Path<i64>,
    axum::extract::Form(form): axum::extract::Form<ArchiveForm>,
) -> Result<Response, PageError> {
    let done = shop
        .archive_category(me.actor(), id, form.archive != "restore")
        .await;
    answer(&shop, &me, Some(id), CategoryForm::default(), done).await
}

/// A word with its translation in each of the shop's languages, as a row of the words form.
struct WordRow {
    word: String,
    texts: BTreeMap<String, String>,
}

#[derive(Template)]
#[template(path = "pages/option_words.html")]
struct WordsPage {
    f: Frame,
    rows: Vec<WordRow>,
    languages: Vec<String>,
    refusal: Option<String>,
}

impl WordsPage {
    fn text(&self, row: &WordRow, locale: &str) -> String {
        row.texts.get(locale).cloned().unwrap_or_default()
    }
}

/// The words translated so far, one row each, and empty rows for new ones.
fn word_rows(words: Vec<OptionWord>) -> Vec<WordRow> {
    let mut rows: Vec<WordRow> = Vec::new();
    for w in words {
        match rows.iter_mut().find(|r| r.word == w.word) {
            Some(row) => {
                row.texts.insert(w.locale, w.text);
            }
            None => rows.push(WordRow {
                word: w.word,
                texts: BTreeMap::from([(w.locale, w.text)]),
            }),
        }
    }
    rows.extend((0..3).map(|_| WordRow {
        word: String::new(),
        texts: BTreeMap::new(),
    }));
    rows
}

async fn show_words(
    shop: &app::Shop,
    me: &Me,
    refused: Option<app::Error>,
) -> Result<Response, PageError> {
    catalog_keeper(me)?;
    let (refusal, status) = match refused {
        None => (None, StatusCode::OK),
        Some(app::Error::Store(err)) => return Err(app::Error::Store(err).into()),
        Some(err) => (Some(me.explain(&err)), Me::refused_status(&err)),
    };
    let view = WordsPage {
        f: me.frame("products", "words-title"),
        rows: word_rows(shop.option_words().await?),
        languages: languages(me),
        refusal,
    };
    Ok((status, render(&view)).into_response())
}

pub async fn words(State(shop): State<app::Shop>, me: Me) -> Result<Response, PageError> {
    show_words(&shop, &me, None).await
}

/// The form's rows: `word{i}` and `text{i}.{locale}`; a row without a word is left out, an
/// empty translation removes it.
fn typed_words(body: &[u8]) -> Vec<OptionWord> {
    let mut words: BTreeMap<String, String> = BTreeMap::new();
    let mut texts: Vec<(String, String, String)> = Vec::new();
    for (name, value) in form_urlencoded::parse(body) {
        if let Some(row) = name.strip_prefix("word") {
            words.insert(row.to_owned(), value.trim().to_owned());
        } else if let Some((row, locale)) = name
            .strip_prefix("text")
            .and_then(|rest| rest.split_once('.'))
        {
            texts.push((row.to_owned(), locale.to_owned(), value.into_owned()));
        }
    }
    texts
        .into_iter()
        .filter_map(|(row, locale, text)| {
            let word = words.get(&row).filter(|w| !w.is_empty())?;
            Some(OptionWord {
                word: word.clone(),
                locale,
                text,
            })
        })
        .collect()
}

pub async fn save_words(
    State(shop): State<app::Shop>,
    me: Me,
    body: Bytes,
) -> Result<Response, PageError> {
    match shop.put_option_words(me.actor(), &typed_words(&body)).await {
        Ok(()) => {
            me.notice(&shop, &me.lang.text("words-saved")).await?;
            Ok(Redirect::to("/admin/categories/words").into_response())
        }
        Err(err) => show_words(&shop, &me, Some(err)).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_row_gives_its_translations_and_an_empty_row_nothing() {
        let words = typed_words(
            "word0=Navy&text0.ru=%D1%82%D1%91%D0%BC%D0%BD%D0%BE&text0.nb=&word1=&text1.ru=x"
                .as_bytes(),
        );
        let found: Vec<_> = words
            .iter()
            .map(|w| (w.word.as_str(), w.locale.as_str(), w.text.as_str()))
            .collect();
        assert_eq!(found, [("Navy", "ru", "тёмно"), ("Navy", "nb", "")]);
    }
}
