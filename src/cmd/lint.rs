//! `tiankong lint`.
use std::process::ExitCode;

use crate::cli::{Global, LintArgs};

pub fn run(_global: &Global, _args: &LintArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`lint` is not built yet")
}
