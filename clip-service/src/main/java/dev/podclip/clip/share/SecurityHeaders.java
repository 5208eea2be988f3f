package dev.podclip.clip.share;

/**
 * Content-Security-Policy of share and embed pages. Pages carry no inline script or style: the player script and
 * the style sheet are static files under /share/, so 'self' is the only script and style source. Media may come
 * from any http(s) host because episodes' media live on their hosts' CDNs. The headers every answer shares
 * (nosniff, Referrer-Policy, a deny-all policy where a resource sets none) come from service-support's HttpEdge.
 */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";
    private static final String SOURCES = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; media-src https: http:; connect-src 'none'; base-uri 'none'";
    private static final String COMMON = SOURCES + "; form-action 'none'";
    /** A share page may not be framed: it is a top-level page (clickjacking). */
    public static final String PAGE_POLICY = COMMON + "; frame-ancestors 'none'";
    /**
     * Pages with the site's search form (home, show, search, episode pages): as {@link #PAGE_POLICY}, and forms may
     * submit to this origin only.
     */
    public static final String FORM_PAGE_POLICY = SOURCES + "; form-action 'self'; frame-ancestors 'none'";
    /**
     * The episode page: as {@link #FORM_PAGE_POLICY}, and its script may connect to this origin, for the episode's
     * change stream (EventSource is governed by connect-src).
     */
    public static final String EPISODE_PAGE_POLICY = FORM_PAGE_POLICY.replace("connect-src 'none'",
            "connect-src 'self'");
    /** The embed page exists to be framed by any site (oEmbed, twitter:player). */
    public static final String EMBED_POLICY = COMMON + "; frame-ancestors *";

    private SecurityHeaders() {
    }
}
