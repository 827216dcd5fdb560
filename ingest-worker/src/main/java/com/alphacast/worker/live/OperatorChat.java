package com.alphacast.worker.live;

/** The operators' chat, where feed alerts are posted as short messages. Called off the feed threads; may block. */
@FunctionalInterface
public interface OperatorChat {

    /** Posts {@code text}; a failure is reported as an exception naming what went wrong (never the bot token). */
    void post(String text);
}
