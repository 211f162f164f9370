//! The packing station (ST-3, AS-1..4): the pick list by location and bin, and per order a scan
//! field a barcode scanner types into, the quality check, packing with the inserts the rules
//! call for, hand-over, and printable pick list and packing slip. Each action is the fulfilment
//! use case the API calls.

use app::backoffice::OrderQuery;
use app::fulfilment::PackingStation;
use app::fulfilment::{DefectInput, HandOverInput, PackInput, PickGroup};
use app::orders::OrderSummary;
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::fulfilment::ScanVerdict;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;

use crate::pages::frame::Frame;
use crate::pages::i18n::Lang;
use crate::pages::session::{Me, PageError, render};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Where {
    /// A location code; every location when empty.
    location: String,
}

#[derive(Template)]
#[template(path = "pages/packing.html")]
struct PackingPage {
    f: Frame,
    groups: Vec<PickGroup>,
    location: String,
    orders: Vec<OrderSummary>,
}

pub async fn page(
    State(shop): State<app::Shop>,
    me: Me,
    Query(place): Query<Where>,
) -> Result<Response, PageError> {
    let groups = shop.pick_list(me.actor(), &place.location).await?;
    let query = OrderQuery {
        stage: "assembling".into(),
        ..OrderQuery::default()
    };
    let orders = shop.order_list(me.actor(), &query).await?.orders;
    let view = PackingPage {
        f: me.frame("packing", "packing-title"),
        groups,
        location: place.location,
        orders,
    };
    Ok(render(&view))
}

#[derive(Template)]
#[template(path = "pages/pick_list.html")]
struct PickListPrint {
    f: Frame,
    groups: Vec<PickGroup>,
}

/// The pick list to print and carry along the shelves, by location and bin (ST-3).
pub async fn pick_list(
    State(shop): State<app::Shop>,
    me: Me,
    Query(place): Query<Where>,
) -> Result<Response, PageError> {
    let groups = shop.pick_list(me.actor(), &place.location).await?;
    Ok(render(&PickListPrint {
        f: me.frame("packing", "pick-list-title"),
        groups,
    }))
}

/// What the last scan came to, green or red.
pub struct ScanAnswer {
    accepted: bool,
    text: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "pages/station.html")]
struct StationPage {
    f: Frame,
    s: PackingStation,
    scan: Option<ScanAnswer>,
    /// Why the last form was refused.
    refusal: Option<String>,
    severities: [&'static str; 2],
}

async fn station(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    scan: Option<ScanAnswer>,
    refusal: Option<String>,
) -> Result<StationPage, PageError> {
    Ok(StationPage {
        f: me.frame("packing", "station-title"),
        s: shop.packing_station(me.actor(), number).await?,
        scan,
        refusal,
        severities: ["minor", "major"],
    })
}

pub async fn order(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(&station(&shop, &me, number, None, None).await?))
}

#[derive(Debug, Deserialize)]
pub struct ScanForm {
    code: String,
}

/// One unit from the scanner (AS-1). The whole station comes back; htmx swaps it in place, so
/// the answer shows at once and the field is ready for the next unit.
pub async fn scan(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<ScanForm>,
) -> Result<Response, PageError> {
    let (status, answer) = match shop.check_unit(me.actor(), number, &form.code).await {
        Ok(checked) => {
            let accepted = checked.verdict.accepted();
            let text = if accepted {
                me.lang
                    .text_with("scan-accepted", &[("count", checked.units_left.into())])
            } else {
                me.lang.text("refusal-scan_refused")
            };
            let status = if accepted {
                StatusCode::OK
            } else {
                StatusCode::CONFLICT
            };
            let answer = ScanAnswer {
                accepted,
                text,
                detail: verdict_text(&me.lang, &checked.verdict),
            };
            (status, answer)
        }
        Err(app::Error::Store(err)) => return Err(app::Error::Store(err).into()),
        Err(err) => (
            Me::refused_status(&err),
            ScanAnswer {
                accepted: false,
                text: me.explain(&err),
                detail: String::new(),
            },
        ),
    };
    let page = station(&shop, &me, number, Some(answer), None).await?;
    Ok((status, render(&page)).into_response())
}

/// What a scan came to, in the packer's language, from the verdict's own data (AS-1).
fn verdict_text(lang: &Lang, verdict: &ScanVerdict) -> String {
    let line = |line_no: &i64| ("line", FluentValue::from(*line_no));
    let text = |value: &String| FluentValue::from(value.clone());
    match verdict {
        ScanVerdict::Accepted {
            line_no,
            remaining: 0,
        } => lang.text_with("scan-line-complete", &[line(line_no)]),
        ScanVerdict::Accepted { line_no, remaining } => lang.text_with(
            "scan-line-more",
            &[line(line_no), ("count", FluentValue::from(*remaining))],
        ),
        ScanVerdict::AlreadyComplete { line_no } => {
            lang.text_with("scan-already-complete", &[line(line_no)])
        }
        ScanVerdict::WrongVariant {
            line_no,
            expected,
            scanned,
        } => lang.text_with(
            "scan-wrong-variant",
            &[
                line(line_no),
                ("expected", text(expected)),
                ("scanned", text(scanned)),
            ],
        ),
        ScanVerdict::WrongItem { sku } => lang.text_with("scan-wrong-item", &[("sku", text(sku))]),
        ScanVerdict::Unknown => lang.text("scan-unknown"),
    }
}

