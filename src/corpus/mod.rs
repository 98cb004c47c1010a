//! corpus (stub; being built).
