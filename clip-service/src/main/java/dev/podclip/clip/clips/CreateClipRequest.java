package dev.podclip.clip.clips;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * The body of {@code POST /api/clips}. The range comes as milliseconds ({@code startMs}, {@code endMs}), as text
 * ({@code start}, {@code end}: {@code 12:53}, {@code 1:02:01.5}, {@code 773.5}), each bound either way, or as a
 * {@code chapter}: its index (a number, from 0 as {@code /api/episodes/{id}/chapters} lists them) or its title (text).
 */
public record CreateClipRequest(UUID episodeId, String title, Long startMs, Long endMs, String start, String end,
                                JsonNode chapter) {

    /** The request's range part, as the pure rules read it. */
    ClipRules.Ask ask() {
        Integer chapterIndex = null;
        String chapterTitle = null;
        if (chapter != null && !chapter.isNull()) {
            if (chapter.isIntegralNumber() && chapter.canConvertToInt()) {
                chapterIndex = chapter.intValue();
            } else if (chapter.isTextual()) {
                chapterTitle = chapter.textValue();
            } else {
                throw ClipProblems.invalid(ClipProblems.UNKNOWN_CHAPTER,
                        "chapter is a chapter's index (a whole number) or its title (text)");
            }
        }
        return new ClipRules.Ask(startMs, endMs, start, end, chapterIndex, chapterTitle);
    }
}
