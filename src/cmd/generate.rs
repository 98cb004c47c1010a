//! `tiankong generate`.
use std::process::ExitCode;

use crate::cli::{GenerateArgs, Global};

pub fn run(_global: &Global, _args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`generate` is not built yet")
}
