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
        changes.config = config(LIMIT);
        Multi<ChapterChange> first = changes.subscribe();
        Multi<ChapterChange> second = changes.subscribe();
        assertThatThrownBy(changes::subscribe).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(503));

        AssertSubscriber<ChapterChange> a = first.subscribe().withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<ChapterChange> b = second.subscribe().withSubscriber(AssertSubscriber.create(10));
        ChapterChange change = new ChapterChange(UUID.randomUUID(), 3);
        changes.publish(change);
        a.assertItems(change);
        b.assertItems(change);

        a.cancel();
        assertThat(changes.subscriberCount()).isEqualTo(1);
        changes.subscribe(); // the freed slot is usable again
        assertThat(changes.subscriberCount()).isEqualTo(2);
    }

    /** A config whose only answer that matters is the subscriber limit. */
    static ClipConfig config(int maxSubscribers) {
        ClipConfig.Sse sse = proxy(ClipConfig.Sse.class, "maxSubscribers", maxSubscribers);
        return proxy(ClipConfig.class, "sse", sse);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, String method, Object answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }
}
