package dev.podclip.support.http;

import io.vertx.core.MultiMap;

/**
 * Headers every answer carries unless its resource chose its own: no MIME sniffing, no referrer beyond the origin,
 * and a Content-Security-Policy that allows nothing (JSON, text and problem answers need nothing; HTML pages set
 * their own policy, always without inline script). Swagger UI, a developer tool off by default in production, gets
 * a policy that lets its own bundle run. docs/security.md, "Headers"; tested by SecurityHeadersTest.
 */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";
    /** For answers that are not pages: nothing may load, and nothing may frame them. */
    public static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
    /** Swagger UI's index page carries an inline bootstrap script and styles: its path alone gets them. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";
    static final String SWAGGER_PATH = "/q/swagger-ui";

    private SecurityHeaders() {
    }

    /** Adds what is missing; a policy a resource set (share pages, the embeddable player) is kept. */
    public static void apply(String path, MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        }
        if (!headers.contains(CSP)) {
            headers.set(CSP, path != null && path.startsWith(SWAGGER_PATH) ? SWAGGER_POLICY : NOTHING_POLICY);
        }
        if (!headers.contains("X-Frame-Options") && !headers.get(CSP).contains("frame-ancestors *")) {
            headers.set("X-Frame-Options", "DENY");
        }
    }
}
