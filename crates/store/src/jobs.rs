//! The durable job queue: everything the shop must do later is a row here, enqueued in the same
//! transaction as the change that asked for it.
//!
//! A worker claims due jobs with a lease and commits the claim before running them; a worker that
//! dies leaves its lease to expire and the job is claimed again. On PostgreSQL many workers claim
//! at once with `FOR UPDATE SKIP LOCKED`; SQLite has one writer, so a claim is already exclusive.

use sqlx::FromRow;

use crate::{Backend, Conn, Result, Store};

#[derive(Debug, Clone, FromRow)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    pub run_at: i64,
    pub state: String,
    pub attempts: i64,
    pub dedupe_key: Option<String>,
    pub last_error: Option<String>,
}

const JOB_COLUMNS: &str = "id, kind, payload, run_at, state, attempts, dedupe_key, last_error";

/// Schedules a job. With a dedupe key there is one job per key: scheduling it again for the
/// same or an earlier time is a no-op, for a later time moves it later (a promise to wait longer
/// wins), and a job that already ran is armed again. Returns whether anything changed.
pub async fn enqueue(
    conn: &mut Conn,
    kind: &str,
    payload: &str,
    run_at_ms: i64,
    dedupe_key: Option<&str>,
    now_ms: i64,
) -> Result<bool> {
    let again = "ON CONFLICT (dedupe_key) DO UPDATE SET run_at = excluded.run_at, state = 'queued', \
           attempts = 0, last_error = NULL, finished_at = NULL \
         WHERE jobs.lease_until IS NULL AND (jobs.state <> 'queued' OR jobs.run_at < excluded.run_at)";
    let job = (kind, payload, run_at_ms, dedupe_key);
    insert(conn, job, again, now_ms).await
}

/// Schedules a job unless one with its key exists, whatever that one's state: a daily job is
/// added once per day by whichever instance comes first, and never armed again after it ran.
pub async fn enqueue_once(
    conn: &mut Conn,
    kind: &str,
    payload: &str,
    run_at_ms: i64,
    dedupe_key: &str,
    now_ms: i64,
) -> Result<bool> {
    let job = (kind, payload, run_at_ms, Some(dedupe_key));
    insert(conn, job, "ON CONFLICT (dedupe_key) DO NOTHING", now_ms).await
}

/// Inserts a job (kind, payload, run at, dedupe key), doing `on_conflict` when its key exists.
async fn insert(
    conn: &mut Conn,
    (kind, payload, run_at_ms, dedupe_key): (&str, &str, i64, Option<&str>),
    on_conflict: &'static str,
    now_ms: i64,
) -> Result<bool> {
    let sql = format!(
        "INSERT INTO jobs (kind, payload, run_at, state, dedupe_key, created_at) \
         VALUES ($1, $2, $3, 'queued', $4, $5) {on_conflict}"
    );
    let added = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(kind)
        .bind(payload)
        .bind(run_at_ms)
        .bind(dedupe_key)
        .bind(now_ms)
        .execute(conn)
        .await?
        .rows_affected();
    Ok(added == 1)
}

/// Claims up to `limit` due jobs for `owner` until `lease_until_ms`, counting the attempt, and
/// commits the claim.
pub async fn claim(
    store: &Store,
    owner: &str,
    now_ms: i64,
    lease_until_ms: i64,
    limit: i64,
) -> Result<Vec<JobRow>> {
    let lock = match store.backend() {
        Backend::Postgres => "FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let sql = format!(
        "UPDATE jobs SET lease_owner = $1, lease_until = $2, attempts = attempts + 1 \
         WHERE id IN (SELECT id FROM jobs WHERE state = 'queued' AND run_at <= $3 \
                      AND (lease_until IS NULL OR lease_until < $3) ORDER BY run_at, id LIMIT $4 {lock}) \
         RETURNING {JOB_COLUMNS}"
    );
    let mut tx = store.begin_write().await?;
    let mut jobs: Vec<JobRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(owner)
        .bind(lease_until_ms)
        .bind(now_ms)
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    jobs.sort_by_key(|j| (j.run_at, j.id));
    Ok(jobs)
}

/// Gives a claimed job a fresh lease just before it runs. `false` when its owner's lease ran
/// out first: another worker may have claimed the job since, so this one must not run it.
pub async fn renew(
    conn: &mut Conn,
    id: i64,
    owner: &str,
    now_ms: i64,
    lease_until_ms: i64,
) -> Result<bool> {
    let renewed = sqlx::query(
        "UPDATE jobs SET lease_until = $1 \
         WHERE id = $2 AND lease_owner = $3 AND state = 'queued' AND lease_until >= $4",
    )
    .bind(lease_until_ms)
    .bind(id)
    .bind(owner)
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    Ok(renewed.rows_affected() == 1)
}

/// Marks a claimed job done. Only its lease holder may.
pub async fn complete(conn: &mut Conn, id: i64, owner: &str, now_ms: i64) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE jobs SET state = 'done', finished_at = $1, lease_owner = NULL, lease_until = NULL \
         WHERE id = $2 AND lease_owner = $3 AND state = 'queued'",
    )
    .bind(now_ms)
    .bind(id)
    .bind(owner)
    .execute(conn)
    .await?
    .rows_affected();
    Ok(done == 1)
}

/// Records a failed run: retried at `retry_at_ms`, or dead when `dead` (kept for the owner to see).
pub async fn fail(
    conn: &mut Conn,
    id: i64,
    owner: &str,
    error: &str,
    retry_at_ms: i64,
    dead: bool,
    now_ms: i64,
) -> Result<()> {
    sqlx::query(
        "UPDATE jobs SET state = $1, run_at = $2, last_error = $3, lease_owner = NULL, lease_until = NULL, \
         finished_at = $4 WHERE id = $5 AND lease_owner = $6",
    )
    .bind(if dead { "dead" } else { "queued" })
    .bind(retry_at_ms)
    .bind(error)
    .bind(if dead { Some(now_ms) } else { None })
    .bind(id)
    .bind(owner)
    .execute(conn)
    .await?;
    Ok(())
}

/// Jobs in a state (`queued`, `done`, `dead`), oldest first; empty for all.
pub async fn list(conn: &mut Conn, state: &str, limit: i64) -> Result<Vec<JobRow>> {
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {JOB_COLUMNS} FROM jobs WHERE ($1 = '' OR state = $1) ORDER BY run_at, id LIMIT $2"
    )))
    .bind(state)
    .bind(limit)
    .fetch_all(conn)
    .await?)
}

/// How many jobs there are of each kind in each state, for `/metrics`.
pub async fn tally(conn: &mut Conn) -> Result<Vec<(String, String, i64)>> {
    Ok(
        sqlx::query_as("SELECT kind, state, COUNT(*) FROM jobs GROUP BY kind, state")
            .fetch_all(conn)
            .await?,
    )
}

/// When the oldest job that is due at `now_ms` and not yet done was due; `None` when none is.
pub async fn oldest_due(conn: &mut Conn, now_ms: i64) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT MIN(run_at) FROM jobs WHERE state = 'queued' AND run_at <= $1")
            .bind(now_ms)
            .fetch_one(conn)
            .await?,
    )
}
