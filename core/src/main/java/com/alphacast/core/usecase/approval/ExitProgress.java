package com.alphacast.core.usecase.approval;

import java.time.Instant;

/**
 * How far the position function, the one owner of exits, has checked open positions against the bars. The risk
 * check waits for it (bounded) before deciding, so a slot the market freed at a bar before the signal is given back
 * before the signal is counted, as it would be if one process did both.
 */
public interface ExitProgress {

    /**
     * Waits until exits on {@code symbol} are checked through {@code marketTime}, at most the implementation's bound.
     *
     * @return false when they were still behind at the end of the wait (the decision then goes ahead on what is
     *         recorded, as a slow position function must not stop new signals)
     */
    boolean awaitCheckedThrough(String symbol, Instant marketTime);
}
