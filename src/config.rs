//! Settings (stub; being built).
