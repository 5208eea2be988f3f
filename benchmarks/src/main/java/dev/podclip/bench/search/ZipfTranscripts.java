package dev.podclip.bench.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic transcripts with a realistic word distribution, for the search benchmark: tokens are drawn from a
 * vocabulary of several thousand words by a Zipf law (rank r with probability proportional to 1/r^s), the way spoken
 * English is, instead of {@code SyntheticText}'s 20 equally likely words (which made every query match 5-15% of all
 * cues). Seeded and deterministic: the same (vocabulary, exponent, seed) gives the same words, the same episode index
 * the same transcript, so a query mix can be derived again without the data.
 *
 * <p>The ranks, most frequent first: English stop words (to_tsvector drops them) interleaved with the filler words of
 * talk ("like", "know", "yeah"), then two-word collocations ("query planner") interleaved with the
 * rest, which is real tech/podcast words and generated pseudo-words shuffled together. Each episode also has a few
 * names of its own (a guest, a product) that occur in that episode only: the rarest, most selective searches.
 */
public final class ZipfTranscripts {

    public static final int DEFAULT_VOCABULARY = 8_000;
    public static final double DEFAULT_EXPONENT = 1.0;
    /** Words per cue, as in {@code SyntheticText.webVtt}: a cue of 3-5 s of speech. */
    static final int CUE_MIN_WORDS = 8;
    static final int CUE_MAX_WORDS = 17;
    /** Episode-only names per episode, and one cue in this many mentions one of them. */
    public static final int NAMES_PER_EPISODE = 3;
    static final int NAME_EVERY_CUES = 60;
    /** Collocations sit from this rank on, one every PHRASE_RANK_STEP ranks: common to mid frequency. */
    static final int FIRST_PHRASE_RANK = 60;
    static final int PHRASE_RANK_STEP = 17;

    /** The head of the ranking: this many stop words, then this many fillers, then the other stop words. */
    static final int TOP_STOP_WORDS = 10;
    public static final int TOP_FILLER_WORDS = 10;

