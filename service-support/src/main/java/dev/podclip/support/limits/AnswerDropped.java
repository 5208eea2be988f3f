package dev.podclip.support.limits;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * Lets go of a finished request's answer. A worker thread keeps the request it was started for reachable for as long
 * as it lives (jboss-threads 3.9's {@code EnhancedQueueExecutor.ThreadBody.run} holds its first task in a local while
 * the thread serves others and waits for more), and that request keeps the resource's result and the response built
 * from it. A burst starts a thread per request: a heap dump at an OutOfMemoryError (40 pages of 100 episodes at once,
 * 256 MiB heap, 96 MiB budget) showed 20 idle worker threads holding 200 MB of finished pages whose reservations had
 * come back, beside 30 MB of pages in flight (BENCHMARKS.md §9).
 */
final class AnswerDropped {

    private AnswerDropped() {
    }

    /**
     * Once {@code request} is done (its handlers have run and its output is closed), drops its result and response,
     * then runs {@code then}; runs {@code then} at once when {@code request} is no REST request.
     */
    static void whenDone(Object request, Runnable then) {
        if (!(request instanceof ResteasyReactiveRequestContext rest)) {
            then.run();
            return;
        }
        rest.registerCompletionCallback(ignored -> {
            rest.setResult(null).setResponse(null);
            then.run();
        });
    }
}
