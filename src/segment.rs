//! The one jieba-rs wrapper (stub; being built).
