//! store (stub; being built).
