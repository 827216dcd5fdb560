package com.alphacast.core.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Pearson correlation of returns across symbols over a rolling window of the last {@code window} aligned
 * observations (docs/analytics-conventions.md, "Correlation matrix"; 0.7 is the intended risk
 * limit). Each {@link #add} takes one return per symbol for the same period; callers align periods (e.g. closes
 * of the same 1-minute bar) before adding. Running sums Σx, Σx², Σxy make each update O(m²) for m symbols with no
 * allocation; they are recomputed exactly once per window to stop floating-point drift.
 */
public final class RollingCorrelationMatrix {

    private final List<String> symbols;
    private final int window;
    private final double[][] ring; // [slot][symbol]
    private final double[] sum;
    private final double[] sumSq;
    private final double[][] sumXy;
    private int next;
    private int count;
    private int sinceRecompute;

    public RollingCorrelationMatrix(List<String> symbols, int window) {
        this.symbols = List.copyOf(symbols);
        if (this.symbols.size() < 2) {
            throw new IllegalArgumentException("need at least two symbols, got " + symbols);
        }
        if (window < 3) {
            throw new IllegalArgumentException("window must hold at least 3 observations, was " + window);
        }
        this.window = window;
        int m = this.symbols.size();
        ring = new double[window][m];
        sum = new double[m];
        sumSq = new double[m];
        sumXy = new double[m][m];
    }

    /** Adds one aligned observation: {@code returns[i]} is the return of {@code symbols().get(i)}. */
    public void add(double[] returns) {
        int m = symbols.size();
        if (returns.length != m) {
            throw new IllegalArgumentException("expected " + m + " returns, got " + returns.length);
        }
        for (double r : returns) {
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("returns must be finite, got " + r);
            }
        }
        double[] slot = ring[next];
        if (count == window) {
            accumulate(slot, -1);
        } else {
            count++;
        }
        System.arraycopy(returns, 0, slot, 0, m);
        accumulate(slot, 1);
        next = next + 1 == window ? 0 : next + 1;
        if (++sinceRecompute >= window) {
            recompute();
        }
    }

    private void accumulate(double[] x, int sign) {
        int m = x.length;
        for (int i = 0; i < m; i++) {
            sum[i] += sign * x[i];
            sumSq[i] += sign * x[i] * x[i];
            for (int j = i + 1; j < m; j++) {
                sumXy[i][j] += sign * x[i] * x[j];
            }
        }
    }

    private void recompute() {
        int m = symbols.size();
        for (int i = 0; i < m; i++) {
            sum[i] = 0;
            sumSq[i] = 0;
            for (int j = 0; j < m; j++) {
                sumXy[i][j] = 0;
            }
        }
        for (int k = 0; k < count; k++) {
            accumulate(ring[k], 1);
        }
        sinceRecompute = 0;
    }

    /** Correlation of symbols i and j over the window; NaN until the window is full or if either is constant. */
    public double correlation(int i, int j) {
        if (i == j) {
            return 1;
        }
        if (count < window) {
            return Double.NaN;
        }
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        double n = count;
        double cov = sumXy[a][b] - sum[a] * sum[b] / n;
        double va = sumSq[a] - sum[a] * sum[a] / n;
        double vb = sumSq[b] - sum[b] * sum[b] / n;
        if (!(va > 0) || !(vb > 0)) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cov / Math.sqrt(va * vb)));
    }

    public double correlation(String a, String b) {
        return correlation(index(a), index(b));
    }

    /** The full matrix (allocates). */
    public double[][] matrix() {
        int m = symbols.size();
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = correlation(i, j);
            }
        }
        return out;
    }

    /** Pairs whose |correlation| is at least {@code threshold} (e.g. 0.7), strongest first. */
    public List<CorrelatedPair> pairsAtLeast(double threshold) {
        List<CorrelatedPair> out = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            for (int j = i + 1; j < symbols.size(); j++) {
                double rho = correlation(i, j);
                if (Math.abs(rho) >= threshold) {
                    out.add(new CorrelatedPair(symbols.get(i), symbols.get(j), rho));
                }
            }
        }
        out.sort((x, y) -> Double.compare(Math.abs(y.correlation()), Math.abs(x.correlation())));
        return out;
    }

    public boolean isWarm() {
        return count == window;
    }

    public List<String> symbols() {
        return symbols;
    }

    private int index(String symbol) {
        int i = symbols.indexOf(Objects.requireNonNull(symbol, "symbol"));
        if (i < 0) {
            throw new IllegalArgumentException("unknown symbol " + symbol + "; tracking " + symbols);
        }
        return i;
    }

    /** Two symbols and their correlation. */
    public record CorrelatedPair(String first, String second, double correlation) {
    }
}
