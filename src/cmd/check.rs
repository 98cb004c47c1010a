//! `tiankong check`.
use std::process::ExitCode;

use crate::cli::{CheckArgs, Global};

pub fn run(_global: &Global, _args: &CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`check` is not built yet")
}