/// After a form: back to the station with a notice, or the station again with the refusal.
async fn answered<T>(
    shop: &app::Shop,
    me: &Me,
    number: i64,
    outcome: Result<T, app::Error>,
    notice_id: &str,
) -> Result<Response, PageError> {
    match outcome {
        Ok(_) => {
            me.notice(
                shop,
                &me.lang.text_with(notice_id, &[("number", number.into())]),
            )
            .await?;
            Ok(Redirect::to(&format!("/admin/packing/{number}")).into_response())
        }
        Err(app::Error::Store(err)) => Err(app::Error::Store(err).into()),
        Err(err) => {
            let status = Me::refused_status(&err);
            let page = station(shop, me, number, None, Some(me.explain(&err))).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct DefectForm {
    line_no: i64,
    severity: String,
    note: String,
    #[serde(default)]
    discount: String,
}

/// A flaw found in the quality check (AS-2).
pub async fn defect(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<DefectForm>,
) -> Result<Response, PageError> {
    let outcome = match parse_optional_amount(&form.discount, "discount_minor") {
        Ok(discount_minor) => {
            let input = DefectInput {
                line_no: form.line_no,
                severity: form.severity,
                note: form.note,
                discount_minor,
            };
            shop.report_defect(me.actor(), number, &input).await
        }
        Err(err) => Err(err),
    };
    answered(&shop, &me, number, outcome, "station-defect-recorded").await
}

/// An amount typed in major units, empty for none.
pub fn parse_optional_amount(raw: &str, field: &str) -> Result<i64, app::Error> {
    if raw.trim().is_empty() {
        return Ok(0);
    }
    domain::money::parse_amount(raw).map_err(|invalid| app::Error::invalid(field, invalid))
}

#[derive(Debug, Deserialize)]
pub struct PackForm {
    packaging: String,
    weight_grams: String,
}

pub async fn pack(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<PackForm>,
) -> Result<Response, PageError> {
    let outcome = match form.weight_grams.trim().parse::<i64>() {
        Ok(weight_grams) => {
            let input = PackInput {
                packaging: form.packaging,
                weight_grams,
            };
            shop.pack(me.actor(), number, &input).await
        }
        Err(_) => Err(app::Error::field(
            "weight_grams",
            "weight_out_of_range",
            "a parcel weighs 1 g to 70 kg",
        )),
    };
    answered(&shop, &me, number, outcome, "station-packed").await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct HandOverForm {
    tracking_number: String,
    courier_id: String,
}

pub async fn hand_over(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
    Form(form): Form<HandOverForm>,
) -> Result<Response, PageError> {
    let input = HandOverInput {
        tracking_number: Some(form.tracking_number).filter(|t| !t.trim().is_empty()),
        courier_id: form.courier_id.trim().parse().ok(),
    };
    let outcome = shop.hand_over(me.actor(), number, &input).await;
    answered(&shop, &me, number, outcome, "station-handed-over").await
}

#[derive(Template)]
#[template(path = "pages/packing_slip.html")]
struct SlipPrint {
    f: Frame,
    s: PackingStation,
    shop_name: String,
    contact_phone: String,
    contact_email: String,
    contact_address: String,
}

/// The slip that goes into the parcel: the shop's contacts, what is in it, the coupon (AS-3).
pub async fn slip(
    State(shop): State<app::Shop>,
    me: Me,
    Path(number): Path<i64>,
) -> Result<Response, PageError> {
    let s = shop.packing_station(me.actor(), number).await?;
    let settings = &me.settings;
    Ok(render(&SlipPrint {
        f: me.frame("packing", "slip-title"),
        shop_name: settings.name.clone(),
        contact_phone: settings.contact_phone.clone(),
        contact_email: settings.contact_email.clone(),
        contact_address: settings.contact_address.clone(),
        s,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AS-1: the packer reads what is wrong in their own language, with the order's own sizes.
    #[test]
    fn a_refused_scan_says_what_is_wrong_in_the_packers_language() {
        let verdict = ScanVerdict::WrongVariant {
            line_no: 2,
            expected: "Navy / M".into(),
            scanned: "Navy / L".into(),
        };
        let said = |code| verdict_text(&Lang::negotiate(Some(code), None, "en"), &verdict);
        assert_eq!(
            said("en"),
            "wrong size or colour for line 2: it wants Navy / M, this is Navy / L"
        );
        assert_eq!(
            said("nb"),
            "feil størrelse eller farge på linje 2: den skal være Navy / M, denne er Navy / L"
        );
        assert_eq!(
            said("ru"),
            "не тот размер или цвет для строки 2: нужен Navy / M, а это Navy / L"
        );
        let unknown = verdict_text(
            &Lang::negotiate(Some("lv"), None, "en"),
            &ScanVerdict::Unknown,
        );
        assert_eq!(
            unknown,
            "nezināms kods: nevienai precei nav šāda svītrkoda vai SKU"
        );
    }
}
