package dev.podclip.support.http;

import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemType;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What the HTTP edge refuses before any resource sees a request, as pure rules (tested by EdgeRulesTest). Each
 * refusal is a problem+json answer from {@link HttpEdge}; the limits sit below the server's own ceilings
 * ({@code quarkus.http.limits.*}), whose answers have no body.
 */
public final class EdgeRules {

    /** Longest request target (path and query) answered normally; longer is 414. */
    public static final int URI_MAX_CHARS = 8 * 1024;
    /** Most bytes of request headers (names and values) answered normally; more is 431. */
    public static final int HEADERS_MAX_BYTES = 32 * 1024;

    /** A refusal: its problem type and detail. */
    public record Refusal(ProblemType type, String detail) {

        public int status() {
            return type.status();
        }

        public String slug() {
            return type.slug();
        }
    }

    /** A path the router cannot decode (a % not followed by two hex digits): refused before any route can see it. */
    static final Refusal UNDECODABLE_PATH = new Refusal(CommonProblems.NOT_A_URI,
            "The request target is not a URI: a % must be followed by two hex digits");

    private EdgeRules() {
    }

    /** The refusal for this request line and these sizes, or null when the request may go on. */
    public static Refusal check(String uri, long headerBytes, long contentLength, long maxBodyBytes) {
        if (uri.length() > URI_MAX_CHARS) {
            return new Refusal(CommonProblems.URI_TOO_LONG,
                    "The request target is " + uri.length() + " characters; the limit is " + URI_MAX_CHARS);
        }
        if (headerBytes > HEADERS_MAX_BYTES) {
            return new Refusal(CommonProblems.HEADERS_TOO_LARGE,
                    "The request headers take " + headerBytes + " bytes; the limit is " + HEADERS_MAX_BYTES);
        }
        if (maxBodyBytes > 0 && contentLength > maxBodyBytes) {
            return new Refusal(CommonProblems.BODY_TOO_LARGE,
                    "The body is " + contentLength + " bytes; the limit is " + maxBodyBytes);
        }
        String syntax = notAUri(uri);
        if (syntax != null) {
            return new Refusal(CommonProblems.NOT_A_URI, "The request target is not a URI (" + syntax
                    + "): characters such as space, | { } \" < > ` and a % not followed by two hex digits must be "
                    + "percent-encoded");
        }
        String text = refusedText(uri);
        if (text != null) {
            return new Refusal(CommonProblems.BAD_CHARACTERS, "The request target " + text);
        }
        return null;
    }

    /**
     * Why the request target does not parse as a URI (the reason and where, never the input), or null. Quarkus makes
     * the same check before any route and answers a bare 400; the services turn that off ({@link ServiceMain}) so
     * the refusal is a problem like every other, and make it here instead: what follows the edge (the router's
     * path and query decoding, {@code UriInfo}) expects a target that parses.
     */
    static String notAUri(String uri) {
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
    }

    /**
     * Why a request target cannot be stored or echoed (a NUL or control character, raw or percent-encoded, a raw
     * character outside ASCII, or percent-encoding that is not UTF-8), or null. PostgreSQL cannot hold NUL in text,
     * and control characters have no place in a path or query.
     */
    static String refusedText(String uri) {
        ByteBuffer decoded = ByteBuffer.allocate(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && hex(uri, i + 1) >= 0 && hex(uri, i + 2) >= 0) {
                decoded.put((byte) (hex(uri, i + 1) * 16 + hex(uri, i + 2)));
                i += 2;
            } else if (c > 0x7f) {
                // The server reads the request line byte by byte (ISO-8859-1), and its query decoding takes raw
                // bytes as such: raw UTF-8 'café' in a search read as 'cafÃ©' and silently found nothing. Browsers
                // always percent-encode; a client that does not is told to.
                return "holds a character that is not percent-encoded (send it as UTF-8, percent-encoded)";
            } else {
                decoded.put((byte) c);
            }
        }
        decoded.flip();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(decoded).toString();
        } catch (CharacterCodingException e) {
            return "holds percent-encoded bytes that are not UTF-8";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "holds a NUL or control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    private static int hex(String s, int at) {
        return at < s.length() ? Character.digit(s.charAt(at), 16) : -1;
    }
}
