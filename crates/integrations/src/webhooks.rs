//! The owner's webhook endpoints over HTTP: each delivery one POST, its answer's status back to
//! the worker, which decides about retries.

use app::webhooks::{Post, Poster, Posting};

pub struct HttpPoster {
    client: reqwest::Client,
}

impl HttpPoster {
    pub fn new() -> Result<Self, String> {
        crate::install_tls();
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(20))
            // A redirect would carry the signed body somewhere the owner did not name.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Self { client })
    }
}

impl Poster for HttpPoster {
    fn post<'a>(&'a self, post: Post<'a>) -> Posting<'a> {
        Box::pin(async move {
            let mut request = self.client.post(post.url);
            for (name, value) in post.headers {
                request = request.header(name, value);
            }
            let response = request
                .body(post.body.to_owned())
                .send()
                .await
                .map_err(|e| e.without_url().to_string())?;
            Ok(response.status().as_u16())
        })
    }
}
