//! The shopdesk command line.

mod backup;
mod bench;
mod demo;
mod import;
mod promise_eval;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use domain::access::Role;

#[derive(Parser)]
#[command(
    name = "shopdesk",
    version,
    about = "The back office and storefront of an online shop"
)]
struct Cli {
    #[command(flatten)]
    database: Database,
    #[command(flatten)]
    channels: Channels,
    /// The reverse proxies in front of the shop (addresses or networks, separated by commas):
    /// only their `X-Forwarded-For` is believed when counting failed logins and messages.
    #[arg(long, global = true, env = "SHOPDESK_TRUSTED_PROXIES", default_value = "",
          value_parser = web::TrustedProxies::parse)]
    trusted_proxies: web::TrustedProxies,
    /// How log lines are written: `text` for a person, `json` (one object a line, with the
    /// request's id) for a log collector.
    #[arg(
        long,
        global = true,
        env = "SHOPDESK_LOG_FORMAT",
        default_value = "text"
    )]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the shop over HTTP.
    Serve {
        #[arg(long, env = "SHOPDESK_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Do not run due jobs in this process (run `shopdesk worker` elsewhere).
        #[arg(long)]
        no_worker: bool,
    },
    /// Run due jobs (payment deadlines, reminders, call follow-ups) without serving HTTP.
    Worker,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Write a consistent copy of the SQLite database to FILE while the shop serves.
    Backup {
        /// The new file to write; an existing one is never overwritten.
        file: std::path::PathBuf,
    },
    /// Put a SQLite backup in place of the database (stop the shop first); order numbers then
    /// jump past any handed out since the backup.
    Restore {
        file: std::path::PathBuf,
        /// Replace the database that is there.
        #[arg(long)]
        force: bool,
        /// Order numbers skipped after the highest in the backup.
        #[arg(long, default_value_t = backup::DEFAULT_GAP, value_parser = clap::value_parser!(i64).range(1..))]
        gap: i64,
    },
    /// After a database was restored by other means (pg_restore), make order numbers jump past
    /// any handed out since its backup.
    SkipNumbers {
        /// Order numbers skipped after the highest in the database.
        #[arg(long, default_value_t = backup::DEFAULT_GAP, value_parser = clap::value_parser!(i64).range(1..))]
        gap: i64,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Manage the people of the back office.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Fill a database with a believable demo shop, print how to reach it, and serve it.
    Demo {
        #[arg(long, env = "SHOPDESK_LISTEN", default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Build the demo and exit without serving.
        #[arg(long)]
        no_serve: bool,
    },
    /// The delivery promise: measure it on real orders.
    Promise {
        #[command(subcommand)]
        command: PromiseCommand,
    },
    /// Read another shop's export into the catalogue or the stock ledger.
    Import {
        #[command(subcommand)]
        command: import::ImportCommand,
    },
    /// Write the catalogue or the stock for another shop or a spreadsheet.
    Export {
        #[command(subcommand)]
        command: import::ExportCommand,
    },
    /// Measure the shop's speed against a plain-SQL baseline in the same run.
    Bench {
        #[command(subcommand)]
        command: bench::BenchCommand,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// Logs to standard output, filtered by `RUST_LOG`. The JSON lines carry the fields of
    /// every span they were written in: a request's id and route, a job's id and kind.
    fn install(self) {
        let filter = tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| "info,sqlx=warn".into());
        let logs = tracing_subscriber::fmt().with_env_filter(filter);
        match self {
            Self::Text => logs.init(),
            Self::Json => logs.json().flatten_event(true).init(),
        }
    }
}

/// The database and how it keeps what it is told.
#[derive(clap::Args)]
struct Database {
    /// The database: `sqlite://path` (created if missing) or `postgres://user@host/db`.
    #[arg(
        long = "database-url",
        global = true,
        env = "SHOPDESK_DATABASE_URL",
        default_value = "sqlite://shopdesk.db"
    )]
    url: String,
    /// How SQLite puts commits on disk: `full` keeps every acknowledged order through a power
    /// cut; `normal` writes faster and may lose the last moments before one.
    #[arg(
        long,
        global = true,
        env = "SHOPDESK_SQLITE_SYNCHRONOUS",
        default_value = "full"
    )]
    sqlite_synchronous: store::Synchronous,
}

