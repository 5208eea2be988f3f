package dev.podclip.clip.health;

import dev.podclip.clip.events.EpisodeEventConsumer.MemberState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerReadinessTest {

    static final long STALL_MS = 30_000;
    static final long HEARTBEAT_MS = 5_000;
    static final List<TopicPartition> ONE = List.of(new TopicPartition("t", 0));

    private static String problem(MemberState state) {
        return ConsumerReadiness.problemOf(state, STALL_MS, HEARTBEAT_MS);
    }

    @Test
    void aJoinedPollingMemberHearingItsCoordinatorIsReady() {
        assertThat(problem(new MemberState("m-0", true, true, ONE, 200, 1_000, null))).isNull();
        // Joined with no partitions (more members than partitions) still does its job.
        assertThat(problem(new MemberState("m-0", true, true, List.of(), 200, 1_000, null))).isNull();
        // Before the first heartbeat the metric is absent.
        assertThat(problem(new MemberState("m-0", true, true, ONE, 200, -1, null))).isNull();
    }

    @Test
    void eachReasonToBeNotReadyIsNamed() {
        assertThat(problem(new MemberState("m-0", false, true, ONE, 0, 0, null))).contains("died");
        assertThat(problem(new MemberState("m-0", true, false, List.of(), 0, 0, null))).contains("not joined");
        assertThat(problem(new MemberState("m-0", true, true, ONE, STALL_MS + 1, 0, null))).contains("no poll");
        assertThat(problem(new MemberState("m-0", true, true, ONE, 0, HEARTBEAT_MS + 1, null))).contains("heartbeat");
        assertThat(problem(new MemberState("m-0", true, true, ONE, 0, 0, "40001 serialization")))
                .contains("retrying: 40001");
    }
}
