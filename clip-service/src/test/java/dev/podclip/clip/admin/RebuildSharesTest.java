package dev.podclip.clip.admin;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every partition goes to exactly one rebuild worker; no worker gets nothing. */
class RebuildSharesTest {

    private static List<TopicPartition> partitions(int n) {
        return IntStream.range(0, n).mapToObj(i -> new TopicPartition("t", i)).toList();
    }

    @Test
    void partitionsAreDealtRoundRobin() {
        assertEquals(List.of(List.of(new TopicPartition("t", 0), new TopicPartition("t", 2), new TopicPartition("t", 4)),
                        List.of(new TopicPartition("t", 1), new TopicPartition("t", 3), new TopicPartition("t", 5))),
                RebuildRunner.shares(partitions(6), 2));
    }

    @Test
    void noMoreWorkersThanPartitions() {
        assertEquals(List.of(List.of(new TopicPartition("t", 0))), RebuildRunner.shares(partitions(1), 4));
        assertEquals(3, RebuildRunner.shares(partitions(3), 16).size());
    }
}
