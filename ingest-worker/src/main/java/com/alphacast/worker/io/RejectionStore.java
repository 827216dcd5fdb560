package com.alphacast.worker.io;

import com.alphacast.core.strategy.RejectedSignal;
import java.util.List;

/** Where candidates that lost a strategy conflict are recorded, a batch at a time (RejectedSignalsTable in production). */
@FunctionalInterface
public interface RejectionStore {

    void writeAll(List<RejectedSignal> rejections);
}
