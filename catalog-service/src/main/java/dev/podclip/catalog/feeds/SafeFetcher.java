package dev.podclip.catalog.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs a URL someone else chose, safely: http and https only; every host resolved and judged by
 * {@link AddressRules} (each redirect hop again, at most {@link Limits#maxRedirects()}); a connect timeout, a
 * time-to-headers timeout and a total deadline over the whole chain including the body; the body read as a stream
 * and cut off past a byte cap (a stated Content-Length past the cap is refused before reading).
 *
 * <p>Known gap: the JDK client resolves the host again when it connects, so a DNS answer that changes between the
 * check and the connect (rebinding) is not caught; see docs/feeds.md.
 */
public final class SafeFetcher {

    /** URLs longer than this are refused before any lookup. */
    public static final int URL_MAX_CHARS = 2_048;

    public record Limits(Duration connectTimeout, Duration headersTimeout, Duration totalDeadline, int maxRedirects,
                         boolean allowLoopback) {
        public Limits {
            assert maxRedirects >= 0 && maxRedirects <= 20 : "redirect limit out of range";
        }
    }

    /**
     * A final answer: 200 with its body, or 304 (body empty).
     *
     * @param etag         the validator to send back as If-None-Match, or null
     * @param lastModified the validator to send back as If-Modified-Since, or null
     */
    public record Fetched(int status, byte[] body, String etag, String lastModified, String contentType, URI uri) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpClient client;
    private final Limits limits;

    public SafeFetcher(Limits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout()).build();
    }

    /**
     * @param headers request headers (If-None-Match, If-Modified-Since, Accept)
     * @throws FetchRefused with a named reason for every refusal and failure
     */
    public Fetched get(String url, long maxBytes, Map<String, String> headers) {
        assert maxBytes > 0 : "a byte cap is required";
        long deadlineNs = System.nanoTime() + limits.totalDeadline().toNanos();
        URI uri = check(url);
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            HttpResponse<byte[]> response = send(uri, maxBytes, headers, deadlineNs);
            int status = response.statusCode();
            if (isRedirect(status)) {
                URI from = uri;
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        FetchRefused.remote("bad-redirect", "HTTP " + status + " from " + from + " without Location"));
                uri = check(resolve(from, location));
                continue;
            }
            if (status == 304 || status == 200) {
                URI answered = uri;
                return new Fetched(status, status == 200 ? response.body() : new byte[0],
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null),
                        response.headers().firstValue("Content-Type").orElse(null), answered);
            }
            throw FetchRefused.remote("http-status", "HTTP " + status + " from " + uri);
        }
        throw FetchRefused.remote("too-many-redirects",
                "more than " + limits.maxRedirects() + " redirects from " + url);
    }

    /** The URL parsed, its scheme http(s), its host resolved and every address allowed. */
    URI check(String url) {
        if (url == null || url.isBlank() || url.length() > URL_MAX_CHARS) {
            throw FetchRefused.url("bad-url", "a URL of 1 to " + URL_MAX_CHARS + " characters is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw FetchRefused.url("bad-url", "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchRefused.url("bad-scheme", "only http and https are fetched, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw FetchRefused.url("bad-url", "a URL with a host and no user info is required: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw FetchRefused.remote("unknown-host", "cannot resolve " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            String refusal = AddressRules.refusal(address, limits.allowLoopback());
            if (refusal != null) {
                throw FetchRefused.url("private-address", uri.getHost() + " resolves to " + address.getHostAddress()
                        + " (" + refusal + "), which is never fetched");
            }
        }
        return uri;
    }

    private HttpResponse<byte[]> send(URI uri, long maxBytes, Map<String, String> headers, long deadlineNs) {
        long remainingNs = deadlineNs - System.nanoTime();
        if (remainingNs <= 0) {
            throw timeout(uri);
        }
        Duration headersTimeout = limits.headersTimeout().toNanos() < remainingNs ? limits.headersTimeout()
                : Duration.ofNanos(remainingNs);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(headersTimeout)
                .header("User-Agent", "podclip-catalog/1 (+https://podclip.dev)");
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request.build(), info -> body(info, maxBytes, uri));
        try {
            return pending.get(remainingNs, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw FetchRefused.remote("interrupted", "fetch of " + uri + " interrupted");
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private static HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info, long maxBytes, URI uri) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        long stated = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (stated > maxBytes) {
            return new Capped(0, uri, true);
        }
        return new Capped(maxBytes, uri, false);
    }

    private FetchRefused failure(URI uri, Throwable cause) {
        if (cause instanceof FetchRefused refused) {
            return refused;
        }
        if (cause instanceof HttpTimeoutException) {
            return timeout(uri);
        }
        if (cause instanceof IOException && cause.getCause() instanceof FetchRefused refused) {
            return refused;
        }
        return FetchRefused.remote("io-error", "fetch of " + uri + " failed: " + cause);
    }

    private FetchRefused timeout(URI uri) {
        return FetchRefused.remote("timeout", "no complete answer from " + uri + " within "
                + limits.totalDeadline().toMillis() + " ms (headers within " + limits.headersTimeout().toMillis()
                + " ms)");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String resolve(URI base, String location) {
        try {
            return base.resolve(new URI(location.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchRefused.remote("bad-redirect", "unreadable Location '" + location + "' from " + base);
        }
    }

    /** Collects a body up to a byte cap; past it, cancels the stream and fails with {@code too-large}. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long maxBytes;
        private final URI uri;
        private final boolean refuseAtOnce;
        private Flow.Subscription subscription;

        Capped(long maxBytes, URI uri, boolean refuseAtOnce) {
            this.maxBytes = maxBytes;
            this.uri = uri;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refuseAtOnce) {
                tooLarge();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + (long) item.remaining() > maxBytes) {
                    tooLarge();
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        private void tooLarge() {
            subscription.cancel();
            result.completeExceptionally(FetchRefused.remote("too-large", "the body of " + uri + " is larger than "
                    + (refuseAtOnce ? "the cap (stated Content-Length)" : maxBytes + " bytes")));
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
