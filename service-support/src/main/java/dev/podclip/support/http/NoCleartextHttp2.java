package dev.podclip.support.http;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Plain-text HTTP speaks HTTP/1.1 only: no {@code Upgrade: h2c} and no prior-knowledge HTTP/2 on the services' port.
 * <ul>
 *   <li>Memory: on one HTTP/2 connection every stream's answer queues in the connection's flow control after the
 *   answer has ended, so the answer budget cannot see it. A Java HttpClient (which upgrades to h2c by default) asking
 *   for forty 10 MB episode pages over one connection ran the catalog out of a 384 MiB heap (HeavyReadsIT); over
 *   HTTP/1.1 an answer's reservation lasts until its bytes are written (AnswerFlushed).</li>
 *   <li>Security: an h2c upgrade forwarded by a reverse proxy turns the connection into a tunnel past the proxy's
 *   rules (h2c smuggling).</li>
 * </ul>
 * HTTP/2 over TLS is untouched: it is negotiated with ALPN where the service terminates TLS itself.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
