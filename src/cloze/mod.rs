//! cloze (stub; being built).
