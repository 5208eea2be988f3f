package dev.podclip.chapters.files;

import dev.podclip.chapters.Chapter;
import dev.podclip.chapters.Warning;

import java.util.List;

/**
 * What a chapter file says before its boundaries are closed: the marks as listed (ends only where the file stated
 * them), the reader's warnings, and the end the file states for its last chapter (null when it states none).
 */
record ChapterMarks(List<Chapter> marks, List<Warning> warnings, Long statedLastEndMs) {

    ChapterMarks {
        marks = List.copyOf(marks);
        warnings = List.copyOf(warnings);
    }
}
