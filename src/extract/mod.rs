//! extract (stub; being built).
pub mod key_sentences;
