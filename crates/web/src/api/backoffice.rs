use app::backoffice::ProcessingDay;
use app::backoffice::{AttemptAnswer, AttemptInput, TaskView};
use app::worker::JobView;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::ApiError;
use crate::error::ErrorBody;
use crate::extract::{Body, Caller, Params, PathArg};

pub fn router() -> OpenApiRouter<app::Shop> {
    OpenApiRouter::new()
        .routes(routes!(list_tasks))
        .routes(routes!(record_attempt))
        .routes(routes!(processing_report))
        .routes(routes!(list_jobs))
}

/// Where a job is.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum JobState {
    Queued,
    Done,
    Dead,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct JobQuery {
    /// `queued`, `done` or `dead`; all when left out.
    #[param(inline)]
    state: Option<JobState>,
}

/// The job queue (owner only): `dead` jobs failed every attempt and need a look.
#[utoipa::path(get, path = "/jobs", tag = "reports", params(JobQuery), responses((status = 200, body = [JobView]), (status = 403, body = ErrorBody)))]
async fn list_jobs(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<JobQuery>,
) -> Result<Json<Vec<JobView>>, ApiError> {
    Ok(Json(
        shop.jobs(&actor, query.state.map_or("", JobState::as_str))
            .await?,
    ))
}

impl JobState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Done => "done",
            Self::Dead => "dead",
        }
    }
}

/// Which open tasks: those due now, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
enum Due {
    Now,
    All,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct TaskQuery {
    /// `now` for what is due now, `all` (the default) for every open task.
    #[param(inline)]
    due: Option<Due>,
    /// Only this kind: `confirm_call`, `clarify_data`, `payment_help`, `customer_choice`,
    /// `reorder`, ...
    kind: Option<String>,
}

/// The manager's queue: open tasks, the most urgent first.
#[utoipa::path(get, path = "/tasks", tag = "tasks", params(TaskQuery), responses((status = 200, body = [TaskView])))]
async fn list_tasks(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(query): Params<TaskQuery>,
) -> Result<Json<Vec<TaskView>>, ApiError> {
    let due_now = query.due == Some(Due::Now);
    Ok(Json(
        shop.tasks(&actor, due_now, query.kind.as_deref().unwrap_or(""))
            .await?,
    ))
}

/// Records a call and its outcome (CF-3, CF-4). Answers with the task and, when there is one,
/// the time of the next call or the date the order is held until.
#[utoipa::path(post, path = "/tasks/{id}/attempts", tag = "tasks", params(("id" = i64, Path)), request_body = AttemptInput,
    responses((status = 201, body = AttemptAnswer), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn record_attempt(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    PathArg(id): PathArg<i64>,
    Body(input): Body<AttemptInput>,
) -> Result<(StatusCode, Json<AttemptAnswer>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(shop.record_attempt(&actor, id, &input).await?),
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct Range {
    /// First day, `YYYY-MM-DD`.
    from: String,
    /// Last day, `YYYY-MM-DD`.
    to: String,
}

/// Orders placed per day and the share processed the same day (CF-5).
#[utoipa::path(get, path = "/reports/processing", tag = "reports", params(Range),
    responses((status = 200, body = [ProcessingDay]), (status = 422, body = ErrorBody)))]
async fn processing_report(
    State(shop): State<app::Shop>,
    Caller(actor): Caller,
    Params(range): Params<Range>,
) -> Result<Json<Vec<ProcessingDay>>, ApiError> {
    Ok(Json(
        shop.processing_report(&actor, &range.from, &range.to)
            .await?,
    ))
}
