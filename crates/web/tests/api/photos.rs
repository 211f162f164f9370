//! A product's photos through the API (AS-1): checked, turned upright, stripped of what the
//! camera wrote, resized, served by their content and shown wherever the product is.

use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};

use crate::helpers::{TestApp, on_each_backend};
use crate::pictures::{WHERE_TAKEN, decode, jpeg, png};
use crate::storefront::{page_with_cart, put_in_cart};

const NAVY: [u8; 3] = [20, 40, 120];
const RED: [u8; 3] = [200, 30, 30];

/// A scarf in navy and red, with stock of both.
async fn scarf(app: &TestApp) -> i64 {
    app.post_ok(
        "/locations",
        json!({"code": "WH1", "name": "Warehouse", "kind": "warehouse", "city": "Oslo"}),
        StatusCode::CREATED,
    )
    .await;
    let made = app
        .post_ok(
            "/products",
            json!({"title": "Scarf", "description": "Soft wool.", "category": "scarves", "variants": [
                {"sku": "SCARF-NAVY", "options": {"colour": "Navy"}, "price_minor": 39900},
                {"sku": "SCARF-RED", "options": {"colour": "Red"}, "price_minor": 39900}
            ]}),
            StatusCode::CREATED,
        )
        .await;
    app.set_stock("SCARF-NAVY", "WH1", 5, "A-1").await;
    app.set_stock("SCARF-RED", "WH1", 5, "A-2").await;
    made["id"].as_i64().expect("an id")
}

fn file(name: &str, bytes: Vec<u8>) -> Part {
    Part::bytes(bytes).file_name(name.to_owned())
}

