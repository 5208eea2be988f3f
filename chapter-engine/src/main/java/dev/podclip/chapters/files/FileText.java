package dev.podclip.chapters.files;

import dev.podclip.chapters.ChapterEngineException;
import dev.podclip.chapters.ChapterEngineException.ErrorCode;
import dev.podclip.chapters.Limits;

import java.nio.charset.StandardCharsets;

/** A chapter file's bytes as text: size checked, BOM (UTF-8, UTF-16) honoured and reported, else UTF-8. */
record FileText(String text, boolean hadBom) {

    /** How far the format sniff looks for the first significant character. */
    static final int SNIFF_CHARS = 4_096;
    /** Enough bytes for {@link #SNIFF_CHARS} in any of the encodings read (at most 4 bytes a char, plus a BOM). */
    static final int SNIFF_BYTES = SNIFF_CHARS * 4 + 4;

    static FileText decode(byte[] bytes) {
        check(bytes);
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new FileText(new String(bytes, 3, n - 3, StandardCharsets.UTF_8), true);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new FileText(new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE), true);
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new FileText(new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE), true);
        }
        return new FileText(new String(bytes, StandardCharsets.UTF_8), false);
    }

    static void check(byte[] bytes) {
        if (bytes == null) {
            throw new ChapterEngineException(ErrorCode.UNKNOWN_FORMAT, "no input");
        }
        if (bytes.length > Limits.MAX_CHAPTER_FILE_BYTES) {
            throw new ChapterEngineException(ErrorCode.INPUT_TOO_LARGE, "chapter file is " + bytes.length
                    + " bytes, the limit is " + Limits.MAX_CHAPTER_FILE_BYTES);
        }
    }

    /** The first character that is not a BOM or whitespace, or 0 for a blank file. */
    static char firstSignificant(byte[] bytes) {
        check(bytes);
        // Sniffing needs the start only: decode a prefix, not the whole file the reader will decode again.
        String text = decode(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, SNIFF_BYTES))).text();
        for (int i = 0; i < text.length() && i < SNIFF_CHARS; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c;
            }
        }
        return 0;
    }
}
