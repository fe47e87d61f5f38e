-- Totals of a finished run, kept with it so that history listings need no aggregation.
ALTER TABLE scan_run ADD COLUMN rows_read BIGINT;
ALTER TABLE scan_run ADD COLUMN rows_accepted BIGINT;
ALTER TABLE scan_run ADD COLUMN rows_duplicate BIGINT;
ALTER TABLE scan_run ADD COLUMN rows_rejected BIGINT;
ALTER TABLE scan_run ADD COLUMN domains_scanned BIGINT;
ALTER TABLE scan_run ADD COLUMN domains_inconclusive BIGINT;
