package dev.podclip.faults;

import java.util.Random;

/** Seeded show notes with run-together chapter lists, stated durations and transcripts, as the seed podcast writes them. */
final class Notes {

    static final String[] WORDS = {"Intro", "Indexes", "Replication", "Vacuum", "Joins", "Locks", "Sharding",
            "Backups", "Queues", "Outro", "Caching", "Planning"};
    static final String[] DURATIONS = {"49 min", "1h 18m", "1 hr", "58 min", "1h 05m"};

    private Notes() {
    }

    /** {@code Chapters:00:00 - Intro02:13 - Indexes…}: 2 to 9 chapters with ascending starts, run together. */
    static String random(Random random) {
        StringBuilder notes = new StringBuilder("In this episode we talk shop. Chapters:");
        int chapters = 2 + random.nextInt(8);
        int startS = 0;
        for (int i = 0; i < chapters; i++) {
            notes.append(String.format("%02d:%02d - %s and %s", startS / 60, startS % 60,
                    WORDS[random.nextInt(WORDS.length)], WORDS[random.nextInt(WORDS.length)].toLowerCase()));
            startS += 60 + random.nextInt(300);
        }
        return notes.toString();
    }

    static String duration(Random random) {
        return DURATIONS[random.nextInt(DURATIONS.length)];
    }

    /** A small WebVTT file, different each time. */
    static String transcript(Random random) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        int cues = 2 + random.nextInt(5);
        for (int i = 0; i < cues; i++) {
            vtt.append(String.format("00:%02d.000 --> 00:%02d.000%n%s says %d%n%n", i * 2, i * 2 + 2,
                    WORDS[random.nextInt(WORDS.length)], random.nextInt(100_000)));
        }
        return vtt.toString();
    }
}
