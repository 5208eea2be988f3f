package dev.podclip.support.limits;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs an action once everything written for an answer has left the process. Vert.x calls end handlers when the
 * answer's last bytes are queued on the connection, not when they are written: for a client that reads slower than the
 * service writes, the request (with its entity: a page of 100 episodes is ~30 MiB of heap) stays reachable until the
 * queue drains. Measured with 40 simultaneous 10 MB pages on a 384 MiB heap: 34 released reservations whose pages were
 * still live, and an OutOfMemoryError (BENCHMARKS.md §9). An empty write queued behind the answer completes only when
 * everything before it has been written, or fails when the connection closes; either way the action runs then.
 */
final class AnswerFlushed {

    private AnswerFlushed() {
    }

    static void then(RoutingContext context, Runnable action) {
        afterWrites(channelOf(context), action);
    }

    /** Runs {@code action} once the writes queued on {@code channel} so far are written, failed or the channel closed. */
    static void afterWrites(Channel channel, Runnable action) {
        if (channel == null || !channel.isActive()) {
            action.run();
            return;
        }
        try {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ignored -> action.run());
        } catch (RuntimeException e) {
            action.run();
        }
    }

    /**
     * The channel of an HTTP/1.x connection, where an empty buffer passes the encoder as nothing (Vert.x writes one
     * itself the same way); null for HTTP/2, whose streams share a channel that takes frames only, and anything else.
     */
    private static Channel channelOf(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        return connection instanceof Http1xServerConnection http1 ? http1.channel() : null;
    }
}
