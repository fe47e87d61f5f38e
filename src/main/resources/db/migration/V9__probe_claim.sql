-- SMTP probes shared by the worker processes of one run: the first worker to insert the row for an
-- (address, port) probes it and stores the encoded result; the others wait for it. A worker renews
-- claimed_at while its probe is pending, so a claim whose time stops moving was left by a worker
-- that died, and is taken over. BYTEA is PostgreSQL's type and an alias of H2's BINARY VARYING.
CREATE TABLE probe_claim (
    run_id     BIGINT       NOT NULL REFERENCES scan_run (id) ON DELETE CASCADE,
    address    VARCHAR(64)  NOT NULL,
    port       INT          NOT NULL,
    worker     VARCHAR(200) NOT NULL,    -- host name and process id of the claiming process
    claimed_at TIMESTAMP    NOT NULL,    -- the database's clock at the claim or its last renewal
    result     BYTEA,                    -- ProbeResultCodec's bytes; NULL while the probe is pending
    PRIMARY KEY (run_id, address, port)
);
