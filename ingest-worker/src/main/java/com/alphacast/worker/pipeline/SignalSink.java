package com.alphacast.worker.pipeline;

import com.alphacast.core.signal.Signal;

/** Where the worker's candidate signals go (the signals queue in production). */
@FunctionalInterface
public interface SignalSink {

    void send(Signal signal);
}
