package dev.podclip.catalog.common;

import dev.podclip.support.problem.ProblemException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Map;
import java.util.Optional;

/**
 * Turns unique and foreign-key violations into 409 problems. Uniqueness is left to the database (no check-then-insert
 * race): the service flushes inside its transaction and translates what the database refused.
 */
public final class DatabaseConflicts {

    private DatabaseConflicts() {
    }

    /**
     * Runs the writes and flushes, translating a violation of one of {@code conflicts} (constraint name to problem)
     * into that problem, wherever Hibernate raised it (an identity insert executes at once, other statements at the
     * flush). Any other failure propagates unchanged. Either way the caller's transaction rolls back.
     */
    public static void write(EntityManager entityManager, Map<String, ProblemException> conflicts, Runnable writes) {
        try {
            writes.run();
            entityManager.flush();
        } catch (PersistenceException e) {
            Optional<String> constraint = constraintName(e);
            if (constraint.isPresent() && conflicts.containsKey(constraint.get())) {
                throw conflicts.get(constraint.get());
            }
            throw e;
        }
    }

    static Optional<String> constraintName(Throwable error) {
        int depthLimit = 10;
        for (Throwable t = error; t != null && depthLimit-- > 0; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName());
            }
        }
        return Optional.empty();
    }
}
