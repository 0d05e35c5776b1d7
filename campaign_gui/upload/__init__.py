"""upload: everything from a validated result to the provider (no Qt).

jobs (create a job from a validated result, summaries) → journal / journal_resolve (the SQLite journal and its
resolution SQL) under locking's data-directory lock → engine (the run loop) and its collaborators: pacing,
retry decisions, progress snapshots → report (the .xlsx result report). Takes from reading/ only the row types
it journals (reading.types).
"""
