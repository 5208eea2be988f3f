package dev.podclip.clip.events;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Warning;
import dev.podclip.clip.db.Jdbc;
import dev.podclip.clip.transcripts.TranscriptProjector;
import dev.podclip.clip.transcripts.TranscriptProjector.SearchDoc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A rebuild recomputes every episode with the current rules; most come out as stored. Comparing costs three reads
 * per batch, rewriting would cost every chapter, warning and search text again (their tsvectors and GIN entries are
 * most of a write's cost): only episodes whose derived rows differ are rewritten.
 */
final class RebuildComparison {

    private RebuildComparison() {
    }

    /** An upsert of the stored version with what the current rules derive from it. */
    record Candidate(TranscriptProjector.Projection projection, List<Warning> warnings) {
        UUID id() {
            return projection.episode().id();
        }
    }

    /** A stored warning in comparable form: code by wire name. */
    private record WarningRow(String code, String message, Integer chapterIndex) {
        static WarningRow of(Warning w) {
            return new WarningRow(w.code().wireName(), w.message(), w.index());
        }
    }

    /** The candidates whose stored chapters, warnings and search texts all equal the recomputed ones. */
    static Set<UUID> current(Connection connection, List<Candidate> candidates) throws SQLException {
        Set<UUID> current = new HashSet<>();
        if (candidates.isEmpty()) {
            return current;
        }
        List<UUID> ids = candidates.stream().map(Candidate::id).toList();
        Map<UUID, List<Chapter>> chapters = storedChapters(connection, ids);
        Map<UUID, List<WarningRow>> warnings = storedWarnings(connection, ids);
        Map<UUID, List<SearchDoc>> docs = TranscriptProjector.storedSearchDocs(connection, ids);
        for (Candidate c : candidates) {
            boolean same = c.projection().chapters().equals(chapters.getOrDefault(c.id(), List.of()))
                    && c.warnings().stream().map(WarningRow::of).toList()
                    .equals(warnings.getOrDefault(c.id(), List.of()))
                    && TranscriptProjector.searchDocs(c.projection()).equals(docs.getOrDefault(c.id(), List.of()));
            if (same) {
                current.add(c.id());
            }
        }
        return current;
    }

    private static Map<UUID, List<Chapter>> storedChapters(Connection connection, List<UUID> ids)
            throws SQLException {
        Map<UUID, List<Chapter>> stored = new HashMap<>();
        Jdbc.query(connection, "SELECT episode_id, start_ms, end_ms, title, url, img, toc FROM clip_chapter"
                + " WHERE episode_id = ANY(?) ORDER BY episode_id, idx", ids, row -> stored
                .computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new Chapter(row.getLong(2), Jdbc.getLong(row, 3), row.getString(4), row.getString(5),
                        row.getString(6), row.getBoolean(7))));
        return stored;
    }

    private static Map<UUID, List<WarningRow>> storedWarnings(Connection connection, List<UUID> ids)
            throws SQLException {
        Map<UUID, List<WarningRow>> stored = new HashMap<>();
        Jdbc.query(connection, "SELECT episode_id, code, message, chapter_index FROM clip_chapter_warning"
                + " WHERE episode_id = ANY(?) ORDER BY episode_id, position", ids, row -> stored
                .computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new WarningRow(row.getString(2), row.getString(3), Jdbc.getInt(row, 4))));
        return stored;
    }
}
