//! `/api/openapi.json` and a readable page of the same description at `/api/docs`, rendered on
//! the server so it works without any script from elsewhere.

use std::sync::Arc;

use askama::Template;
use axum::Json;
use axum::Router;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use utoipa::openapi::OpenApi;

use crate::ApiError;

#[derive(Template)]
#[template(path = "api_docs.html")]
struct DocsPage<'a> {
    title: &'a str,
    description: &'a str,
    operations: Vec<Operation>,
}

struct Operation {
    method: String,
    path: String,
    summary: String,
    description: String,
    tag: String,
    parameters: Vec<(String, String, bool)>,
    request: Option<String>,
    responses: Vec<(String, String)>,
}

pub fn router(openapi: Arc<OpenApi>) -> Router<app::Shop> {
    let json = openapi.clone();
    Router::new()
        .route(
            "/api/openapi.json",
            get(move || async move { Json(json.as_ref().clone()) }),
        )
        .route("/api/docs", get(move || async move { docs_page(&openapi) }))
        .route("/api/docs.css", get(stylesheet))
}

/// The docs page's styles, a file of their own: the pages' content security policy allows no
/// inline style.
async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../static/api_docs.css"),
    )
        .into_response()
}

fn docs_page(openapi: &OpenApi) -> Response {
    let value = serde_json::to_value(openapi).unwrap_or_default();
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
    let mut operations = Vec::new();
    if let Some(paths) = value["paths"].as_object() {
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                let op = &item[method];
                if op.is_null() {
                    continue;
                }
                let parameters = op["parameters"]
                    .as_array()
                    .map(|ps| {
                        ps.iter()
                            .map(|p| {
                                (
                                    text(&p["name"]),
                                    text(&p["in"]),
                                    p["required"].as_bool().unwrap_or(false),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let schema_name = |content: &serde_json::Value| {
                    let schema = &content["application/json"]["schema"];
                    let reference = schema["$ref"].as_str().or(schema["items"]["$ref"].as_str());
                    reference.map(|r| r.rsplit('/').next().unwrap_or(r).to_owned())
                };
                operations.push(Operation {
                    method: method.to_uppercase(),
                    path: path.clone(),
                    summary: text(&op["summary"]),
                    description: text(&op["description"]),
                    tag: op["tags"][0].as_str().unwrap_or("other").to_owned(),
                    parameters,
                    request: schema_name(&op["requestBody"]["content"]),
                    responses: op["responses"]
                        .as_object()
                        .map(|rs| {
                            rs.iter()
                                .map(|(status, r)| {
                                    (
                                        status.clone(),
                                        schema_name(&r["content"]).unwrap_or_default(),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                });
            }
        }
    }
    operations.sort_by(|a, b| (&a.tag, &a.path).cmp(&(&b.tag, &b.path)));
    let page = DocsPage {
        title: &openapi.info.title,
        description: openapi.info.description.as_deref().unwrap_or_default(),
        operations,
    };
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(err) => {
            tracing::error!(error = %err, "docs page failed to render");
            ApiError::not_found("docs").into_response()
        }
    }
}
