//! The photos an imported product file names by URL, fetched over HTTP: `http` or `https`
//! only, a few redirects, a time limit, and no more bytes than a photo may have.

use app::catalog::{Fetching, ImageFetcher, MAX_PHOTO_BYTES};

pub struct HttpImageFetcher {
    client: reqwest::Client,
}

impl HttpImageFetcher {
    pub fn new() -> Result<Self, String> {
        crate::install_tls();
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::limited(3))
            .build()
            .map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Self { client })
    }
}

impl ImageFetcher for HttpImageFetcher {
    fn fetch<'a>(&'a self, url: &'a str) -> Fetching<'a> {
        Box::pin(async move {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err("only http:// and https:// addresses are fetched".to_owned());
            }
            let mut response = self
                .client
                .get(url)
                .send()
                .await
                .map_err(|e| e.without_url().to_string())?;
            let status = response.status();
            if !status.is_success() {
                return Err(format!("the server answered {status}"));
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = response
                .chunk()
                .await
                .map_err(|e| e.without_url().to_string())?
            {
                bytes.extend_from_slice(&chunk);
                if bytes.len() > MAX_PHOTO_BYTES {
                    return Err("the file is larger than 20 MB".to_owned());
                }
            }
            Ok(bytes)
        })
    }
}
