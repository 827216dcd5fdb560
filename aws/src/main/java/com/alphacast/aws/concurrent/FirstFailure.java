package com.alphacast.aws.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What requests made at once report when several fail: the first failure, each later one attached to it as
 * suppressed, so none is lost and the caller still sees the exception that was raised, not a wrapper.
 */
public final class FirstFailure {

    private FirstFailure() {
    }

    /**
     * {@code first} with {@code next} attached to it as suppressed; {@code next} when there is no first. A failure is
     * never attached to itself (the JVM reuses some preallocated {@code Error}s, which two threads may both raise).
     */
    public static <T extends Throwable> T keep(T first, T next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
    }

    /** How a finished future failed, as raised (not wrapped in a {@link CompletionException}); null if it did not. */
    public static Throwable of(CompletableFuture<?> done) {
        if (!done.isCompletedExceptionally()) {
            return null;
        }
        return done.handle((value, thrown) -> thrown instanceof CompletionException wrapped
                && wrapped.getCause() != null ? wrapped.getCause() : thrown).join();
    }
}
