//! The nightly backups of a SQLite shop: each night one consistent copy of the database in a
//! folder, named by its date (`shopdesk-2026-03-03.db`), and only the newest few kept.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::{Error, Result, Store};

const PREFIX: &str = "shopdesk-";
const SUFFIX: &str = ".db";

/// What a night's backup did.
#[derive(Debug)]
pub struct Night {
    pub file: PathBuf,
    /// `false` when the night's copy was already there (the job ran again after a crash).
    pub written: bool,
    /// The older copies removed to keep the number the shop asked for.
    pub removed: Vec<PathBuf>,
}

/// Writes the copy for `day` into `folder` unless it is there, then removes the oldest copies
/// beyond `keep`. The copy is written under a temporary name and renamed once it is whole and
/// on disk, so a crash halfway never leaves a broken file under a backup's name.
pub async fn nightly(store: &Store, folder: &Path, day: Date, keep: usize) -> Result<Night> {
    std::fs::create_dir_all(folder).map_err(Error::file(folder))?;
    let file = folder.join(format!("{PREFIX}{day}{SUFFIX}"));
    let written = !file.exists();
    if written {
        let partial = file.with_extension("db.partial");
        match std::fs::remove_file(&partial) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::file(&partial)(err));
            }
            _ => {}
        }
        store.backup_into(&partial.to_string_lossy()).await?;
        std::fs::rename(&partial, &file).map_err(Error::file(&file))?;
        std::fs::File::open(folder)
            .and_then(|f| f.sync_all())
            .map_err(Error::file(folder))?;
    }
    let removed = remove_beyond(folder, keep)?;
    Ok(Night {
        file,
        written,
        removed,
    })
}

/// Removes the oldest dated copies in `folder` beyond the newest `keep`; other files stay.
fn remove_beyond(folder: &Path, keep: usize) -> Result<Vec<PathBuf>> {
    let mut copies: Vec<(Date, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(Error::file(folder))? {
        let path = entry.map_err(Error::file(folder))?.path();
        let day = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?.parse().ok());
        if let Some(day) = day {
            copies.push((day, path));
        }
    }
    copies.sort();
    let beyond = copies.len().saturating_sub(keep);
    let mut removed = Vec::new();
    for (_, path) in copies.into_iter().take(beyond) {
        std::fs::remove_file(&path).map_err(Error::file(&path))?;
        removed.push(path);
    }
    Ok(removed)
}
