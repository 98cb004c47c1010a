//! `tiankong import`.
use std::process::ExitCode;

use crate::cli::{Global, ImportArgs};

pub fn run(_global: &Global, _args: &ImportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`import` is not built yet")
}
