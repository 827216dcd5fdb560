package com.alphacast.localcloud.function;

/**
 * Drives one event source of one function: polls a queue, fires a schedule, serves an HTTP route. {@code LocalCloud}
 * starts every runner after the stack's resources exist, asks them whether they are busy when waiting for the stack
 * to go idle, and closes them on shutdown.
 */
public interface EventSourceRunner extends AutoCloseable {

    /** Human-readable identity, e.g. {@code RiskCheckFunction/Signals (SQS signals-queue)}. */
    String description();

    void start();

    /** True while the runner holds work it has taken from its source but not yet finished (a handler is running). */
    boolean isBusy();

    /** Increases whenever the runner takes or finishes work, so an observer can tell that nothing happened in between. */
    long activity();

    @Override
    void close();
}
