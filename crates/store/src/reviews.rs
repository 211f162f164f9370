//! Reviews of order lines (AF-4) and the shop's answers to them (AF-5).

use sqlx::FromRow;

use crate::{Conn, Result};

/// A review with what its order says of its author.
#[derive(Debug, Clone, FromRow)]
pub struct ReviewRow {
    pub id: i64,
    pub order_id: i64,
    pub line_no: i64,
    pub product_id: Option<i64>,
    pub title: String,
    pub stars: i64,
    pub body: String,
    /// `waiting` (for the shop to publish), `published` or `hidden`.
    pub state: String,
    pub hidden_reason: Option<String>,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<i64>,
    pub cause: Option<String>,
    pub coupon_code: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub customer_id: i64,
    pub customer_name: String,
}

const SELECT: &str = "SELECT r.id, r.order_id, r.line_no, r.product_id, r.title, r.stars, r.body, \
       r.state, r.hidden_reason, r.answer, r.answered_by, r.answered_at, r.cause, r.coupon_code, \
       r.created_at, r.updated_at, o.customer_id, o.customer_name \
     FROM reviews r JOIN orders o ON o.id = r.order_id";

/// What the author wrote about one line.
pub struct Written<'a> {
    pub order_id: i64,
    pub line_no: i64,
    pub product_id: Option<i64>,
    pub title: &'a str,
    pub stars: i64,
    pub body: &'a str,
    pub now_ms: i64,
}

/// Writes the line's review, or rewrites it: one per line, whoever comes second edits the
/// first. A rewritten review waits for the shop again. Returns its id.
pub async fn write(conn: &mut Conn, review: &Written<'_>) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO reviews (order_id, line_no, product_id, title, stars, body, state, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $7) \
         ON CONFLICT (order_id, line_no) DO UPDATE SET stars = excluded.stars, body = excluded.body, \
           state = 'waiting', hidden_reason = NULL, updated_at = excluded.updated_at \
         RETURNING id",
    )
    .bind(review.order_id)
    .bind(review.line_no)
    .bind(review.product_id)
    .bind(review.title)
    .bind(review.stars)
    .bind(review.body)
    .bind(review.now_ms)
    .fetch_one(conn)
    .await?)
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<ReviewRow>> {
    Ok(
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SELECT} WHERE r.id = $1")))
            .bind(id)
            .fetch_optional(conn)
            .await?,
    )
}

pub async fn of_order(conn: &mut Conn, order_id: i64) -> Result<Vec<ReviewRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.order_id = $1 ORDER BY r.line_no"
    )))
    .bind(order_id)
    .fetch_all(conn)
    .await?)
}

/// Reviews in a state (every state when empty): those waiting for an answer first, then the
/// newest.
pub async fn list(conn: &mut Conn, state: &str, limit: i64, offset: i64) -> Result<Vec<ReviewRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE ($1 = '' OR r.state = $1) \
         ORDER BY CASE WHEN r.answered_at IS NULL OR r.answered_at < r.updated_at THEN 0 ELSE 1 END, \
           r.updated_at DESC, r.id DESC LIMIT $2 OFFSET $3"
    )))
    .bind(state)
    .bind(limit)
    .bind(offset)
    .fetch_all(conn)
    .await?)
}

/// A product's published reviews, newest first.
pub async fn published(conn: &mut Conn, product_id: i64, limit: i64) -> Result<Vec<ReviewRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE r.product_id = $1 AND r.state = 'published' \
         ORDER BY r.updated_at DESC, r.id DESC LIMIT $2"
    )))
    .bind(product_id)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// How many published reviews a product has and their stars added up.
#[derive(Debug, Clone, FromRow)]
pub struct RatingRow {
    pub product_id: i64,
    pub count: i64,
    pub stars: i64,
}

pub async fn ratings(conn: &mut Conn, product_ids: &[i64]) -> Result<Vec<RatingRow>> {
    if product_ids.is_empty() {
        return Ok(Vec::new());
    }
    let list = crate::placeholders(product_ids.len());
    let mut query = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT product_id, CAST(COUNT(*) AS BIGINT) AS count, CAST(SUM(stars) AS BIGINT) AS stars \
         FROM reviews WHERE state = 'published' AND product_id IN ({list}) GROUP BY product_id"
    )));
    for id in product_ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(conn).await?)
}

/// The shop's answer to a review, with the cause of a negative one and its recovery coupon.
pub struct Answer<'a> {
    pub id: i64,
    pub answer: &'a str,
    pub by: &'a str,
    pub cause: Option<&'a str>,
    pub coupon_code: Option<&'a str>,
    pub now_ms: i64,
}

pub async fn answer(conn: &mut Conn, answer: &Answer<'_>) -> Result<()> {
    sqlx::query(
        "UPDATE reviews SET answer = $2, answered_by = $3, answered_at = $4, cause = $5, \
           coupon_code = COALESCE($6, coupon_code) WHERE id = $1",
    )
    .bind(answer.id)
    .bind(answer.answer)
    .bind(answer.by)
    .bind(answer.now_ms)
    .bind(answer.cause)
    .bind(answer.coupon_code)
    .execute(conn)
    .await?;
    Ok(())
}

/// Publishes or hides a review; hiding keeps the reason the author is told.
pub async fn set_state(
    conn: &mut Conn,
    id: i64,
    state: &str,
    hidden_reason: Option<&str>,
) -> Result<()> {
    sqlx::query("UPDATE reviews SET state = $2, hidden_reason = $3 WHERE id = $1")
        .bind(id)
        .bind(state)
        .bind(hidden_reason)
        .execute(conn)
        .await?;
    Ok(())
}

/// How many reviews of the order still wait for the shop's answer: never answered, or
/// rewritten since.
pub async fn unanswered_of_order(conn: &mut Conn, order_id: i64) -> Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM reviews WHERE order_id = $1 \
         AND (answered_at IS NULL OR answered_at < updated_at)",
    )
    .bind(order_id)
    .fetch_one(conn)
    .await?)
}

/// A cause the shop found behind a negative review, with when it came and what it was about.
#[derive(Debug, Clone, FromRow)]
pub struct CauseRow {
    pub created_at: i64,
    pub title: String,
    pub cause: String,
}

pub async fn causes(conn: &mut Conn, since_ms: i64) -> Result<Vec<CauseRow>> {
    Ok(sqlx::query_as(
        "SELECT created_at, title, cause FROM reviews WHERE cause IS NOT NULL AND created_at >= $1 \
         ORDER BY created_at",
    )
    .bind(since_ms)
    .fetch_all(conn)
    .await?)
}
