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
 * per change ({@code id: <episodeId>:<version>}, data {@link #data}), and a comment line as heartbeat; a
 * {@code resync} event (data {@code {"gapMs":…}}) when changes may have been missed (the service's database
 * connection was lost for that long). Clients re-read the chapters on a {@code chapters} event, and everything they
 * show on {@code resync}.
 */
@ApplicationScoped
public class ChapterStreams {

    public static final String EVENT_NAME = "chapters";
    /** Sent to every stream after the service missed notifications (its database connection was lost): re-read all. */
    public static final String RESYNC_EVENT_NAME = "resync";
    /** The stream format, for the OpenAPI description of every stream route. */
    public static final String FORMAT = "Event `chapters` per change: id `<episodeId>:<version>`, data"
            + " `{\"episodeId\":…,\"version\":…,\"committedAtMs\":…}` (committedAtMs: epoch ms of the catalog's commit"
            + " of the change, absent when not known; the event is sent once the chapters are queryable). Event"
            + " `resync` (data `{\"gapMs\":…}`) when changes may have been missed: re-read everything. Comments"
            + " `:connected` first and `:heartbeat` periodically.";

    @Inject
    ChapterChanges changes;
    @Inject
    ClipConfig config;

    /**
     * @throws dev.podclip.support.problem.ProblemException 429 when the client holds its limit of streams, 503 when
     *                                                     this instance serves its limit
     */
    public Multi<OutboundSseEvent> stream(Predicate<ChapterChange> wanted, Sse sse, String client) {
        Multi<OutboundSseEvent> updates = changes.subscribe(client)
                .filter(wanted)
                .map(change -> sse.newEventBuilder()
                        .name(EVENT_NAME)
                        .id(change.episodeId() + ":" + change.version())
                        .data(String.class, data(change))
                        .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks()
                .every(Duration.ofMillis(config.sse().heartbeatMs()))
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> resyncs = changes.gaps()
                .map(gapMs -> sse.newEventBuilder()
                        .name(RESYNC_EVENT_NAME)
                        .data(String.class, "{\"gapMs\":" + gapMs + "}")
                        .build());
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(sse.newEventBuilder().comment("connected").build());
        return Multi.createBy().merging().streams(hello, updates, resyncs, heartbeats);
    }

    /**
     * A {@code chapters} event's data: {@code {"episodeId":…,"version":…,"committedAtMs":…}}. {@code committedAtMs}
     * (epoch ms of the catalog's commit of the change, absent when not known) lets a client on the same clock time
     * commit → chapters queryable: the event is sent after clip-service's own commit, so the chapters are queryable
     * when it arrives.
     */
    static String data(ChapterChange change) {
        return "{\"episodeId\":\"" + change.episodeId() + "\",\"version\":" + change.version()
                + (change.committedAtMs() == null ? "" : ",\"committedAtMs\":" + change.committedAtMs()) + "}";
    }
}
