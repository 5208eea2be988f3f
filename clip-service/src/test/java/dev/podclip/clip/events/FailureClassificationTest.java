package dev.podclip.clip.events;

import dev.podclip.chapters.ChapterEngineException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static dev.podclip.clip.events.BatchProcessor.Failure.POISON;
import static dev.podclip.clip.events.BatchProcessor.Failure.TRANSIENT;
import static dev.podclip.clip.events.BatchProcessor.Failure.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class FailureClassificationTest {

    @Test
    void theRecordIsPoisonOnlyWhenItsOwnContentBreaksARule() {
        assertThat(BatchProcessor.classify(new RuntimeException(new PoisonRecordException("bad key")))).isEqualTo(POISON);
        assertThat(BatchProcessor.classify(new ChapterEngineException(ChapterEngineException.ErrorCode.UNREADABLE_JSON, "engine refuses"))).isEqualTo(POISON);
        // A bug in our own code is no verdict on the record: retried, then parked with its reason.
        assertThat(BatchProcessor.classify(new IllegalArgumentException("oops"))).isEqualTo(UNKNOWN);
        assertThat(BatchProcessor.classify(new NullPointerException())).isEqualTo(UNKNOWN);
    }

    @Test
    void databaseHiccupsAreTransient() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014", "08006", "57P01"}) {
            assertThat(BatchProcessor.classify(new RuntimeException(new SQLException("x", state)))).as(state)
                    .isEqualTo(TRANSIENT);
        }
        assertThat(BatchProcessor.classify(new RuntimeException(new SQLException("dup", "23505")))).isEqualTo(UNKNOWN);
    }
}
