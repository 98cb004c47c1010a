//! extract (stub; being built).
