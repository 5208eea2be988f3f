package dev.podclip.support.limits;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The reservation of a large answer comes back only once the answer's bytes have been written (ResponseBudget). */
class AnswerFlushedTest {

    /** Holds every write, as a socket does while its client reads slower than the service writes. */
    static final class SlowClient extends ChannelOutboundHandlerAdapter {
        final List<ChannelPromise> pending = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            io.netty.util.ReferenceCountUtil.release(message);
            pending.add(promise);
        }

        void readAll() {
            pending.forEach(ChannelPromise::setSuccess);
            pending.clear();
        }
    }

    @Test
    void waitsForTheAnswerQueuedBeforeIt() {
        SlowClient client = new SlowClient();
        EmbeddedChannel channel = new EmbeddedChannel(client);
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[64 * 1024]));
        AtomicInteger released = new AtomicInteger();

        AnswerFlushed.afterWrites(channel, released::incrementAndGet);
        channel.runPendingTasks();
        assertThat(released).as("the answer is still queued").hasValue(0);

        client.readAll();
        channel.runPendingTasks();
        assertThat(released).hasValue(1);
    }

    @Test
    void aClosedConnectionReleasesToo() {
        SlowClient client = new SlowClient();
        EmbeddedChannel channel = new EmbeddedChannel(client);
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[1024]));
        AtomicInteger released = new AtomicInteger();

        AnswerFlushed.afterWrites(channel, released::incrementAndGet);
        client.pending.forEach(promise -> promise.setFailure(new java.io.IOException("connection reset")));
        channel.close();
        channel.runPendingTasks();

        assertThat(released).hasValue(1);
    }

    @Test
    void withoutAChannelOrAfterItClosedItRunsAtOnce() {
        AtomicInteger released = new AtomicInteger();
        AnswerFlushed.afterWrites(null, released::incrementAndGet);
        EmbeddedChannel closed = new EmbeddedChannel();
        closed.close();
        AnswerFlushed.afterWrites(closed, released::incrementAndGet);

        assertThat(released).hasValue(2);
    }
}
