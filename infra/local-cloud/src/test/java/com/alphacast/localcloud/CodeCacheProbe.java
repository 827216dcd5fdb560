package com.alphacast.localcloud;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Run in a child JVM by {@link CodeCacheUseTest}: compiles some varied JDK code (formatting, regular expressions,
 * dates, big decimals, a sorted map), then prints what {@link CodeCacheUse} makes of this JVM's code cache; with
 * {@code watch}, under a {@link CodeCacheWatch} started first, and whether it warned. {@code rounds=N} repeats the
 * work, so that the hottest of it is compiled again by the optimising compiler.
 *
 * <p>It prints without string concatenation: each new shape of it links a method handle, which needs room in the code
 * cache that a full cache no longer has.
 */
public final class CodeCacheProbe {

    private CodeCacheProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean watching = false;
        int rounds = 1;
        for (String arg : args) {
            if (arg.equals("watch")) {
                watching = true;
            } else if (arg.startsWith("rounds=")) {
                rounds = Integer.parseInt(arg.substring("rounds=".length()));
            } else {
                throw new IllegalArgumentException("unknown probe argument: " + arg);
            }
        }
        CodeCacheWatch watch = watching
                ? CodeCacheWatch.start(CodeCacheProbe::printWarning, Duration.ofMillis(50))
                : null;
        if (watch != null) {
            print("filled when the watch began=", CodeCacheUse.ofThisJvm().filled());
        }
        long sink = 0;
        try {
            sink = work(rounds);
        } catch (VirtualMachineError | LinkageError e) {
            print("work refused by the full cache: ", e); // what a filled cache does to code it has not linked yet
        }
        print("work: ", sink);
        CodeCacheUse use = CodeCacheUse.ofThisJvm();
        print("timesFull=", use.timesFull());
        print("filled=", use.filled());
        System.out.println(use.describe());
        if (watch != null) {
            // the watch asks HotSpot every 50 ms on its own thread
            for (int waited = 0; CodeCacheUse.ofThisJvm().filled() && !watch.warned() && waited < 5_000; waited += 50) {
                Thread.sleep(50);
            }
            watch.close();
            print("warned=", watch.warned());
        }
    }

    private static long work(int rounds) {
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            String text = IntStream.range(0, 200)
                    .mapToObj(i -> String.format(Locale.ROOT, "%d-%.2f", i, i / 3.0))
                    .collect(Collectors.joining(","));
            sink += Pattern.compile("(\\d+)-").matcher(text).results().count();
            sink += LocalDate.parse("2026-12-03").plusDays(round).getDayOfYear();
            sink += new BigDecimal("1.5").pow(40).precision();
            TreeMap<String, Integer> firstDigits = new TreeMap<>();
            for (String number : text.split(",")) {
                firstDigits.merge(number.substring(0, 1), 1, Integer::sum);
            }
            sink += firstDigits.size();
        }
        return sink;
    }

    private static void printWarning(String line) {
        print("watch: ", line);
    }

    /** One line, whole: the watch prints from its own thread. */
    private static void print(String label, Object value) {
        synchronized (System.out) {
            System.out.print(label);
            System.out.println(value);
        }
    }
}
