package com.alphacast.worker.io;

import com.alphacast.core.signal.Signal;
import java.util.List;

/** Where candidate signals go, a batch at a time (the signals queue in production). */
@FunctionalInterface
public interface SignalOutlet {

    void sendAll(List<Signal> signals);
}
