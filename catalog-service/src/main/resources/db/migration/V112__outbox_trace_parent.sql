-- The W3C traceparent of the write that made the row (null when tracing is off): the relay continues that trace when
-- it publishes, and puts it in the record's headers for clip-service. Parked rows keep it for their replay.
ALTER TABLE outbox_events ADD COLUMN trace_parent varchar(55);
ALTER TABLE outbox_parked ADD COLUMN trace_parent varchar(55);
