package com.alphacast.core.market;

import java.time.Instant;
import java.util.List;

/** The closed bars of a symbol, as the worker recorded them: where exits are looked for. */
public interface BarHistory {

    /** Bars of {@code symbol} that started at or after {@code from} and ended at or before {@code to}, in time order. */
    List<Bar> barsBetween(String symbol, Instant from, Instant to);
}
