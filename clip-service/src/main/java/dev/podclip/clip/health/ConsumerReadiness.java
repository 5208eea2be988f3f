package dev.podclip.clip.health;

import dev.podclip.clip.config.ClipConfig;
import dev.podclip.clip.events.EpisodeEventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Ready while this instance follows the catalog: every consumer member is alive, has joined the group (its
 * rebalance completed, with or without partitions), came back from its poll within {@code clip.events.stall-bound-ms},
 * heard from the group coordinator within three heartbeats, and is not retrying a failure. Whether the broker answers
 * is {@link KafkaReadiness}; the database's part is service-support's {@code DatabaseReadiness}. All answer at once
 * from state kept in memory, never by calling Kafka.
 *
 * <p>A change of verdict is one log line with the reason, not one per probe.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ConsumerReadiness.class);
    /**
     * Missed heartbeats after which a member counts as cut off from its group coordinator: three seconds with the
     * default interval, so a broker outage shows within about four (the age is sampled after each poll).
     */
    static final int MISSED_HEARTBEATS = 3;

    @Inject
    EpisodeEventConsumer consumer;
    @Inject
    ClipConfig config;

    private String lastVerdict = "";

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("episode-consumer")
                .withData("topic", config.events().topic())
                .withData("group", config.events().group());
        if (!consumer.enabled()) {
            return builder.withData("enabled", false).up().build();
        }
        List<EpisodeEventConsumer.MemberState> members = consumer.members();
        String problem = null;
        int partitions = 0;
        ClipConfig.Events events = config.events();
        long heartbeatBoundMs = "classic".equals(events.groupProtocol())
                ? MISSED_HEARTBEATS * events.heartbeatIntervalMs() : events.stallBoundMs();
        for (EpisodeEventConsumer.MemberState member : members) {
            partitions += member.assignment().size();
            String why = problemOf(member, events.stallBoundMs(), heartbeatBoundMs);
            if (why != null && problem == null) {
                problem = member.name() + ": " + why;
            }
        }
        builder.withData("members", members.size()).withData("assignedPartitions", partitions);
        if (problem != null) {
            builder.withData("reason", problem);
        }
        logChange(problem);
        return builder.status(problem == null).build();
    }

    /** Why one member cannot do its job, or null. Pure. */
    static String problemOf(EpisodeEventConsumer.MemberState member, long stallBoundMs, long heartbeatBoundMs) {
        if (!member.alive()) {
            return "thread died (the supervisor restarts it)";
        }
        if (member.retrying() != null) {
            return "retrying: " + member.retrying();
        }
        if (!member.joined()) {
            return "not joined to the consumer group yet";
        }
        if (member.sincePollMs() > stallBoundMs) {
            return "no poll for " + member.sincePollMs() + " ms";
        }
        if (member.heartbeatAgeMs() > heartbeatBoundMs) {
            return "no heartbeat answered for " + member.heartbeatAgeMs() + " ms (broker unreachable?)";
        }
        return null;
    }

    private synchronized void logChange(String problem) {
        String verdict = problem == null ? "" : problem.replaceAll("\\d+ ms", "");
        if (verdict.equals(lastVerdict)) {
            return;
        }
        if (problem == null) {
            LOG.info("episode consumer ready");
        } else {
            LOG.warnf("episode consumer not ready: %s", problem);
        }
        lastVerdict = verdict;
    }
}
