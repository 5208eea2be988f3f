-- The show's cover art, carried by every episode snapshot: a clip's video shows it (or its chapter's image) where it
-- would otherwise draw a card. Rows from before fill in as their episodes are next applied or rebuilt.
ALTER TABLE clip_episode ADD COLUMN show_image_url text;
