package com.alphacast.core.state;

import com.alphacast.core.correlation.RollingCorrelationMatrix;
import java.util.Arrays;
import java.util.List;

/**
 * The rolling correlation matrix across the worker's instruments, fed by bar closes. A row joins the matrix
 * when every instrument has closed the bar that started at the same time, so returns are aligned; an
 * instrument that skips a bar (no trades) holds the row back until the next common bar. Instruments may live
 * on different feed threads, so access is synchronized; it runs once per bar, not per event.
 */
public final class CrossInstrumentCorrelation {

    private final List<String> symbols;
    private final RollingCorrelationMatrix matrix;
    private final long[] barStart;
    private final double[] returns;
    private final double[] lastClose;

    /** @param window aligned returns in the window (≥ 3); with fewer than two instruments there is nothing to correlate */
    public CrossInstrumentCorrelation(List<String> symbols, int window) {
        this.symbols = List.copyOf(symbols);
        this.matrix = this.symbols.size() < 2 ? null : new RollingCorrelationMatrix(this.symbols, window);
        this.barStart = new long[this.symbols.size()];
        this.returns = new double[this.symbols.size()];
        this.lastClose = new double[this.symbols.size()];
        Arrays.fill(barStart, Long.MIN_VALUE);
        Arrays.fill(lastClose, Double.NaN);
    }

    public int indexOf(String symbol) {
        return symbols.indexOf(symbol);
    }

    public synchronized void onBarClose(int index, long startMillis, double close) {
        double previous = lastClose[index];
        lastClose[index] = close;
        if (matrix == null || Double.isNaN(previous)) {
            return;
        }
        barStart[index] = startMillis;
        returns[index] = Math.log(close / previous);
        for (long start : barStart) {
            if (start != startMillis) {
                return;
            }
        }
        matrix.add(returns);
        Arrays.fill(barStart, Long.MIN_VALUE);
    }

    /** NaN for an unknown symbol, a single instrument, or until the window is full. */
    public synchronized double correlation(String a, String b) {
        if (matrix == null || !matrix.isWarm() || indexOf(a) < 0 || indexOf(b) < 0) {
            return Double.NaN;
        }
        return matrix.correlation(a, b);
    }
}
