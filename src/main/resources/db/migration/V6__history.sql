-- History and retention. Deleting a run's input rows makes the database look up the rows that
-- reference each of them (ON DELETE CASCADE): finding had no index leading with input_row_id, so
-- on PostgreSQL that was a scan of the whole table per deleted row.
CREATE INDEX finding_input_row ON finding (input_row_id);
-- The history listing and "the previous run of the same job".
CREATE INDEX scan_run_job ON scan_run (job_name, started_at);
