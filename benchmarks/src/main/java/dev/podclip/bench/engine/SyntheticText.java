package dev.podclip.bench.engine;

import java.util.Random;

/**
 * Deterministic synthetic inputs for the engine benchmarks: show notes that look like the seed listing (prose, a run
 * together chapter list, seek links in prose) or like line-separated chapter lists at any size, and a WebVTT
 * transcript of any length.
 */
public final class SyntheticText {

    private static final String[] WORDS = {"database", "index", "query", "planner", "replica", "postgres", "vacuum",
        "latency", "shard", "schema", "migration", "the", "and", "we", "talk", "about", "how", "why", "when", "it"};
    /** A chapter block every this many chars keeps timestamps in the text as dense as in real notes. */
    private static final int CHAPTER_BLOCK_EVERY_CHARS = 2_000;

    private SyntheticText() {
    }

    /** Show notes of exactly {@code chars} chars: paragraphs of prose with a run-together chapter list now and then. */
    public static String showNotes(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 256);
        int nextBlockAt = 0;
        while (text.length() < chars) {
            if (text.length() >= nextBlockAt) {
                chapterBlock(text, random);
                nextBlockAt = text.length() + CHAPTER_BLOCK_EVERY_CHARS;
            }
            sentence(text, random);
        }
        text.setLength(chars);
        return text.toString();
    }

    /**
     * Show notes of exactly {@code chars} chars made of episode descriptions one after another, each a line-separated
     * chapter list between a short intro and a links line: {@code Chapters:}, then {@code MM:SS Title} lines, now and
     * then broken by a sponsor line or a blank paragraph. Each list starts again at 00:00, so the engine weighs every
     * list and keeps the longest, as it would on one description.
     */
    public static String lineSeparatedNotes(int chars, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(chars + 256);
        while (text.length() < chars) {
            sentence(text, random);
            text.append("\n\nChapters:\n");
            lineList(text, random);
            text.append("\nLinks: https://example.com/episodes/").append(random.nextInt(1000)).append("\n\n");
        }
        text.setLength(chars);
        return text.toString();
    }

    private static void lineList(StringBuilder text, Random random) {
        int chapters = 8 + random.nextInt(12);
        long startS = 0;
        for (int i = 0; i < chapters; i++) {
            text.append(clock(startS)).append(' ');
            words(text, random, 2 + random.nextInt(5));
            text.append('\n');
            switch (random.nextInt(10)) {
                case 0 -> text.append("This episode is sponsored by Acme, visit acme.example for 20% off.\n");
                case 1 -> text.append("\n\n");
                default -> {
                }
            }
            startS += 60 + random.nextInt(600);
        }
    }

    private static void chapterBlock(StringBuilder text, Random random) {
        int chapters = 5 + random.nextInt(10);
        long startS = 0;
        for (int i = 0; i < chapters; i++) {
            text.append(clock(startS)).append(" - ");
            words(text, random, 2 + random.nextInt(5));
            startS += 60 + random.nextInt(600);
        }
        text.append('\n');
    }

    private static void sentence(StringBuilder text, Random random) {
        words(text, random, 8 + random.nextInt(12));
        if (random.nextInt(4) == 0) {
            text.append(" at ").append(clock(random.nextInt(4_000))).append(" we get into it");
        }
        text.append(". ");
        if (random.nextInt(6) == 0) {
            text.append('\n');
        }
    }

    private static void words(StringBuilder text, Random random, int count) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
    }

    /** A WebVTT transcript covering {@code durationMs} with a cue every 3 to 5 seconds and two speakers. */
    public static String webVtt(long durationMs, long seed) {
        Random random = new Random(seed);
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        long startMs = 0;
        int index = 1;
        while (startMs < durationMs) {
            long endMs = Math.min(durationMs, startMs + 3_000 + random.nextInt(2_000));
            vtt.append(index++).append('\n').append(vttTime(startMs)).append(" --> ").append(vttTime(endMs))
                    .append('\n').append("<v ").append(random.nextBoolean() ? "Aaron" : "Guest").append('>');
            words(vtt, random, 8 + random.nextInt(10));
            vtt.append("\n\n");
            startMs = endMs;
        }
        return vtt.toString();
    }

    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%02d:%02d", m, s);
    }

    static String vttTime(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
