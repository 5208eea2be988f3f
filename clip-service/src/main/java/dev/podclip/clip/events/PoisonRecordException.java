package dev.podclip.clip.events;

/** A record that no retry can apply (bad key, bad value, rule violation): it goes to the dead-letter topic. */
public final class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
