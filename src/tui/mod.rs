//! tui (stub; being built).
