package dev.podclip.clip.db;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumberedSqlTest {

    @Test
    void aNumberIsBoundAtEachPlaceItOccurs() {
        NumberedSql statement = NumberedSql.of("SELECT ?1, ?2 WHERE a @@ q(?1) LIMIT ?10 + 1");

        assertThat(statement.sql()).isEqualTo("SELECT ?, ? WHERE a @@ q(?) LIMIT ? + 1");
        assertThat(statement.numbers()).containsExactly(1, 2, 1, 10);
        Object[] byNumber = {"q", "loose", 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(List.of(statement.parameters(byNumber))).containsExactly("q", "loose", "q", 10);
    }
}
