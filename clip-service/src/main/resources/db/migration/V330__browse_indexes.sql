-- The front door's reads (browse.BrowseRepository): the home page counts each show's episodes and takes its name and
-- artwork from its most recently applied episode; a show's page lists its episodes newest first. Without these, each
-- read scans every episode: 14-19 ms for the home page at 10,000 episodes, 4-8 ms with the first index.
CREATE INDEX clip_episode_show_updated ON clip_episode (show_id, updated_at DESC, episode_id)
    INCLUDE (published_at, show_slug, show_title, show_image_url) WHERE NOT deleted;
CREATE INDEX clip_episode_show_published ON clip_episode (show_id, published_at DESC NULLS LAST, episode_id)
    WHERE NOT deleted;
CREATE INDEX clip_episode_show_slug ON clip_episode (show_slug) WHERE NOT deleted;
