-- The catalog's guid of each episode (as its source feed or editor gave it), so the feed that goes back out keeps the
-- guids podcast apps already know. Null for rows written before this column: the feed falls back to a podclip id.
ALTER TABLE clip_episode ADD COLUMN guid text;
