package dev.podclip.clip.share;

import java.util.Locale;

/** Chooses between the share page and the clip JSON from an Accept header. Pure. */
public final class Negotiation {

    /** Accept headers longer than this are read as "anything": nobody needs more. */
    static final int MAX_ACCEPT_CHARS = 2_048;

    private Negotiation() {
    }

    /**
     * Whether the client prefers JSON over HTML: {@code application/json} (or {@code application/*}) with a higher
     * quality than {@code text/html} (or {@code text/*}). Browsers and wildcard-only clients get HTML.
     */
    public static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank() || accept.length() > MAX_ACCEPT_CHARS) {
            return false;
        }
        double json = 0;
        double html = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, q);
            } else if (type.equals("application/*")) {
                json = Math.max(json, q * 0.99); // a wildcard loses a tie against the exact type
            } else if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("text/*")) {
                html = Math.max(html, q * 0.99);
            }
        }
        return json > html;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2));
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
