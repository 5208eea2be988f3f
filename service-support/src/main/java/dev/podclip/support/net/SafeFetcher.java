package dev.podclip.support.net;

import dev.podclip.support.net.FetchRefused.Reason;

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
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs a URL someone else chose, safely: http and https only; every host resolved and judged by
 * {@link AddressRules} (each redirect hop again, at most {@link Limits#maxRedirects()}); a connect timeout, a
 * time-to-headers timeout and a total deadline over the whole chain including the body; the body read as a stream
 * and cut off past a byte cap (a stated Content-Length past the cap is refused before reading). A byte range of a file
 * ({@link #downloadRange}) is asked with the same guards, and its answer checked: the range asked or nothing.
 *
 * <p>Known gap: the JDK client resolves the host again when it connects, so a DNS answer that changes between the
 * check and the connect (rebinding) is not caught; see docs/feeds.md.
 */
public final class SafeFetcher {

    /** Sent with every request, so a host can tell who fetches. */
    static final String USER_AGENT = "podclip/1 (+https://podclip.dev)";
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

    /**
     * What a Range request brought: bytes {@code [first, first + length)} of a file of {@code totalBytes} (-1 when the
     * host did not say). {@code partial} is false when the host ignored the Range (a 200: only the file's first bytes,
     * at most the asked length, were read; nothing when the range did not start at 0) or could not satisfy it (416).
     *
     * @param etag the file's strong validator, to send as If-Range with a later range of the same file; or null
     */
    public record Slice(boolean partial, long first, long length, long totalBytes, String contentType, String etag) {
    }

    /** The parts of a Content-Range header: {@code bytes first-last/total}, total -1 for {@code *}. */
    record ContentRange(long first, long last, long totalBytes) {
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
    private static final Pattern UNSATISFIED_RANGE = Pattern.compile("bytes \\*/(\\d{1,18})");
    private static final Set<Integer> WHOLE_ANSWERS = Set.of(200, 304);
    private static final Set<Integer> RANGE_ANSWERS = Set.of(200, 206, 416);

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
        HttpResponse<byte[]> response = fetch(url, headers, WHOLE_ANSWERS, (info, uri) -> body(info, maxBytes, uri));
        int status = response.statusCode();
        return new Fetched(status, status == 200 ? response.body() : new byte[0],
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null),
                response.headers().firstValue("Content-Type").orElse(null), response.uri());
    }

    /**
     * Streams the body of a 200 into {@code target} (created or replaced), never holding it in memory: for media
     * files far larger than a heap should carry.
     *
     * @return the content type the host stated, or null
     * @throws FetchRefused as {@link #get}; a 304 is refused too (no validators are sent)
     */
    public String download(String url, long maxBytes, Path target) {
        assert maxBytes > 0 : "a byte cap is required";
        HttpResponse<Path> response = fetch(url, Map.of(), WHOLE_ANSWERS, (info, uri) -> info.statusCode() != 200
                ? HttpResponse.BodySubscribers.replacing(target)
                : new CappedFile(capOf(info, maxBytes), uri, target, tooLargeAtOnce(info, maxBytes), false, -1));
        if (response.statusCode() != 200) {
            throw FetchRefused.remote(Reason.HTTP_STATUS, "HTTP " + response.statusCode() + " from " + response.uri());
        }
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    /**
     * Streams bytes {@code [first, last]} of the file at {@code url} into {@code target} (created or replaced), with
     * every guard of {@link #download}; the asked length is the byte cap. A 206 must answer exactly the range asked
     * (or its part up to the file's end) and bring all of it, else {@code bad-range}. A 200 (a host that ignores Range)
     * is read only while it is the asked bytes: up to the asked length when {@code first} is 0, not at all otherwise.
     *
     * @param headers more request headers (If-Range)
     * @throws FetchRefused as {@link #download}, and {@code bad-range} for a 206 that is not the range asked
     */
    public Slice downloadRange(String url, long first, long last, Map<String, String> headers, Path target) {
        assert first >= 0 && last >= first : "a range of at least one byte is required";
        long length = last - first + 1;
        Map<String, String> asked = new HashMap<>(headers);
        asked.put("Range", "bytes=" + first + "-" + last);
        HttpResponse<Path> response = fetch(url, asked, RANGE_ANSWERS, (info, uri) -> switch (info.statusCode()) {
            case 206 -> partialBody(info, uri, first, last, target);
            case 200 -> new CappedFile(first == 0 ? length : 0, uri, target, false, true, -1);
            default -> HttpResponse.BodySubscribers.replacing(target);
        });
        var answer = response.headers();
        String type = answer.firstValue("Content-Type").orElse(null);
        String etag = answer.firstValue("ETag").filter(tag -> !tag.startsWith("W/")).orElse(null);
        long written = sizeOf(target);
        return switch (response.statusCode()) {
            case 206 -> new Slice(true, first, written,
                    contentRange(answer.firstValue("Content-Range").orElse("")).orElseThrow().totalBytes(), type, etag);
            case 200 -> new Slice(false, 0, written, answer.firstValueAsLong("Content-Length").orElse(-1), type, etag);
            default -> new Slice(false, 0, 0, unsatisfiedTotal(answer.firstValue("Content-Range").orElse("")), type,
                    etag);
        };
    }

    /** A 206's body, after its Content-Range is checked against the range asked. */
    private static HttpResponse.BodySubscriber<Path> partialBody(HttpResponse.ResponseInfo info, URI uri, long first,
                                                                 long last, Path target) {
        String header = info.headers().firstValue("Content-Range").orElse("");
        Optional<ContentRange> range = contentRange(header).filter(r -> r.first() == first && r.last() <= last
                && (r.totalBytes() < 0 || r.totalBytes() > r.last()));
        if (range.isEmpty()) {
            return new Refusing<>(FetchRefused.remote(Reason.BAD_RANGE, uri + " answered the range " + first + "-"
                    + last + " with Content-Range '" + header + "'"));
        }
        long length = range.get().last() - first + 1;
        return new CappedFile(length, uri, target, false, false, length);
    }

    /** The parts of a 206's Content-Range, or empty when it is not one byte range; pure. */
    static Optional<ContentRange> contentRange(String header) {
        Matcher matcher = CONTENT_RANGE.matcher(header.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(matcher.group(1));
        long last = Long.parseLong(matcher.group(2));
        long total = matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
        return last < first ? Optional.empty() : Optional.of(new ContentRange(first, last, total));
    }

    /** The file size a 416 states ({@code bytes *}{@code /N}), or -1. */
    static long unsatisfiedTotal(String header) {
        Matcher matcher = UNSATISFIED_RANGE.matcher(header.strip());
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Follows redirects, each hop checked, within the total deadline; a final answer with a status in
     * {@code finals} is returned, any other fails with {@code http-status}.
     */
    private <T> HttpResponse<T> fetch(String url, Map<String, String> headers, Set<Integer> finals,
                                      Bodies<T> bodies) {
        long deadlineNs = System.nanoTime() + limits.totalDeadline().toNanos();
        URI uri = check(url);
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            HttpResponse<T> response = send(uri, headers, deadlineNs, bodies);
            int status = response.statusCode();
            if (isRedirect(status)) {
                URI from = uri;
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        FetchRefused.remote(Reason.BAD_REDIRECT,
                                "HTTP " + status + " from " + from + " without Location"));
                uri = check(resolve(from, location));
                continue;
            }
            if (finals.contains(status)) {
                return response;
            }
            throw FetchRefused.remote(Reason.HTTP_STATUS, "HTTP " + status + " from " + uri);
        }
        throw FetchRefused.remote(Reason.TOO_MANY_REDIRECTS,
                "more than " + limits.maxRedirects() + " redirects from " + url);
    }

    /** How the body of one hop's answer is read. */
    private interface Bodies<T> {
        HttpResponse.BodySubscriber<T> of(HttpResponse.ResponseInfo info, URI uri);
    }

    /** The URL parsed, its scheme http(s), its host resolved and every address allowed. */
    public URI check(String url) {
        if (url == null || url.isBlank() || url.length() > URL_MAX_CHARS) {
            throw FetchRefused.url(Reason.BAD_URL, "a URL of 1 to " + URL_MAX_CHARS + " characters is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw FetchRefused.url(Reason.BAD_URL, "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchRefused.url(Reason.BAD_SCHEME, "only http and https are fetched, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw FetchRefused.url(Reason.BAD_URL, "a URL with a host and no user info is required: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw FetchRefused.remote(Reason.UNKNOWN_HOST, "cannot resolve " + uri.getHost());
        }
        for (InetAddress address : addresses) {
            String refusal = AddressRules.refusal(address, limits.allowLoopback());
            if (refusal != null) {
                throw FetchRefused.url(Reason.PRIVATE_ADDRESS, uri.getHost() + " resolves to "
                        + address.getHostAddress() + " (" + refusal + "), which is never fetched");
            }
        }
        return uri;
    }

    private <T> HttpResponse<T> send(URI uri, Map<String, String> headers, long deadlineNs, Bodies<T> bodies) {
        long remainingNs = deadlineNs - System.nanoTime();
        if (remainingNs <= 0) {
            throw timeout(uri);
        }
        Duration headersTimeout = limits.headersTimeout().toNanos() < remainingNs ? limits.headersTimeout()
                : Duration.ofNanos(remainingNs);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(headersTimeout)
                .header("User-Agent", USER_AGENT);
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<T>> pending = client.sendAsync(request.build(), info -> bodies.of(info, uri));
        try {
            return pending.get(remainingNs, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw timeout(uri);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw FetchRefused.remote(Reason.INTERRUPTED, "fetch of " + uri + " interrupted");
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private static HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info, long maxBytes, URI uri) {
        if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return new Capped(capOf(info, maxBytes), uri, tooLargeAtOnce(info, maxBytes));
    }

    /** A stated Content-Length past the cap is refused before any byte is read. */
    private static boolean tooLargeAtOnce(HttpResponse.ResponseInfo info, long maxBytes) {
        return info.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes;
    }

    private static long capOf(HttpResponse.ResponseInfo info, long maxBytes) {
        return tooLargeAtOnce(info, maxBytes) ? 0 : maxBytes;
    }

    private static FetchRefused tooLarge(URI uri, boolean stated, long maxBytes) {
        return FetchRefused.remote(Reason.TOO_LARGE, "the body of " + uri + " is larger than "
                + (stated ? "the cap (stated Content-Length)" : maxBytes + " bytes"));
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
        return FetchRefused.remote(Reason.IO_ERROR, "fetch of " + uri + " failed: " + cause);
    }

    private FetchRefused timeout(URI uri) {
        return FetchRefused.remote(Reason.TIMEOUT, "no complete answer from " + uri + " within "
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
            throw FetchRefused.remote(Reason.BAD_REDIRECT, "unreadable Location '" + location + "' from " + base);
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
            result.completeExceptionally(SafeFetcher.tooLarge(uri, refuseAtOnce, maxBytes));
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

    /**
     * Writes a body to a file up to a byte cap; past it, cancels the stream and fails with {@code too-large}, or, when
     * {@code stopAtCap}, keeps the bytes up to the cap and ends there (the start of a file whose host ignored Range).
     * With {@code expectedBytes} at 0 or more, a body of another length fails with {@code bad-range}.
     */
    private static final class CappedFile implements HttpResponse.BodySubscriber<Path> {
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private final long maxBytes;
        private final URI uri;
        private final Path target;
        private final boolean refuseAtOnce;
        private final boolean stopAtCap;
        private final long expectedBytes;
        private Flow.Subscription subscription;
        private FileChannel channel;
        private long written;

        CappedFile(long maxBytes, URI uri, Path target, boolean refuseAtOnce, boolean stopAtCap, long expectedBytes) {
            this.maxBytes = maxBytes;
            this.uri = uri;
            this.target = target;
            this.refuseAtOnce = refuseAtOnce;
            this.stopAtCap = stopAtCap;
            this.expectedBytes = expectedBytes;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (refuseAtOnce) {
                fail(SafeFetcher.tooLarge(uri, true, maxBytes));
                return;
            }
            try {
                channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                fail(FetchRefused.remote(Reason.IO_ERROR, "cannot write " + target + ": " + e.getMessage()));
                return;
            }
            if (stopAtCap && maxBytes == 0) {
                subscription.cancel();
                onComplete();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer item : items) {
                    if (written + item.remaining() > maxBytes) {
                        if (stopAtCap) {
                            item.limit(item.position() + (int) (maxBytes - written));
                            write(item);
                            subscription.cancel();
                            onComplete();
                        } else {
                            fail(SafeFetcher.tooLarge(uri, false, maxBytes));
                        }
                        return;
                    }
                    write(item);
                }
            } catch (IOException e) {
                fail(FetchRefused.remote(Reason.IO_ERROR, "cannot write " + target + ": " + e.getMessage()));
            }
        }

        private void write(ByteBuffer item) throws IOException {
            while (item.hasRemaining()) {
                written += channel.write(item);
            }
        }

        private void fail(FetchRefused refused) {
            subscription.cancel();
            close();
            result.completeExceptionally(refused);
        }

        private void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // The result already says what happened; a failed close adds nothing a caller can act on.
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            close();
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            close();
            if (expectedBytes >= 0 && written != expectedBytes) {
                result.completeExceptionally(FetchRefused.remote(Reason.BAD_RANGE, uri + " sent " + written
                        + " bytes of a range of " + expectedBytes));
                return;
            }
            result.complete(target);
        }

        @Override
        public CompletionStage<Path> getBody() {
            return result;
        }
    }

    /** Reads nothing and fails with a refusal decided from the answer's headers. */
    private static final class Refusing<T> implements HttpResponse.BodySubscriber<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final FetchRefused refused;

        Refusing(FetchRefused refused) {
            this.refused = refused;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
            result.completeExceptionally(refused);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            // Cancelled on subscription: nothing of this body is read.
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(refused);
        }

        @Override
        public void onComplete() {
            result.completeExceptionally(refused);
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }
    }
}
