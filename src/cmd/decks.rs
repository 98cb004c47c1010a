//! `tiankong decks`.
use std::process::ExitCode;

use crate::cli::{JsonArgs, Global};

pub fn run(_global: &Global, _args: &JsonArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`decks` is not built yet")
}
