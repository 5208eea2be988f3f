package dev.podclip.clip.clips;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits and settings of stored and stateless clips. Every value has a default here, so application.properties
 * needs no entry; override with {@code clip.clips.*} properties or {@code CLIP_CLIPS_*} environment variables.
 */
@ConfigMapping(prefix = "clip.clips")
public interface ClipsConfig {

    /** The shortest clip accepted: shorter ones are not worth a link and are usually typos. */
    @WithDefault("1000")
    long minLengthMs();

    /** The longest clip accepted (one hour by default: long enough for a whole chapter). */
    @WithDefault("3600000")
    long maxLengthMs();

    /** The longest clip title, in chars. */
    @WithDefault("200")
    int maxTitleChars();

    /** How many ids are drawn before giving up when each one collides with a stored clip. */
    @WithDefault("5")
    int maxIdAttempts();
}
