package dev.podclip.clip.chapters;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.support.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fan-out: bounded subscribers, slots freed on cancel, changes delivered to every subscriber. */
class ChapterChangesTest {

    static final int LIMIT = 2;

    @Test
    void boundedSubscribersAndFanOut() {
        ChapterChanges changes = new ChapterChanges();
        changes.config = config(LIMIT, LIMIT);
        Multi<ChapterChange> first = changes.subscribe("a");
        Multi<ChapterChange> second = changes.subscribe("b");
        assertThatThrownBy(() -> changes.subscribe("c")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(503));

        AssertSubscriber<ChapterChange> a = first.subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<ChapterChange> b = second.subscribe().withSubscriber(AssertSubscriber.create(10));
        ChapterChange change = new ChapterChange(UUID.randomUUID(), 3);
        changes.publish(change);
        a.assertItems(change);
        b.assertItems(change);

        a.cancel();
        assertThat(changes.subscriberCount()).isEqualTo(1);
        changes.subscribe("c"); // the freed slot is usable again
        assertThat(changes.subscriberCount()).isEqualTo(2);
    }

    /** One client gets 429 at its own limit long before the instance's; others are not affected. */
    @Test
    void oneClientCannotHoldEveryStream() {
        ChapterChanges changes = new ChapterChanges();
        changes.config = config(100, 2);
        Multi<ChapterChange> first = changes.subscribe("10.0.0.1");
        changes.subscribe("10.0.0.1");
        assertThatThrownBy(() -> changes.subscribe("10.0.0.1")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(429));
        changes.subscribe("10.0.0.2");
        assertThat(changes.subscriberCount()).isEqualTo(3);

        first.subscribe().withSubscriber(AssertSubscriber.create(1)).cancel();
        changes.subscribe("10.0.0.1"); // its freed slot is its own again
        assertThat(changes.subscriberCount()).isEqualTo(3);
    }

    /** A config whose only answers that matter are the subscriber limits. */
    static ClipConfig config(int maxSubscribers, int maxPerClient) {
        ClipConfig.Sse sse = proxy(ClipConfig.Sse.class,
                java.util.Map.of("maxSubscribers", maxSubscribers, "maxPerClient", maxPerClient));
        return proxy(ClipConfig.class, java.util.Map.of("sse", sse));
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, java.util.Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (answers.containsKey(m.getName())) {
                return answers.get(m.getName());
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}
