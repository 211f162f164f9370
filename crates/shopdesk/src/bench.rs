use clap::Subcommand;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Orders per second through the HTTP API.
    Intake,
}

pub async fn run(_command: BenchCommand) -> anyhow::Result<()> {
    Ok(())
}
