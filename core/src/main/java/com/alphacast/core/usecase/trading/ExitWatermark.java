package com.alphacast.core.usecase.trading;

import java.time.Instant;

/** Records how far exits on a symbol have been checked, for the risk check to wait on ({@code ExitProgress}). */
public interface ExitWatermark {

    /** Exits on {@code symbol} are decided for every bar ending at or before {@code horizon} (never moves back). */
    void checkedThrough(String symbol, Instant horizon);
}