    static final String[] STOP_WORDS = {"the", "and", "i", "to", "a", "of", "that", "you", "it", "is", "in", "we",
        "so", "was", "this", "but", "they", "with", "for", "on", "have", "be", "are", "not", "do", "what", "if", "at",
        "there", "just", "can", "all", "about", "as", "or", "then", "when", "how", "would", "out", "some", "because",
        "up", "one", "had", "very", "from", "more", "an", "will"};
    /** Not stop words to PostgreSQL: these are the very common words a search can hit. */
    static final String[] FILLER_WORDS = {"like", "know", "yeah", "think", "really", "right", "people", "thing",
        "mean", "actually", "kind", "data", "time", "going", "get", "lot", "make", "want", "good", "way", "sort",
        "work", "something", "things", "well", "said", "stuff", "use", "see", "say", "look", "pretty", "year", "first",
        "code", "system", "different", "problem", "point", "little"};
    static final String[] TECH_WORDS = {"database", "index", "query", "planner", "replica", "postgres", "vacuum",
        "latency", "shard", "schema", "migration", "sqlite", "mysql", "kafka", "partition", "consumer", "producer",
        "offset", "cluster", "node", "leader", "follower", "raft", "paxos", "consensus", "quorum", "snapshot",
        "checkpoint", "journal", "wal", "btree", "lsm", "compaction", "memtable", "bloom", "filter", "cache",
        "eviction", "buffer", "page", "tuple", "heap", "toast", "bitmap", "gin", "gist", "brin", "hash", "join",
        "nested", "merge", "sort", "aggregate", "window", "cte", "transaction", "isolation", "serializable",
        "snapshot", "mvcc", "lock", "deadlock", "latch", "mutex", "thread", "process", "fork", "kernel", "syscall",
        "io", "fsync", "disk", "ssd", "nvme", "throughput", "benchmark", "profiler", "flamegraph", "trace", "span",
        "metric", "dashboard", "alert", "pager", "incident", "postmortem", "outage", "failover", "backup", "restore",
        "replication", "logical", "physical", "streaming", "batch", "pipeline", "etl", "warehouse", "lakehouse",
        "parquet", "columnar", "vectorized", "simd", "compiler", "interpreter", "bytecode", "jit", "garbage",
        "collector", "allocator", "rust", "golang", "java", "python", "typescript", "javascript", "clojure", "haskell",
        "erlang", "elixir", "zig", "wasm", "container", "kubernetes", "docker", "serverless", "lambda", "edge",
        "cdn", "dns", "tls", "certificate", "oauth", "token", "session", "cookie", "csrf", "injection", "sandbox",
        "startup", "founder", "funding", "investor", "acquisition", "opensource", "license", "maintainer",
        "contributor", "community", "conference", "keynote", "podcast", "episode", "guest", "listener", "sponsor",
        "newsletter", "interview", "microphone", "transcript", "chapter", "clip", "feed", "rss", "subscriber",
        "download", "analytics", "turso", "libsql", "duckdb", "clickhouse", "cockroach", "spanner", "dynamo",
        "cassandra", "redis", "memcached", "elasticsearch", "lucene", "tantivy", "vector", "embedding", "llm",
        "inference", "training", "gpu", "tensor", "model", "prompt", "agent", "hallucination", "evaluation",
        "regression", "refactor", "monolith", "microservice", "api", "graphql", "grpc", "protobuf", "json", "yaml",
        "schema", "orm", "prisma", "hibernate", "activerecord", "laravel", "rails", "django", "spring", "quarkus",
        "prison", "rewrite", "concurrency", "async", "await", "coroutine", "actor", "channel", "queue", "scheduler",
        "cron", "idempotent", "retry", "backoff", "timeout", "circuit", "breaker", "rate", "limiter", "sharding",
        "tenant", "multitenant", "billing", "invoice", "stripe", "checkout", "onboarding", "churn", "retention"};
    /** Two-word collocations, each one vocabulary item (so it recurs as a unit): the quoted-phrase queries. */
    static final String[] PHRASES = {"query planner", "connection pool", "write ahead", "primary key",
        "foreign key", "full text", "read replica", "hot path", "cold start", "tail latency", "open source",
        "machine learning", "code review", "pull request", "unit test", "load balancer", "message queue",
        "event sourcing", "change data", "data model", "storage engine", "page cache", "file system",
        "garbage collection", "type system", "error handling", "feature flag", "side project", "day job",
        "developer experience", "rate limit", "cost model", "execution plan", "table scan", "index scan",
        "hash join", "merge join", "lock contention", "dead tuple", "long tail", "big picture", "hard problem",
        "real world", "trade off", "edge case", "happy path", "first principles", "mental model", "source code",
        "test suite"};

    private static final String CONSONANTS = "bdfgklmnprtvz";
    private static final String VOWELS = "aeiou";
    private static final String FINAL_VOWELS = "aou";

    private final String[] words;
    private final double[] cumulative;
    private final double exponent;
    private final long seed;

    public ZipfTranscripts(int vocabulary, double exponent, long seed) {
        if (vocabulary < STOP_WORDS.length + FILLER_WORDS.length + TECH_WORDS.length + PHRASES.length) {
            throw new IllegalArgumentException("vocabulary below the fixed words: " + vocabulary);
        }
        this.exponent = exponent;
        this.seed = seed;
        this.words = rankedWords(vocabulary, seed);
        this.cumulative = new double[vocabulary];
        double sum = 0;
        for (int r = 0; r < vocabulary; r++) {
            sum += Math.pow(r + 1, -exponent);
            cumulative[r] = sum;
        }
        for (int r = 0; r < vocabulary; r++) {
            cumulative[r] /= sum;
        }
    }

    static String[] rankedWords(int vocabulary, long seed) {
        // Talk's top words interleave: "the", "and", "i", ... then "like", "know", "yeah", ... then the other stop
        // words: the first fillers land at ranks 10-19, in 5-11% of cues, as "like" is in real transcripts.
        Set<String> fixed = new LinkedHashSet<>();
        fixed.addAll(Arrays.asList(STOP_WORDS).subList(0, TOP_STOP_WORDS));
        fixed.addAll(Arrays.asList(FILLER_WORDS).subList(0, TOP_FILLER_WORDS));
        fixed.addAll(Arrays.asList(STOP_WORDS));
        fixed.addAll(Arrays.asList(FILLER_WORDS));
        List<String> head = new ArrayList<>(fixed);
        Set<String> rest = new LinkedHashSet<>(Arrays.asList(TECH_WORDS));
        rest.removeAll(fixed);
        Random random = new Random(seed);
        int wanted = vocabulary - head.size() - PHRASES.length;
        Set<String> taken = new LinkedHashSet<>(fixed);
        taken.addAll(rest);
        while (rest.size() < wanted) {
            String word = pseudoWord(random);
            if (taken.add(word)) {
                rest.add(word);
            }
        }
        List<String> tail = new ArrayList<>(rest);
        java.util.Collections.shuffle(tail, random);
        List<String> ranked = new ArrayList<>(head);
        ranked.addAll(tail);
        for (int i = 0; i < PHRASES.length; i++) {
            ranked.add(Math.min(ranked.size(), FIRST_PHRASE_RANK + i * PHRASE_RANK_STEP), PHRASES[i]);
        }
        return ranked.toArray(String[]::new);
    }

