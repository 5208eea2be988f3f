package dev.podclip.clip.share;

/**
 * The page of a clip whose episode was deleted.
 *
 * @param shareUrl  the link that was opened
 * @param siteName  the service's name
 */
public record GonePage(String shareUrl, String siteName) {
}