/// Where messages go; a channel left out keeps its messages in the outbox.
#[derive(clap::Args)]
struct Channels {
    /// `smtp://user:password@host:587?tls=required`, `smtps://host`, or `smtp://host:25`.
    #[arg(long, global = true, env = "SHOPDESK_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// The sender of emails, such as `Shop <hello@shop.example>`.
    #[arg(long, global = true, env = "SHOPDESK_MAIL_FROM")]
    mail_from: Option<String>,
    /// The SMS gateway's endpoint (messages are POSTed as JSON).
    #[arg(long, global = true, env = "SHOPDESK_SMS_URL")]
    sms_url: Option<String>,
    #[arg(
        long,
        global = true,
        env = "SHOPDESK_SMS_TOKEN",
        hide_env_values = true
    )]
    sms_token: Option<String>,
    /// The gateway's JSON body with `{to}`, `{text}` and `{id}`.
    #[arg(long, global = true, env = "SHOPDESK_SMS_BODY")]
    sms_body: Option<String>,
    /// An outgoing webhook for a messenger the shop connects itself.
    #[arg(long, global = true, env = "SHOPDESK_WEBHOOK_URL")]
    webhook_url: Option<String>,
    #[arg(
        long,
        global = true,
        env = "SHOPDESK_WEBHOOK_SECRET",
        hide_env_values = true
    )]
    webhook_secret: Option<String>,
    /// The key carriers sign their status reports with (HMAC-SHA256); without it, carrier
    /// reports are refused and parcels are updated by hand.
    #[arg(
        long,
        global = true,
        env = "SHOPDESK_CARRIER_SECRET",
        hide_env_values = true
    )]
    carrier_secret: Option<String>,
    /// Stripe's API; its keys are set by the owner (`PUT /api/v1/settings/secrets/...`).
    #[arg(
        long,
        global = true,
        env = "SHOPDESK_STRIPE_API",
        default_value = "https://api.stripe.com"
    )]
    stripe_api: String,
    /// Let a product import fetch photos from private networks and this machine, for photos
    /// kept on the shop's own network; without it such addresses are refused.
    #[arg(long, global = true, env = "SHOPDESK_IMPORT_PRIVATE_NETWORKS")]
    import_private_networks: bool,
}

impl Channels {
    fn transports(&self) -> anyhow::Result<app::messaging::Transports> {
        let secret = |v: &Option<String>| v.clone().map(secrecy::SecretString::from);
        let config = integrations::Config {
            smtp_url: secret(&self.smtp_url),
            mail_from: self.mail_from.clone(),
            sms_url: self.sms_url.clone(),
            sms_token: secret(&self.sms_token),
            sms_body: self.sms_body.clone(),
            webhook_url: self.webhook_url.clone(),
            webhook_secret: secret(&self.webhook_secret),
        };
        integrations::transports(&config).map_err(|e| anyhow::anyhow!(e))
    }
}

