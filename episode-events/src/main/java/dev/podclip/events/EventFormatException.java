package dev.podclip.events;

/** A record value that is not a valid episode event; the message says why (it goes to the dead-letter topic). */
public final class EventFormatException extends RuntimeException {

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventFormatException(String message) {
        super(message);
    }
}
