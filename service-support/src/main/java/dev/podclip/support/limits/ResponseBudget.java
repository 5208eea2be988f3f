package dev.podclip.support.limits;

import dev.podclip.support.problem.CommonProblems;
import dev.podclip.support.problem.ProblemException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bulkhead in bytes for answers that hold much memory while they are built (a page of episodes at the size limits,
 * a 2 MB transcript, a rendered episode page): each reserves its estimate before it reads, and gives it back when its
 * answer's last byte has left the process ({@link AnswerFlushed}) and its request has let go of it
 * ({@link AnswerDropped}). Past the total, a request waits up to {@code podclip.responses.wait-ms} and then gets 503
 * with Retry-After; one answer estimated past {@code podclip.responses.max-answer-bytes} is refused with 422 and a
 * hint. Twenty concurrent heavy reads drove both services out of heap before (issue's campaign); HeavyReadsIT shows
 * them answered with 200 or 503 and the heap intact. docs/security.md, "Memory".
 */
@ApplicationScoped
public class ResponseBudget {

    /** Java holds text as it builds JSON or HTML: about three bytes of heap per stored byte, counted here. */
    public static final int HEAP_BYTES_PER_STORED_BYTE = 3;
    private static final int UNIT_BYTES = 1024;

    @ConfigProperty(name = "podclip.responses.budget-bytes", defaultValue = "100663296")
    long budgetBytes;
    @ConfigProperty(name = "podclip.responses.max-answer-bytes", defaultValue = "33554432")
    long maxAnswerBytes;
    @ConfigProperty(name = "podclip.responses.wait-ms", defaultValue = "2000")
    long waitMs;

    @Inject
    CurrentVertxRequest currentRequest;

    private volatile Semaphore units;

    /**
     * Reserves {@code storedBytes} (times {@link #HEAP_BYTES_PER_STORED_BYTE}) until the current answer ends.
     *
     * @param hint what the caller can do to ask for less, for the 422 detail
     * @throws ProblemException 422 when one answer would be too large, 503 when the budget stays exhausted
     */
    public void reserve(long storedBytes, String hint) {
        long heapBytes = Math.max(0, storedBytes) * HEAP_BYTES_PER_STORED_BYTE;
        if (heapBytes > maxAnswerBytes) {
            throw new ProblemException(CommonProblems.ANSWER_TOO_LARGE,
                    "This answer would take about " + heapBytes / (1024 * 1024) + " MiB to build; the limit is "
                            + maxAnswerBytes / (1024 * 1024) + " MiB. " + hint);
        }
        int wanted = (int) Math.max(1, heapBytes / UNIT_BYTES);
        Semaphore semaphore = units();
        boolean acquired;
        try {
            acquired = semaphore.tryAcquire(wanted, waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(CommonProblems.BUSY,
                    "Too many large answers are being built right now; retry shortly").retryAfter(1);
        }
        releaseAtEnd(semaphore, wanted);
    }

    private void releaseAtEnd(Semaphore semaphore, int wanted) {
        RoutingContext context = currentRequest == null ? null : currentRequest.getCurrent();
        if (context == null) {
            semaphore.release(wanted);
            return;
        }
        // The end handler runs when the answer is queued (or the connection closed first); the answer and what it was
        // built from stay reachable until the queue has gone out, and from the request until it is done and has let go
        // of them (AnswerDropped), so the memory is free again only after both.
        AtomicInteger pending = new AtomicInteger(2);
        Runnable release = () -> {
            if (pending.decrementAndGet() == 0) {
                semaphore.release(wanted);
            }
        };
        context.addEndHandler(ignored -> AnswerFlushed.then(context, release));
        AnswerDropped.whenDone(currentRequest.getOtherHttpContextObject(), release);
    }

    private Semaphore units() {
        Semaphore semaphore = units;
        if (semaphore == null) {
            synchronized (this) {
                if (units == null) {
                    units = new Semaphore((int) Math.min(Integer.MAX_VALUE, budgetBytes / UNIT_BYTES), true);
                }
                semaphore = units;
            }
        }
        return semaphore;
    }

    /** Units free now, for tests and metrics. */
    public int availableKib() {
        return units().availablePermits();
    }
}