#[derive(Subcommand)]
enum PromiseCommand {
    /// Replay real delivered orders in purchase order, promise each from what was known at the
    /// time, and compare with the date the marketplace itself promised.
    Evaluate {
        /// A directory holding `orders.csv.gz` in the Olist columns.
        #[arg(long, default_value = "../shared/data/olist")]
        olist: std::path::PathBuf,
        /// Score the orders placed from this date on; earlier ones only teach the model.
        #[arg(long, default_value = "2018-01-01")]
        from: jiff::civil::Date,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
        /// Replay only this percentage of the orders, picked by a hash of each order's id and
        /// the seed: a shop with a thinner history.
        #[arg(long)]
        sample: Option<f64>,
        /// The seeds of the subsets, one replay each (`--seed 1 --seed 2`); with `--sample`.
        #[arg(long = "seed", default_values_t = [1, 2, 3], requires = "sample")]
        seeds: Vec<u64>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make a new API token; the token is the last word printed.
    Create {
        #[arg(long, value_parser = parse_role, required_unless_present = "user", conflicts_with = "user")]
        role: Option<Role>,
        /// The email of a person of the back office the token acts as, with their role: a
        /// courier's app reads that courier's stops.
        #[arg(long)]
        user: Option<String>,
        /// A name to recognise the token by in the timeline.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a person to the back office; their password is the last word printed.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The name shown in the back office; the email's local part when left out.
        #[arg(long)]
        name: Option<String>,
    },
    /// Give a person a new password, ending their sessions and clearing their failed logins;
    /// the password is the last word printed. For an owner who cannot log in.
    ResetPassword { email: String },
}

fn parse_role(raw: &str) -> Result<Role, String> {
    Role::parse(raw).map_err(|e| e.message)
}

/// The database with its schema up to date.
async fn migrated(database: &Database) -> anyhow::Result<store::Store> {
    let url = &database.url;
    let store = store::Store::connect_with(url, database.sqlite_synchronous)
        .await
        .with_context(|| format!("cannot open the database at {url}"))?;
    store
        .migrate()
        .await
        .context("cannot bring the database schema up to date")?;
    Ok(store)
}

async fn open(database: &Database, channels: &Channels) -> anyhow::Result<app::Shop> {
    let store = migrated(database).await?;
    let transports = channels.transports().context("message channels")?;
    let poster = integrations::HttpPoster::new().map_err(|e| anyhow::anyhow!(e))?;
    let stripe = integrations::Stripe::new(&channels.stripe_api).map_err(|e| anyhow::anyhow!(e))?;
    let images = if channels.import_private_networks {
        integrations::HttpImageFetcher::allowing_private_networks()
    } else {
        integrations::HttpImageFetcher::new()
    }
    .map_err(|e| anyhow::anyhow!(e))?;
    Ok(app::Shop::new(store, Arc::new(app::SystemClock))
        .with_transports(transports)
        .with_image_fetcher(Arc::new(images))
        .with_stripe(Arc::new(stripe))
        .with_webhook_poster(Arc::new(poster))
        .with_carrier_secret(channels.carrier_secret.as_deref().unwrap_or("")))
}

/// Runs due jobs until the process stops. Several workers may share one PostgreSQL database.
async fn work(shop: app::Shop) {
    let name = format!(
        "worker-{}-{}",
        std::process::id(),
        jiff::Timestamp::now().as_millisecond()
    );
    loop {
        // The day's jobs (after-sale AF-7..9, old carts): added once by whichever worker is first.
        if let Err(err) = shop.schedule_daily_jobs().await {
            tracing::error!(error = %err, "scheduling the daily jobs failed");
        }
        match shop.run_due_jobs(&name, 50).await {
            Ok(0) => tokio::time::sleep(std::time::Duration::from_secs(1)).await,
            Ok(_) => {}
            Err(err) => {
                tracing::error!(error = %err, "running jobs failed");
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            }
        }
    }
}

async fn serve(
    shop: app::Shop,
    listen: SocketAddr,
    with_worker: bool,
    proxies: web::TrustedProxies,
) -> anyhow::Result<()> {
    let listener = listen_on(listen).await?;
    serve_on(listener, shop, with_worker, proxies).await
}

async fn listen_on(listen: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    tracing::info!("shopdesk listening on http://{listen}");
    Ok(listener)
}

async fn serve_on(
    listener: tokio::net::TcpListener,
    shop: app::Shop,
    with_worker: bool,
    proxies: web::TrustedProxies,
) -> anyhow::Result<()> {
    if with_worker {
        tokio::spawn(work(shop.clone()));
    }
    web::serve(listener, shop, proxies).await?;
    Ok(())
}

/// The person of the back office with this email.
async fn user_by_email(shop: &app::Shop, email: &str) -> anyhow::Result<app::backoffice::UserView> {
    let wanted = email.trim().to_lowercase();
    shop.users(&app::access::Actor::system())
        .await?
        .into_iter()
        .find(|u| u.email == wanted)
        .with_context(|| format!("no one in the back office has the email {email}"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    cli.log_format.install();
    integrations::install_tls();
    match cli.command {
        Command::Serve { listen, no_worker } => {
            serve(
                open(&cli.database, &cli.channels).await?,
                listen,
                !no_worker,
                cli.trusted_proxies,
            )
            .await
        }
        Command::Worker => {
            let shop = open(&cli.database, &cli.channels).await?;
            tracing::info!("shopdesk worker running");
            tokio::select! {
                () = work(shop) => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            Ok(())
        }
        Command::Migrate => {
            open(&cli.database, &cli.channels).await?;
            println!("The database at {} is up to date.", cli.database.url);
            Ok(())
        }
        Command::Backup { file } => backup::backup(&cli.database.url, &file).await,
        Command::Restore { file, force, gap } => {
            backup::restore(&cli.database, &file, force, gap).await
        }
        Command::SkipNumbers { gap } => {
            let shop = open(&cli.database, &cli.channels).await?;
            let next = backup::skip_numbers(shop.store(), gap).await?;
            println!("The next order is number {next}.");
            Ok(())
        }
        Command::Token {
            command: TokenCommand::Create { role, user, name },
        } => {
            let shop = open(&cli.database, &cli.channels).await?;
            let (token, whose) = match (user, role) {
                (Some(email), _) => {
                    let user = user_by_email(&shop, &email).await?;
                    let system = app::access::Actor::system();
                    let token = shop.create_user_token(&system, &name, user.id).await?;
                    (token, format!("acting as {}", user.email))
                }
                (None, Some(role)) => (
                    shop.create_token(&name, role).await?,
                    role.as_str().to_owned(),
                ),
                (None, None) => anyhow::bail!("give --role or --user"),
            };
            println!("New token '{name}' ({whose}): {token}");
            Ok(())
        }
        Command::User {
            command: UserCommand::Create { email, role, name },
        } => {
            let shop = open(&cli.database, &cli.channels).await?;
            let name =
                name.unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
            let input = app::backoffice::NewUser {
                email,
                name,
                role: role.as_str().into(),
            };
            let login = shop
                .create_user(&app::access::Actor::system(), &input)
                .await?;
            println!(
                "New {} '{}' can log in at /admin with the password: {}",
                role.as_str(),
                login.user.email,
                login.password
            );
            Ok(())
        }
        Command::User {
            command: UserCommand::ResetPassword { email },
        } => {
            let shop = open(&cli.database, &cli.channels).await?;
            let system = app::access::Actor::system();
            let user = user_by_email(&shop, &email).await?;
            let login = shop.reset_password(&system, user.id).await?;
            println!(
                "{} can log in at /admin with the new password: {}",
                login.user.email, login.password
            );
            Ok(())
        }
        Command::Demo { listen, no_serve } => {
            let shop = open(&cli.database, &cli.channels).await?;
            let built = demo::build(shop.store()).await?;
            let token = shop.create_token("demo", Role::Owner).await?;
            // The ways in come last, after every log line of building and starting, so they
            // are what a newcomer sees on the screen.
            let listener = if no_serve {
                None
            } else {
                Some(listen_on(listen).await?)
            };
            println!("{}\n", built.summary);
            println!("Shop:        http://{listen}/");
            print!("{}", built.staff.at(&format!("http://{listen}/admin")));
            println!("API docs:    http://{listen}/api/docs");
            println!("The owner's API token, for the README's tour:");
            println!("  export T={token}");
            println!("  curl -H \"Authorization: Bearer $T\" http://{listen}/api/v1/orders");
            match listener {
                Some(listener) => serve_on(listener, shop, true, cli.trusted_proxies).await,
                None => Ok(()),
            }
        }
        Command::Promise {
            command:
                PromiseCommand::Evaluate {
                    olist,
                    from,
                    json,
                    sample,
                    seeds,
                },
        } => {
            let policy = domain::promise::PromisePolicy::default();
            match sample {
                Some(percent) => {
                    let sampled =
                        promise_eval::evaluate_samples(&olist, from, policy, percent, &seeds)?;
                    if json {
                        println!("{}", serde_json::to_string(&sampled)?);
                    } else {
                        print!("{}", sampled.table());
                    }
                }
                None => {
                    let evaluation = promise_eval::evaluate(&olist, from, policy)?;
                    if json {
                        println!("{}", serde_json::to_string(&evaluation)?);
                    } else {
                        print!("{}", evaluation.table());
                    }
                }
            }
            Ok(())
        }
        Command::Import {
            command: import::ImportCommand::Products { file, dry_run },
        } => {
            let shop = open(&cli.database, &cli.channels).await?;
            import::import(&shop, &file, dry_run, import::Into::Products).await
        }
        Command::Import {
            command: import::ImportCommand::Stock { file, dry_run },
        } => {
            let shop = open(&cli.database, &cli.channels).await?;
            import::import(&shop, &file, dry_run, import::Into::Stock).await
        }
        Command::Export { command } => {
            let shop = open(&cli.database, &cli.channels).await?;
            let system = app::access::Actor::system();
            match command {
                import::ExportCommand::Products { file } => import::write_export(
                    &shop.export_products(&system).await?,
                    file.as_deref(),
                    "The catalogue",
                ),
                import::ExportCommand::Stock { file } => import::write_export(
                    &shop.export_stock(&system).await?,
                    file.as_deref(),
                    "The stock",
                ),
            }
        }
        Command::Bench { command } => bench::run(command).await,
    }
}
