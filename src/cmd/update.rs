//! `tiankong generate PATH --update DECK_DIR`.
use std::path::Path;
use std::process::ExitCode;

use crate::cli::GenerateArgs;

pub fn run(_args: &GenerateArgs, _dir: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`generate --update` is not built yet")
}
