package dev.podclip.clip.clips;

/**
 * Where the service is reached from outside, as configured where share pages are (share's ShareConfig, which
 * produces this): clips build their links on it without depending on the share feature.
 */
@FunctionalInterface
public interface PublicBaseUrl {

    /** The configured base URL, possibly with a trailing slash. */
    String value();
}
