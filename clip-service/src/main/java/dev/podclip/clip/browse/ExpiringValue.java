package dev.podclip.clip.browse;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value built on demand and kept for a while. One build at a time, however many callers find it expired: the others
 * are answered the value it replaces, older by one build at most, rather than each building it again (under load that
 * ran one build per request in flight at every expiry, queued on the pool). After {@link #drop()} nobody is answered
 * the value from before it: callers wait for a new build, and a value built across a drop is returned to its caller
 * but not kept.
 */
final class ExpiringValue<T> {

    private record Built<T>(T value, long builtAtNs) {
    }

    private final LongSupplier clockNs;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Built<T> built;
    /** Drops so far; guarded by this. */
    private long drops;

    ExpiringValue(LongSupplier clockNs) {
        this.clockNs = clockNs;
    }

    /** The value, built by {@code build} when there is none younger than {@code maxAgeNs} (0: built every time). */
    T get(long maxAgeNs, Supplier<T> build) {
        if (maxAgeNs <= 0) {
            return build.get();
        }
        Built<T> current = built;
        if (current != null && clockNs.getAsLong() - current.builtAtNs < maxAgeNs) {
            return current.value;
        }
        if (current != null) {
            if (!building.tryLock()) {
                return current.value;
            }
        } else {
            building.lock();
        }
        try {
            long startNs = clockNs.getAsLong();
            Built<T> latest = built;
            if (latest != null && startNs - latest.builtAtNs < maxAgeNs) {
                return latest.value;
            }
            long seen;
            synchronized (this) {
                seen = drops;
            }
            T value = build.get();
            synchronized (this) {
                if (drops == seen) {
                    built = new Built<>(value, startNs);
                }
            }
            return value;
        } finally {
            building.unlock();
        }
    }

    /** Forgets the value: the next callers wait for a new one. */
    synchronized void drop() {
        drops++;
        built = null;
    }
}
