package dev.podclip.clip.chapters;

import dev.podclip.clip.config.ClipConfig;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Server-sent event streams of chapter changes: a {@code :connected} comment first, then one {@code chapters} event
 * per change ({@code id: <episodeId>:<version>}, data {@code {"episodeId":…,"version":…}}), and a comment line as
 * heartbeat. Clients re-read the chapters on an event.
 */
@ApplicationScoped
public class ChapterStreams {

    public static final String EVENT_NAME = "chapters";

    @Inject
    ChapterChanges changes;
    @Inject
    ClipConfig config;

    /**
     * @throws dev.podclip.support.problem.ProblemException 503 when this instance serves its limit of streams
     */
    public Multi<OutboundSseEvent> stream(Predicate<ChapterChange> wanted, Sse sse) {
        Multi<OutboundSseEvent> updates = changes.subscribe()
                .filter(wanted)
                .map(change -> sse.newEventBuilder()
                        .name(EVENT_NAME)
                        .id(change.episodeId() + ":" + change.version())
                        .data(String.class, "{\"episodeId\":\"" + change.episodeId() + "\",\"version\":"
                                + change.version() + "}")
                        .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks()
                .every(Duration.ofMillis(config.sse().heartbeatMs()))
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        return Multi.createBy().merging().streams(hello, updates, heartbeats);
    }
}
