"""upload: everything from a validated result to the provider (no Qt).

jobs (create a job from a validated result, summaries) → journal (the SQLite journal's one handle and its SQL;
its tables, states and records in journal_schema, its failures in journal_errors, the resolution SQL in
journal_resolve) under locking's data-directory lock → engine (the run loop) wiring its collaborators: control
(pause/cancel/interrupt and waits), batches (pending rows paged out of the journal), sender (one batch until it has
outcomes: pacing, retry decisions, halving, rate limits), flows (Alohub import jobs, Dynamic Messaging's create-once),
recorder (outcomes into the journal, one commit per batch), verify (flagged rows read back at the
provider and resolved), answers (a provider's answer as row outcomes), progress
snapshots → report (the .xlsx result report). Takes from reading/ only the row types it journals (reading.types).
"""
