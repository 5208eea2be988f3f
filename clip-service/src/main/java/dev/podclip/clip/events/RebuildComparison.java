package dev.podclip.clip.events;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Warning;
import dev.podclip.clip.chapters.ChapterRows;
import dev.podclip.clip.chapters.StoredWarning;
import dev.podclip.clip.transcripts.TranscriptProjector;
import dev.podclip.clip.transcripts.TranscriptProjector.SearchDoc;

import java.sql.Connection;
import java.sql.SQLException;
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

    /** The candidates whose stored chapters, warnings and search texts all equal the recomputed ones. */
    static Set<UUID> current(Connection connection, List<Candidate> candidates) throws SQLException {
        Set<UUID> current = new HashSet<>();
        if (candidates.isEmpty()) {
            return current;
        }
        List<UUID> ids = candidates.stream().map(Candidate::id).toList();
        Map<UUID, List<Chapter>> chapters = ChapterRows.CHAPTERS.of(connection, ids);
        Map<UUID, List<StoredWarning>> warnings = ChapterRows.WARNINGS.of(connection, ids);
        Map<UUID, List<SearchDoc>> docs = TranscriptProjector.storedSearchDocs(connection, ids);
        for (Candidate c : candidates) {
            boolean same = c.projection().chapters().equals(chapters.getOrDefault(c.id(), List.of()))
                    && c.warnings().stream().map(StoredWarning::of).toList()
                    .equals(warnings.getOrDefault(c.id(), List.of()))
                    && TranscriptProjector.searchDocs(c.projection()).equals(docs.getOrDefault(c.id(), List.of()));
            if (same) {
                current.add(c.id());
            }
        }
        return current;
    }
}
