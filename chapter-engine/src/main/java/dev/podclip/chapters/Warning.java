package dev.podclip.chapters;

import java.util.Objects;

/**
 * Something in the input that looked wrong and the policy the engine applied to it. Never silence: every policy
 * that changes or questions the input leaves one of these.
 *
 * @param code    what kind of problem, stable for callers to branch on
 * @param message for people: what was seen and what was done about it
 * @param index   the chapter or cue the warning is about (0-based, in the output), or null for the whole list
 */
public record Warning(WarningCode code, String message, Integer index) {

    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Warning of(WarningCode code, String message) {
        return new Warning(code, message, null);
    }

    public static Warning at(WarningCode code, int index, String message) {
        return new Warning(code, message, index);
    }
}