    /** Two to four consonant-vowel syllables ending in a/o/u (the English stemmer leaves those endings alone). */
    static String pseudoWord(Random random) {
        int syllables = 2 + random.nextInt(3);
        StringBuilder word = new StringBuilder(8);
        for (int i = 0; i < syllables; i++) {
            word.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
            String vowels = i == syllables - 1 ? FINAL_VOWELS : VOWELS;
            word.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return word.toString();
    }

    /**
     * The k-th name of an episode: consonant-vowel-consonant syllables, so it always has a consonant cluster that no
     * vocabulary pseudo-word has, and it encodes the episode index, so names never repeat across episodes.
     */
    public static String episodeName(long episode, int k) {
        long n = episode * NAMES_PER_EPISODE + k;
        StringBuilder name = new StringBuilder("zan");
        do {
            int digit = (int) (n % (CONSONANTS.length() * VOWELS.length()));
            name.append(CONSONANTS.charAt(digit / VOWELS.length())).append(VOWELS.charAt(digit % VOWELS.length()))
                    .append('k');
            n /= CONSONANTS.length() * VOWELS.length();
        } while (n > 0);
        return name.append("ar").toString();
    }

    /** Ranks of the most frequent words a search can hit (fillers): [TOP_STOP_WORDS, + TOP_FILLER_WORDS). */
    public static int firstFillerRank() {
        return TOP_STOP_WORDS;
    }

    public int size() {
        return words.length;
    }

    /** The word (or collocation) at rank r, 0 the most frequent. */
    public String word(int rank) {
        return words[rank];
    }

    /** Probability that one drawn token is the item of rank r. */
    public double probability(int rank) {
        return cumulative[rank] - (rank == 0 ? 0 : cumulative[rank - 1]);
    }

    /** Expected share of cues containing the item of rank r at least once (mean cue length). */
    public double cueShare(int rank) {
        double meanWords = (CUE_MIN_WORDS + CUE_MAX_WORDS) / 2.0;
        return 1 - Math.pow(1 - probability(rank), meanWords);
    }

    public double exponent() {
        return exponent;
    }

    public long seed() {
        return seed;
    }

    int sampleRank(Random random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(words.length - 1, index >= 0 ? index : -index - 1);
    }

    /**
     * A WebVTT transcript of {@code durationMs} with a cue every 3 to 5 seconds and two speakers, like
     * {@code SyntheticText.webVtt}, its words drawn by rank; the episode's names now and then.
     */
    public String webVtt(long durationMs, long episode) {
        Random random = new Random(seed * 1_000_003L + episode);
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        long startMs = 0;
        int index = 1;
        while (startMs < durationMs) {
            long endMs = Math.min(durationMs, startMs + 3_000 + random.nextInt(2_000));
            vtt.append(index++).append('\n').append(vttTime(startMs)).append(" --> ").append(vttTime(endMs))
                    .append('\n').append("<v ").append(random.nextBoolean() ? "Aaron" : "Guest").append('>');
            int count = CUE_MIN_WORDS + random.nextInt(CUE_MAX_WORDS - CUE_MIN_WORDS + 1);
            int nameAt = random.nextInt(NAME_EVERY_CUES) == 0 ? random.nextInt(count) : -1;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    vtt.append(' ');
                }
                vtt.append(i == nameAt ? episodeName(episode, random.nextInt(NAMES_PER_EPISODE))
                        : words[sampleRank(random)]);
            }
            vtt.append(".\n\n");
            startMs = endMs;
        }
        return vtt.toString();
    }

    static String vttTime(long ms) {
        return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }
}
