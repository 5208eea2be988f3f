package dev.podclip.clip.clips;

import java.security.SecureRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Clip ids: {@value #LENGTH} characters from the 62 ASCII letters and digits, drawn uniformly from a
 * {@link SecureRandom} (about 65 bits: unguessable, so a clip's link is its only way in), checked against the store.
 */
public final class ClipIds {

    public static final int LENGTH = 11;
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** The largest multiple of 62 below 256: bytes at or above it are drawn again, so every letter is equally likely. */
    private static final int UNBIASED_LIMIT = 256 - 256 % 62;
    public static final Pattern PATTERN = Pattern.compile("[0-9A-Za-z]{" + LENGTH + "}");

    private final SecureRandom random;

    public ClipIds(SecureRandom random) {
        this.random = random;
    }

    public static boolean isWellFormed(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    public String next() {
        char[] out = new char[LENGTH];
        byte[] buffer = new byte[LENGTH * 2];
        int filled = 0;
        while (filled < LENGTH) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && filled < LENGTH; i++) {
                int b = buffer[i] & 0xff;
                if (b < UNBIASED_LIMIT) {
                    out[filled++] = ALPHABET.charAt(b % 62);
                }
            }
        }
        return new String(out);
    }

    /**
     * A fresh id that {@code taken} does not know, drawing at most {@code maxAttempts} times. A collision is
     * astronomically unlikely; running out means the random source is broken, which must not pass silently.
     */
    public String nextFree(Predicate<String> taken, int maxAttempts) {
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            String id = next();
            if (!taken.test(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free clip id after " + maxAttempts + " attempts");
    }
}
