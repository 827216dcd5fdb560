package com.alphacast.core.state;

/** Told when an instrument's bar closes, on the feed thread that closed it. */
@FunctionalInterface
public interface BarCloseListener {

    /**
     * @param view         the instrument as of the closing event (valid during the call only)
     * @param receiveNanos when the closing event reached the worker, epoch nanoseconds
     */
    void onBarClosed(MarketView view, long receiveNanos);
}
