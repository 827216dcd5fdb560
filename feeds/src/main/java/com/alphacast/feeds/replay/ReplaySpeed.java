package com.alphacast.feeds.replay;

import java.util.Locale;

/**
 * How fast a recording is replayed: as fast as the listener takes it, at the recorded pace, or that pace times N.
 *
 * @param factor 0 for max speed, otherwise the speed-up over the recorded pace (1 = real time)
 */
public record ReplaySpeed(double factor) {

    public static final ReplaySpeed MAX = new ReplaySpeed(0);
    public static final ReplaySpeed REALTIME = new ReplaySpeed(1);

    public ReplaySpeed {
        if (!(factor >= 0) || factor > 1e6) {
            throw new IllegalArgumentException("replay speed factor must be 0 (max) or in (0, 1e6], was " + factor);
        }
    }

    /** {@code max}, {@code realtime} or {@code <N>x} (e.g. {@code 10x}), the CLI's spelling. */
    public static ReplaySpeed parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        if (t.equals("realtime")) {
            return REALTIME;
        }
        if (t.endsWith("x")) {
            try {
                double f = Double.parseDouble(t.substring(0, t.length() - 1));
                if (f > 0 && f <= 1e6) {
                    return new ReplaySpeed(f);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("replay speed must be max, realtime or <N>x with 0 < N <= 1000000, was '"
                + text + "'");
    }

    public boolean isMax() {
        return factor == 0;
    }
}
