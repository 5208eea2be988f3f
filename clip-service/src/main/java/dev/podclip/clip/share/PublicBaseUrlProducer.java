package dev.podclip.clip.share;

import dev.podclip.clip.clips.PublicBaseUrl;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands clips the public base URL from the share configuration, so the dependency points from share to clips. */
public class PublicBaseUrlProducer {

    @Produces
    @Singleton
    PublicBaseUrl publicBaseUrl(ShareConfig config) {
        return config::publicBaseUrl;
    }
}
