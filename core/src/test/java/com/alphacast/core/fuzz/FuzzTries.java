package com.alphacast.core.fuzz;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * A property checked over generated inputs: try {@code i} draws everything from
 * {@code new SplittableRandom(firstSeed + i)}, so every build checks the same inputs and a failure is reproduced from
 * its seed alone ({@code new FuzzTries(name, seed, 1)}). The first failing try stops the check with an
 * {@link AssertionError} naming the property, the seed and the generated input, written as a Java string literal so it
 * can be pasted into a regression test. The tries run in one test (one report entry per property, not per try: the
 * test report's bookkeeping for hundreds of entries cost more than the tries themselves).
 *
 * @param property what is checked, for the failure message
 * @param firstSeed seed of the first try
 * @param tries how many inputs are generated and checked
 */
public record FuzzTries(String property, long firstSeed, int tries) {

    public FuzzTries {
        Objects.requireNonNull(property, "property");
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be at least 1, was " + tries);
        }
    }

    /** Checks {@code check} on {@code generate}'s input for every seed; a failure shows the input's {@code toString}. */
    public <T> void check(Function<SplittableRandom, T> generate, ThrowingConsumer<T> check) {
        check(generate, String::valueOf, check);
    }

    /** As {@link #check(Function, ThrowingConsumer)}, with {@code show} giving the text a failure quotes. */
    public <T> void check(Function<SplittableRandom, T> generate, Function<T, String> show, ThrowingConsumer<T> check) {
        for (long seed = firstSeed; seed < firstSeed + tries; seed++) {
            T input = generate.apply(new SplittableRandom(seed));
            try {
                check.accept(input);
            } catch (Throwable failure) {
                throw new AssertionError(property + " failed for seed " + seed + " (rerun it with new FuzzTries(\""
                        + property + "\", " + seed + "L, 1)) on input:\n" + javaLiteral(show.apply(input)) + "\n"
                        + failure, failure);
            }
        }
    }

    /** {@code text} as a Java string literal: quotes, backslashes, line ends and anything unprintable escaped. */
    static String javaLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
