-- Feeds out (docs/feeds.md): clips an editor marks as featured become podcast:soundbite elements of their episode in
-- GET /feeds/{showSlug}.xml. Nullable with a default so inserts that do not name it keep working; null means false.
ALTER TABLE clip_clip ADD COLUMN featured boolean DEFAULT false;
CREATE INDEX clip_clip_featured ON clip_clip (episode_id, created_at) WHERE featured;
