//! `tiankong import`.
use std::process::ExitCode;

use crate::cli::{ImportArgs, Global};

pub fn run(_global: &Global, _args: &ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`import` is not built yet")
}
