package dev.podclip.support.limits;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** Who a request counts against: its remote address, or a trusted proxy's header naming the client. */
@ApplicationScoped
public class ClientKeys {

    /** Longest client key kept; a header value past it is not an address. */
    static final int KEY_MAX_CHARS = 64;

    @Inject
    LimitsConfig config;

    public String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String remoteAddress = remote == null ? "unknown" : remote.hostAddress();
        Optional<String> header = config.clientAddressHeader().map(request::getHeader);
        return resolve(remoteAddress, header.orElse(null), config.trustedProxies().orElse(List.of()));
    }

    /** The rule, pure: a header is believed only from a trusted proxy, and then its last (proxy-added) entry. */
    static String resolve(String remoteAddress, String headerValue, List<String> trustedProxies) {
        if (headerValue == null || headerValue.isBlank() || !trustedProxies.contains(remoteAddress)) {
            return remoteAddress;
        }
        String[] hops = headerValue.split(",");
        String client = hops[hops.length - 1].trim();
        return client.isEmpty() || client.length() > KEY_MAX_CHARS ? remoteAddress : client;
    }
}
