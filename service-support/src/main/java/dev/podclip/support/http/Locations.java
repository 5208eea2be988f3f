package dev.podclip.support.http;

import jakarta.ws.rs.core.UriInfo;

/**
 * Location headers as paths on this service, never built from the request's Host header: an absolute URL made from
 * Host lets any client make the service name a host of the client's choosing (RFC 9110 allows a relative Location).
 */
public final class Locations {

    private Locations() {
    }

    /** The service's root path (normally "/") followed by {@code path}, which must not start with a slash. */
    public static String of(UriInfo uri, String path) {
        String root = uri.getBaseUri().getRawPath();
        return (root.endsWith("/") ? root : root + "/") + path;
    }
}
