//! study (stub; being built).
