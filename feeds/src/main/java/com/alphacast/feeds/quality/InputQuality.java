package com.alphacast.feeds.quality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bad input of one source: counted by kind, logged with the source and the position in its stream, never fatal.
 * Logs are bounded (the first {@value #LOGGED_IN_FULL} of each kind, then every {@value #LOG_EVERY}th) so a source
 * sending garbage cannot flood them. A source whose frames are garbage more than {@code maxBadPerWindow} times within
 * {@code window} frames is <b>demoted</b> (its instruments are reported stale, so a supervisor moves to the next
 * source) until a whole window passes within the limit. Sequence problems (duplicates, gaps) do not demote: they are
 * the network's, not the venue's, and resynchronisation handles them. Not thread-safe: one per feed thread.
 */
public final class InputQuality {

    static final int LOGGED_IN_FULL = 20;
    static final int LOG_EVERY = 1_000;

    private final String source;
    private final int window;
    private final int maxBadPerWindow;
    private final System.Logger log;
    private final long[] counts = new long[InputProblem.values().length];
    private long frames;
    private int framesInWindow;
    private int badInWindow;
    private boolean demoted;
    private final List<String> firstProblems = new ArrayList<>();

    public InputQuality(String source, int window, int maxBadPerWindow) {
        this.source = Objects.requireNonNull(source, "source");
        if (window < 1 || maxBadPerWindow < 0 || maxBadPerWindow >= window) {
            throw new IllegalArgumentException("demotion needs window >= 1 and 0 <= maxBadPerWindow < window, was "
                    + window + " / " + maxBadPerWindow);
        }
        this.window = window;
        this.maxBadPerWindow = maxBadPerWindow;
        this.log = System.getLogger("com.alphacast.feeds." + source);
    }

    /** Counts one frame received; closes the demotion window when it is full. */
    public void frame() {
        frames++;
        if (++framesInWindow >= window) {
            if (badInWindow <= maxBadPerWindow && demoted) {
                demoted = false;
                log.log(System.Logger.Level.INFO, "{0}: reinstated after a clean window of {1} frames", source,
                        window);
            }
            framesInWindow = 0;
            badInWindow = 0;
        }
    }

    /**
     * Records one problem at {@code position} (frame number or file line).
     *
     * @return whether this report demoted the source
     */
    public boolean report(InputProblem problem, long position, String detail) {
        long n = ++counts[problem.ordinal()];
        if (firstProblems.size() < LOGGED_IN_FULL) {
            firstProblems.add(problem + " at " + position + ": " + detail);
        }
        if (n <= LOGGED_IN_FULL || n % LOG_EVERY == 0) {
            log.log(System.Logger.Level.WARNING, "{0} at {1}: {2} ({3}, {4} so far)", source, position, detail,
                    problem, n);
        }
        if (!problem.demotes()) {
            return false;
        }
        badInWindow++;
        if (!demoted && badInWindow > maxBadPerWindow) {
            demoted = true;
            log.log(System.Logger.Level.WARNING, "{0}: demoted, {1} bad frames within {2}", source, badInWindow,
                    window);
            return true;
        }
        return false;
    }

    public boolean demoted() {
        return demoted;
    }

    public long count(InputProblem problem) {
        return counts[problem.ordinal()];
    }

    public long frames() {
        return frames;
    }

    /** Every non-zero count, for status reports. */
    public Map<InputProblem, Long> counts() {
        Map<InputProblem, Long> out = new EnumMap<>(InputProblem.class);
        for (InputProblem p : InputProblem.values()) {
            if (counts[p.ordinal()] > 0) {
                out.put(p, counts[p.ordinal()]);
            }
        }
        return out;
    }

    /** The first problems reported (up to {@value #LOGGED_IN_FULL}), each with its position, for reports. */
    public List<String> firstProblems() {
        return List.copyOf(firstProblems);
    }

    /** Every problem reported so far, whatever its kind. */
    public long problems() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    public String source() {
        return source;
    }
}
