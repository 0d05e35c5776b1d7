"""Plain types and pure functions shared by every layer (no Qt, no I/O)."""
