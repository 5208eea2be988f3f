package dev.podclip.clip.clips;

/** Clip limits for pure tests: the defaults of {@link ClipsConfig}. */
public record TestLimits(long minLengthMs, long maxLengthMs, int maxTitleChars, int maxIdAttempts)
        implements ClipsConfig {

    public static final TestLimits DEFAULTS = new TestLimits(1_000, 3_600_000, 200, 5);
}
