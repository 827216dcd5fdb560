package com.alphacast.bench;

import com.alphacast.core.feed.cboe.CboeQuoteDataParser;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.options.gex.GammaExposure;
import com.alphacast.core.options.gex.GammaProfile;
import com.alphacast.core.options.gex.GexConvention;
import com.alphacast.core.options.gex.ZeroGamma;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the Java zero-gamma profile and a plain-numpy implementation of the same convention
 * ({@code bench/gex_profile_numpy.py}) on the same chain file in one run, checks they agree, and prints the ratio.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar com.alphacast.bench.GexVersusNumpy [chain.csv] [repetitions]
 * </pre>
 * Without a file it writes the SPX-size synthetic chain (20,852 contracts) to a temporary file; pass
 * {@code testdata/options/spy_quotedata_2025-09-25.csv} for the real SPY export. Parsing is excluded from
 * both timings. Run from the project root (the script is looked up at bench/gex_profile_numpy.py, or
 * -Dalphacast.numpy.script=PATH).
 */
public final class GexVersusNumpy {

    private GexVersusNumpy() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path chainFile;
        if (args.length > 0) {
            chainFile = Path.of(args[0]);
        } else {
            chainFile = Files.createTempFile("spx-quotedata-", ".csv");
            chainFile.toFile().deleteOnExit();
            Files.writeString(chainFile, SyntheticSpxChain.csv(), StandardCharsets.UTF_8);
        }
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        OptionChain chain;
        try (Reader r = Files.newBufferedReader(chainFile)) {
            chain = new CboeQuoteDataParser().parse(r, chainFile.toString()).chain();
        }
        GammaExposure gex = new GammaExposure(GexConvention.DEFAULT);
        for (int i = 0; i < 30; i++) {
            gex.profile(chain); // JIT warm-up
        }
        double[] javaMs = new double[repetitions];
        GammaProfile profile = null;
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            profile = gex.profile(chain);
            javaMs[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(javaMs);
        ZeroGamma zero = ZeroGamma.find(profile);

        String script = System.getProperty("alphacast.numpy.script", "bench/gex_profile_numpy.py");
        Process python = new ProcessBuilder("python3", script, chainFile.toString(), Integer.toString(repetitions))
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (python.waitFor() != 0) {
            System.err.println("numpy run failed:\n" + output);
            System.exit(1);
        }
        double numpyMedian = number(output, "median_ms");
        double numpyZero = number(output, "zero_gamma");
        double javaMedian = javaMs[repetitions / 2];
        System.out.printf(Locale.ROOT, "chain: %s (%,d contracts, spot %.2f, as of %s)%n", chainFile,
                chain.contracts().size(), chain.spot(), chain.asOf());
        System.out.printf(Locale.ROOT, "60-level zero-gamma profile, median of %d runs, single thread:%n",
                repetitions);
        System.out.printf(Locale.ROOT, "  Java : %8.3f ms (min %.3f)  zero gamma %s%n", javaMedian, javaMs[0],
                zero.level().isPresent() ? String.format(Locale.ROOT, "%.4f", zero.level().getAsDouble())
                        : "none");
        System.out.printf(Locale.ROOT, "  numpy: %8.3f ms              zero gamma %s   (%s)%n", numpyMedian,
                Double.isNaN(numpyZero) ? "none" : String.format(Locale.ROOT, "%.4f", numpyZero),
                text(output, "implementation"));
        System.out.printf(Locale.ROOT, "  ratio numpy / Java = %.2fx%n", numpyMedian / javaMedian);
        boolean agree = zero.level().isPresent() ? Math.abs(zero.level().getAsDouble() - numpyZero) < 1e-6
                : Double.isNaN(numpyZero);
        System.out.println("  results agree: " + agree);
        if (!agree) {
            System.exit(1);
        }
    }

    private static double number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": (null|-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in numpy output: " + json);
        }
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": \"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
