package dev.podclip.clip.share;

/**
 * What a browser sees instead of problem+json when a share link is unknown or invalid.
 *
 * @param status   the HTTP status
 * @param title    a heading for people
 * @param detail   the problem's detail
 * @param siteName the service's name
 */
public record ProblemPage(int status, String title, String detail, String siteName) {
}
