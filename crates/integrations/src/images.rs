//! The photos an imported product file names by URL, fetched over HTTP: `http` or `https`
//! only, a few redirects, a time limit, and no more bytes than a photo may have.
//!
//! Whoever may import products may name any address, so the server must not become their way
//! into the shop's own network: unless told otherwise, an address on a private, loopback or
//! link-local network is refused, whether the URL names it, a redirect leads to it or a name
//! resolves to it. The check is on the addresses the client connects to, so a name that
//! resolves to a public address for the check and a private one for the fetch gets nowhere.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use app::catalog::{Fetching, ImageFetcher, MAX_PHOTO_BYTES};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

const REFUSED: &str = "the address is on a private network, which imports do not fetch from";

pub struct HttpImageFetcher {
    client: reqwest::Client,
    private_allowed: bool,
}

/// Whether an address is one anybody on the internet reaches, rather than the shop's own
/// network, the machine itself, or a range set aside.
fn public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_unspecified()
                || v4.is_multicast()
                || a == 0
                // Shared address space of carrier-grade NAT, 100.64.0.0/10.
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => public(IpAddr::V4(v4)),
            None => {
                let first = v6.segments()[0];
                !(v6.is_loopback()
                    || v6.is_unspecified()
                    || v6.is_multicast()
                    // Unique local fc00::/7 and link-local fe80::/10.
                    || (first & 0xfe00) == 0xfc00
                    || (first & 0xffc0) == 0xfe80)
            }
        },
    }
}

/// A host the URL names as an address, refused when it is not public.
fn literal_allowed(url: &reqwest::Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.parse::<IpAddr>().is_ok_and(public) || host.parse::<IpAddr>().is_err()
}

/// Resolves names as the system does, keeping only the public addresses.
struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = found.filter(|a| public(a.ip())).collect();
            if public.is_empty() {
                return Err(REFUSED.into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

impl HttpImageFetcher {
    /// A fetcher that refuses addresses on private networks: the one a shop runs.
    pub fn new() -> Result<Self, String> {
        Self::build(false)
    }

    /// A fetcher that also fetches from private networks and the machine itself, for a shop
    /// whose photos are on its own network (and for tests serving them on 127.0.0.1).
    pub fn allowing_private_networks() -> Result<Self, String> {
        Self::build(true)
    }

    fn build(private_allowed: bool) -> Result<Self, String> {
        crate::install_tls();
        let mut builder = reqwest::Client::builder().timeout(std::time::Duration::from_secs(30));
        if private_allowed {
            builder = builder.redirect(reqwest::redirect::Policy::limited(3));
        } else {
            builder = builder.dns_resolver(Arc::new(PublicOnly)).redirect(
                reqwest::redirect::Policy::custom(|attempt| {
                    if attempt.previous().len() >= 3 {
                        attempt.error("too many redirects")
                    } else if literal_allowed(attempt.url()) {
                        attempt.follow()
                    } else {
                        attempt.error(REFUSED)
                    }
                }),
            );
        }
        let client = builder.build().map_err(|e| format!("HTTP client: {e}"))?;
        Ok(Self {
            client,
            private_allowed,
        })
    }
}

impl ImageFetcher for HttpImageFetcher {
    fn fetch<'a>(&'a self, url: &'a str) -> Fetching<'a> {
        Box::pin(async move {
            let parsed = reqwest::Url::parse(url).map_err(|e| format!("not an address: {e}"))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err("only http:// and https:// addresses are fetched".to_owned());
            }
            if !self.private_allowed && !literal_allowed(&parsed) {
                return Err(REFUSED.to_owned());
            }
            let mut response = self.client.get(parsed).send().await.map_err(|e| {
                // The resolver's refusal arrives wrapped in the connection's errors.
                let mut cause: Option<&dyn std::error::Error> = Some(&e);
                while let Some(err) = cause {
                    if err.to_string().contains(REFUSED) {
                        return REFUSED.to_owned();
                    }
                    cause = err.source();
                }
                e.without_url().to_string()
            })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!public(private.parse().expect("an address")), "{private}");
        }
        for open in ["93.184.216.34", "2606:4700::1111", "100.128.0.1"] {
            assert!(public(open.parse().expect("an address")), "{open}");
        }
    }

    #[tokio::test]
    async fn a_private_address_is_refused_however_it_is_named() {
        let fetcher = HttpImageFetcher::new().expect("a client");
        for url in [
            "http://127.0.0.1:9/a.jpg",
            "http://[::1]:9/a.jpg",
            "http://localhost:9/a.jpg",
        ] {
            assert_eq!(fetcher.fetch(url).await, Err(REFUSED.to_owned()), "{url}");
        }
        assert!(
            fetcher
                .fetch("file:///etc/passwd")
                .await
                .is_err_and(|e| e.contains("only http"))
        );
    }
}
