package com.alphacast.core.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates a real input the way careless tools and hostile users do: characters inserted, deleted or replaced (quotes,
 * commas, line ends, escape sequences, a BOM, NUL, multi-byte characters), lines duplicated, dropped, swapped or cut
 * short, fields replaced by numbers Java would parse but no file means ({@code Infinity}, {@code 0x1p3},
 * {@code 500d}, {@code 1e308}) and impossible dates. Everything is drawn from the given random, so a
 * {@link FuzzTries} seed replays a failing try.
 */
public final class InputMutator {

    private static final String[] CHARACTERS = {",", "\"", "\n", "\r", "\r\n", "\u001b[31m", "\uFEFF", "\u0000", "-",
        ".", "e", "x", "9", " ", "\t", "é", "\uD83D\uDE00", "\u202E", ":", "{", "}", "[", "]", "~", "#"};
    private static final String[] TOKENS = {"Infinity", "-Infinity", "NaN", "1e308", "-1e308", "0x1p3", "500d", "1f",
        "-1", "0", "", "  ", "9".repeat(400), "2011/02/30 22:00:00.000", "Mon Feb 30 2026", "1,2,3", "\"", "null",
        "~", "yes", "true", "-0", "1e-400", "2100-01-01T00:00:00Z", "99999999999999999999"};

    private InputMutator() {
    }

    public static String mutate(String input, SplittableRandom random, int mutations) {
        String text = input;
        for (int m = 0; m < mutations; m++) {
            text = once(text, random);
        }
        return text;
    }

    private static String once(String text, SplittableRandom random) {
        if (text.isEmpty()) {
            return pick(CHARACTERS, random);
        }
        int at = random.nextInt(text.length());
        switch (random.nextInt(8)) {
            case 0 -> {
                return text.substring(0, at) + pick(CHARACTERS, random) + text.substring(at);
            }
            case 1 -> {
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(3)));
            }
            case 2 -> {
                return text.substring(0, at); // a truncated file
            }
            case 3 -> {
                return replaceField(text, at, pick(TOKENS, random));
            }
            default -> {
                List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
                int i = random.nextInt(lines.size());
                int j = random.nextInt(lines.size());
                switch (random.nextInt(4)) {
                    case 0 -> lines.add(j, lines.get(i));
                    case 1 -> lines.remove(i);
                    case 2 -> {
                        String a = lines.get(i);
                        lines.set(i, lines.get(j));
                        lines.set(j, a);
                    }
                    default -> lines.set(i, lines.get(i).substring(0, random.nextInt(lines.get(i).length() + 1)));
                }
                return String.join("\n", lines);
            }
        }
    }

    /** Replaces the comma-, colon- or space-delimited field around {@code at}. */
    private static String replaceField(String text, int at, String token) {
        int start = at;
        while (start > 0 && ",\n: ".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int end = at;
        while (end < text.length() && ",\n: ".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(0, start) + token + text.substring(end);
    }

    private static String pick(String[] options, SplittableRandom random) {
        return options[random.nextInt(options.length)];
    }
}
