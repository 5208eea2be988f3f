package dev.podclip.bench.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * The search benchmark's query classes, derived from a {@link ZipfTranscripts} vocabulary by rank (seeded), so that
 * every class says how selective it is instead of the benchmark averaging a few cheap and many expensive queries.
 */
public final class QueryMix {

    /** Rank bands, 0 the most frequent item. Mid: a topic word of some episodes. */
    static final int MID_FIRST_RANK = 300;
    static final int MID_LAST_RANK = 1_500;
    /** Very common: the top filler words ("like", "know", "yeah"). */
    static final int COMMON_WORDS = ZipfTranscripts.TOP_FILLER_WORDS;

    public record QueryClass(String name, String about, List<String> queries) {
    }

    private QueryMix() {
    }

    /** Six classes of {@code pool} queries each; names only from episodes 0..episodes-1 (what was ingested). */
    public static List<QueryClass> zipf(ZipfTranscripts text, int episodes, int pool) {
        Random random = new Random(text.seed() * 7 + 11);
        int firstCommon = ZipfTranscripts.firstFillerRank();
        int rareFirst = text.size() * 3 / 4;
        IntPredicate word = r -> !text.word(r).contains(" ");
        List<QueryClass> classes = new ArrayList<>();

        List<String> names = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            names.add(ZipfTranscripts.episodeName(random.nextInt(episodes), random.nextInt(
                    ZipfTranscripts.NAMES_PER_EPISODE)));
        }
        classes.add(new QueryClass("name", "a name of one episode (guest, product): ~5 cues", names));

        List<String> rare = pick(text, random, pool, rareFirst, text.size(), word);
        classes.add(new QueryClass("rare", "one word of Zipf rank " + rareFirst + "-" + text.size() + ": "
                + share(text, text.size() - 1) + "-" + share(text, rareFirst) + " of cues", rare));

        List<String> mid = pick(text, random, pool, MID_FIRST_RANK, MID_LAST_RANK, word);
        classes.add(new QueryClass("mid", "one word of rank " + MID_FIRST_RANK + "-" + MID_LAST_RANK + ": "
                + share(text, MID_LAST_RANK) + "-" + share(text, MID_FIRST_RANK) + " of cues", mid));

        List<String> common = pick(text, random, pool, firstCommon, firstCommon + COMMON_WORDS, word);
        classes.add(new QueryClass("common", "one top filler word (rank " + firstCommon + "-"
                + (firstCommon + COMMON_WORDS) + "): " + share(text, firstCommon + COMMON_WORDS) + "-"
                + share(text, firstCommon) + " of cues", common));

        List<String> two = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            two.add(common.get(random.nextInt(common.size())) + " " + mid.get(random.nextInt(mid.size())));
        }
        classes.add(new QueryClass("two-word", "a common and a mid word, unquoted (both must occur)", two));

        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < pool; i++) {
            // Half collocations (recurring units, common to mid frequency), half two common words quoted, which
            // co-occur often but are rarely adjacent: the phrase check has to read every co-occurring cue.
            phrases.add('"' + (i % 2 == 0 ? ZipfTranscripts.PHRASES[random.nextInt(ZipfTranscripts.PHRASES.length)]
                    : twoDifferent(common, random))
                    + '"');
        }
        classes.add(new QueryClass("phrase", "quoted: half collocations (\"query planner\"), half two common words",
                phrases));
        return classes;
    }

    private static List<String> pick(ZipfTranscripts text, Random random, int count, int from, int to,
                                     IntPredicate keep) {
        List<String> out = new ArrayList<>();
        int guard = count * 100;
        while (out.size() < count && guard-- > 0) {
            int rank = from + random.nextInt(to - from);
            if (keep.test(rank)) {
                out.add(text.word(rank));
            }
        }
        return out;
    }

    private static String twoDifferent(List<String> words, Random random) {
        String first = words.get(random.nextInt(words.size()));
        String second = first;
        for (int guard = 0; second.equals(first) && guard < 100; guard++) {
            second = words.get(random.nextInt(words.size()));
        }
        return first + " " + second;
    }

    private static String share(ZipfTranscripts text, int rank) {
        return String.format("%.3f%%", 100 * text.cueShare(Math.min(rank, text.size() - 1)));
    }
}