pub(crate) async fn upload(app: &TestApp, id: i64, form: Form) -> (StatusCode, Value) {
    let response = app
        .client
        .post(app.url(&format!("/products/{id}/photos")))
        .bearer_auth(&app.token)
        .multipart(form)
        .send()
        .await
        .expect("request");
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn fetch(app: &TestApp, url: &str, etag: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(format!("{}{url}", app.base));
    if let Some(etag) = etag {
        request = request.header(reqwest::header::IF_NONE_MATCH, etag);
    }
    request.send().await.expect("request")
}

fn widths(photo: &Value) -> Vec<i64> {
    photo["sizes"]
        .as_array()
        .expect("sizes")
        .iter()
        .map(|s| s["width"].as_i64().expect("a width"))
        .collect()
}

fn largest(photo: &Value) -> String {
    let sizes = photo["sizes"].as_array().expect("sizes");
    sizes[sizes.len() - 1]["url"]
        .as_str()
        .expect("a url")
        .to_owned()
}

#[tokio::test]
async fn as1_a_phone_photo_is_turned_upright_stripped_of_where_it_was_taken_and_resized() {
    on_each_backend(|app: TestApp| async move {
        let id = scarf(&app).await;
        // A phone held upright writes a landscape picture and the EXIF turn to show it.
        let form = Form::new()
            .part(
                "photos",
                file("IMG_0001.jpg", jpeg(1600, 1000, NAVY, Some(6))),
            )
            .text("colour", "Navy")
            .text("alt.en", "The navy scarf, folded");
        let (status, photos) = upload(&app, id, form).await;
        assert_eq!(status, StatusCode::CREATED, "{photos}");
        let photo = &photos[0];
        assert_eq!(photo["colour"], "Navy");
        assert_eq!(photo["alt"]["en"], "The navy scarf, folded");
        assert_eq!(photo["file_name"], "IMG_0001.jpg");
        // Upright it is 1000 wide: kept in the widths below it and in its own.
        assert_eq!(widths(photo), vec![160, 320, 640, 1000]);
        assert_eq!(photo["sizes"][3]["height"], 1600);
        assert_eq!(photo["sizes"][0]["height"], 256);

        let url = largest(photo);
        let served = fetch(&app, &url, None).await;
        assert_eq!(served.status(), StatusCode::OK);
        let headers = served.headers().clone();
        assert_eq!(headers["content-type"], "image/jpeg");
        assert_eq!(
            headers["cache-control"],
            "public, max-age=31536000, immutable"
        );
        let etag = headers["etag"].to_str().expect("an etag").to_owned();
        let bytes = served.bytes().await.expect("bytes");
        let pixels = decode(&bytes);
        assert_eq!(pixels.dimensions(), (1000, 1600));
        // The dark band the camera wrote along the top is on the right once turned clockwise.
        let right = pixels.get_pixel(990, 800).0;
        let left = pixels.get_pixel(10, 800).0;
        assert!(right[2] < 60 && left[2] > 90, "{right:?} {left:?}");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Exif") && !text.contains(WHERE_TAKEN));

        // A browser that holds it is told so, and the address names the content.
        let again = fetch(&app, &url, Some(&etag)).await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(
            fetch(&app, &url.replace(&url[7..15], "00000000"), None)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
    })
    .await;
}

#[tokio::test]
async fn a_file_that_is_no_photo_is_refused_by_its_name_and_none_of_the_upload_is_kept() {
    on_each_backend(|app: TestApp| async move {
        let id = scarf(&app).await;
        let refused = |form: Form| {
            let app = &app;
            async move {
                let (status, body) = upload(app, id, form).await;
                assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
                body["error"].clone()
            }
        };
        let good = || file("scarf.png", png(800, 600, RED));

        let body = refused(Form::new().part("photos", good()).part(
            "photos",
            file("notes.txt", b"a list of things to pack".to_vec()),
        ))
        .await;
        assert_eq!(body["field"], "photos[1]");
        assert_eq!(body["code"], "photo_not_an_image");
        assert!(
            body["message"]
                .as_str()
                .expect("text")
                .contains("notes.txt")
        );

        let body = refused(Form::new().part("photos", file("icon.png", png(20, 20, RED)))).await;
        assert_eq!(body["code"], "photo_dimensions");
        let body = refused(Form::new().part(
            "photos",
            file("huge.jpg", vec![0xFF; 20 * 1024 * 1024 + 10]),
        ))
        .await;
        assert_eq!(
            (body["field"].as_str(), body["code"].as_str()),
            (Some("photos[0]"), Some("photo_too_large"))
        );
        let body = refused(Form::new().part("photos", good()).text("colour", "Green")).await;
        assert_eq!(body["field"], "colour");
        let body = refused(Form::new().part("photos", good()).text("alt.de", "Schal")).await;
        assert_eq!(body["field"], "alt.de");
        let body = refused(Form::new().text("colour", "Red")).await;
        assert_eq!(body["field"], "photos");

        // Nothing of any of them is kept.
        assert_eq!(
            app.get_ok(&format!("/products/{id}/photos")).await,
            json!([])
        );
        // A packer may look at the photos but not add one.
        let packer = app
            .shop
            .create_token("packer", domain::access::Role::Packer)
            .await
            .expect("a token");
        let status = app
            .client
            .post(app.url(&format!("/products/{id}/photos")))
            .bearer_auth(&packer)
            .multipart(Form::new().part("photos", good()))
            .send()
            .await
            .expect("request")
            .status();
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn photos_follow_the_colour_on_the_storefront_and_keep_the_owners_order() {
    on_each_backend(|app: TestApp| async move {
        app.configure(|s| s["languages"] = json!(["en", "ru"]))
            .await;
        let id = scarf(&app).await;
        let (_, navy) = upload(
            &app,
            id,
            Form::new()
                .part("photos", file("navy.jpg", jpeg(900, 900, NAVY, None)))
                .text("colour", "Navy")
                .text("alt.ru", "Тёмно-синий шарф"),
        )
        .await;
        let (status, all) = upload(
            &app,
            id,
            Form::new()
                .part("photos", file("red.jpg", jpeg(900, 900, RED, None)))
                .part("photos", file("label.png", png(400, 300, [240, 240, 240])))
                .text("colour", "Red"),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{all}");
        let ids: Vec<i64> = all
            .as_array()
            .expect("photos")
            .iter()
            .map(|p| p["id"].as_i64().expect("an id"))
            .collect();
        assert_eq!(ids.len(), 3);
        let navy_url = largest(&navy[0]);
        let red_url = largest(&all[1]);

        // The product page shows the photos of the colour chosen; the Russian reader reads
        // the Russian alt text.
        let (_, page) = app.page(&format!("/products/{id}?colour=Red")).await;
        assert!(
            page.contains(&red_url) && page.contains(&navy_url),
            "{page}"
        );
        let navy_figure = page
            .split("<figure")
            .find(|f| f.contains(&navy_url))
            .expect("the navy photo");
        assert!(
            navy_figure.starts_with(r#" data-colour="Navy" hidden"#),
            "{navy_figure}"
        );
        let (_, page) = app.page(&format!("/products/{id}?colour=Navy")).await;
        let red_figure = page
            .split("<figure")
            .find(|f| f.contains(&red_url))
            .expect("the red photo");
        assert!(red_figure.contains("hidden"));
        let ru = app
            .client
            .get(format!("{}/products/{id}?colour=Navy", app.base))
            .header("accept-language", "ru")
            .send()
            .await
            .expect("request")
            .text()
            .await
            .expect("html");
        assert!(ru.contains(r#"alt="Тёмно-синий шарф""#));

        // The catalogue shows the first photo; the owner puts the label first.
        let (_, catalogue) = app.page("/").await;
        assert!(catalogue.contains(&navy[0]["sizes"][0]["url"].as_str().expect("url").to_owned()));
        let order = json!({"order": [ids[2], ids[0], ids[1]]});
        let (status, reordered) = app
            .put(&format!("/products/{id}/photos/order"), order)
            .await;
        assert_eq!(status, StatusCode::OK, "{reordered}");
        assert_eq!(reordered[0]["file_name"], "label.png");
        let (_, catalogue) = app.page("/").await;
        assert!(catalogue.contains(reordered[0]["sizes"][0]["url"].as_str().expect("url")));
        let (status, _) = app
            .put(
                &format!("/products/{id}/photos/order"),
                json!({"order": [ids[0]]}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // The cart shows each line's own colour.
        let cart = put_in_cart(&app, "SCARF-RED", "1").await;
        let page = page_with_cart(&app, &cart, "/cart").await;
        // The label, put first and also marked red, is the red line's photo now.
        let label = reordered[0]["sizes"][0]["url"].as_str().expect("url");
        assert!(page.contains(label), "{page}");
        assert!(!page.contains(&navy_url));

        // A photo removed is no longer served.
        let (status, left) = app
            .delete(&format!("/products/{id}/photos/{}", ids[0]))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(left.as_array().map(Vec::len), Some(2));
        assert_eq!(
            fetch(&app, &navy_url, None).await.status(),
            StatusCode::NOT_FOUND
        );
    })
    .await;
}
