-- A show deleted through the API must not be held back by the feeds that imported it: the feed forgets its show
-- (the next poll creates it again) and the item hashes of the show go with it (so every item is imported again).
ALTER TABLE feeds DROP CONSTRAINT feeds_show_id_fkey,
    ADD CONSTRAINT feeds_show_id_fkey FOREIGN KEY (show_id) REFERENCES shows (id) ON DELETE SET NULL;
ALTER TABLE feed_items DROP CONSTRAINT feed_items_show_id_fkey,
    ADD CONSTRAINT feed_items_show_id_fkey FOREIGN KEY (show_id) REFERENCES shows (id) ON DELETE CASCADE;
