package com.alphacast.cli.demo;

import java.util.List;

/** Nearest-rank percentiles of a sample. */
final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank {@code p}-th percentile (0 &lt; p ≤ 100) of {@code sorted}; -1 for an empty sample. */
    static long of(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
