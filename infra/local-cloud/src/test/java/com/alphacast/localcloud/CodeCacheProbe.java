package com.alphacast.localcloud;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Run in a child JVM by {@link CodeCacheUseTest}: compiles some varied JDK code (formatting, regular expressions,
 * dates, big decimals), then prints what {@link CodeCacheUse} makes of this JVM's code cache; with {@code watch}, under
 * a {@link CodeCacheWatch} started first, and whether it warned.
 */
public final class CodeCacheProbe {

    private CodeCacheProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        CodeCacheWatch watch = args.length > 0 && args[0].equals("watch")
                ? CodeCacheWatch.start(line -> System.out.println("watch: " + line)) : null;
        if (watch != null) {
            System.out.println("filled when the watch began=" + CodeCacheUse.ofThisJvm().filled());
        }
        String text = IntStream.range(0, 200)
                .mapToObj(i -> String.format(Locale.ROOT, "%d-%.2f", i, i / 3.0))
                .collect(Collectors.joining(","));
        long numbers = Pattern.compile("(\\d+)-").matcher(text).results().count();
        LocalDate date = LocalDate.parse("2026-12-03").plusDays(numbers);
        BigDecimal power = new BigDecimal("1.5").pow(40);
        System.out.println("work: " + text.length() + " " + date + " " + power.precision());
        CodeCacheUse use = CodeCacheUse.ofThisJvm();
        System.out.println("filled=" + use.filled());
        System.out.println(use.describe());
        if (watch != null) {
            // the JVM's service thread delivers the notification a moment after the compiled method that crossed it
            for (int waited = 0; use.filled() && !watch.warned() && waited < 5_000; waited += 50) {
                Thread.sleep(50);
            }
            watch.close();
            System.out.println("warned=" + watch.warned());
        }
    }
}
