package com.alphacast.cli.analyze;

import com.alphacast.cli.Command;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.feed.InputFormatException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code ./alphacast analyze <gex|vpin|book> ...}: runs core's market analytics on files and prints JSON (default)
 * or a table ({@code --format table}). Exit codes: 0 ok, 65 input error (message names file, line and column),
 * 64 usage error.
 */
public final class AnalyzeCommand implements Command {

    static final int OK = ExitCode.OK;
    static final int INPUT_ERROR = ExitCode.INPUT;
    static final int USAGE = ExitCode.USAGE;

    public AnalyzeCommand() {
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            usage(err);
            return USAGE;
        }
        String sub = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (sub.equals("help") || sub.equals("--help") || sub.equals("-h")) {
            usage(out);
            return OK;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            usage(out);
            return OK;
        }
        try {
            switch (sub) {
                case "gex" -> new GexAnalysis().run(rest, out);
                case "vpin" -> new VpinAnalysis().run(rest, out);
                case "book" -> new BookAnalysis().run(rest, out);
                default -> throw new UsageException("unknown analysis '" + sub + "' (expected gex, vpin or book)");
            }
            return OK;
        } catch (UsageException e) {
            err.println("analyze " + sub + ": " + e.getMessage());
            err.println("Run './alphacast analyze --help' for usage.");
            return USAGE;
        } catch (InputFormatException e) {
            err.println("analyze " + sub + ": " + e.getMessage());
            return INPUT_ERROR;
        } catch (InputException e) {
            err.println("analyze " + sub + ": " + e.getMessage());
            return INPUT_ERROR;
        } catch (UncheckedIOException e) {
            err.println("analyze " + sub + ": " + e.getMessage() + ": " + e.getCause().getMessage());
            return INPUT_ERROR;
        }
    }

    static void usage(PrintStream s) {
        s.println("""
                usage: ./alphacast analyze <analysis> [options] [--format json|table]

                  gex   --chain FILE [--spot X] [--asof YYYY-MM-DD] [--top N] [--min-oi N]
                        [--dealers long-calls-short-puts|short-calls-long-puts|short-calls-short-puts] [--profile]
                        GEX/DEX totals, per strike and expiry, top strikes and the zero-gamma level of a CBOE
                        chain: quotedata.csv export or delayed-quotes JSON (SqueezeMetrics/Perfiliev
                        convention, USD per 1% move).

                  vpin  --trades FILE.csv [--bucket-volume V | --buckets-per-day 50] [--window 50]
                        [--classify bvc|tick|lee-ready|side] [--bar 1m] [--sigma-window 20]
                        [--min-sigma-changes N (default: the sigma window)] [--zone UTC]
                        [--bad-print-band 0.01] [--bad-print-window 21] [--no-bad-print-filter]
                        VPIN over equal-volume buckets (Easley, Lopez de Prado, O'Hara 2012), after removing bad
                        prints outside the band around the rolling median (counted and listed). Trades CSV:
                        'Date and Time,Price,Volume' or a header naming time, price, size [, side, bid, ask].

                  vpin  --bars FILE.csv --close COL --volume COL [--time COL] [--sigma-window 20] [--window 50]
                        [--min-sigma-changes N]
                        Per-bar BVC buy volume and VPIN for bars of unequal volume.

                  book  [--snapshots FILE] --stream FILE [--symbol S] [--futures]
                        Rebuilds Binance books from snapshot + diff captures (cryptofeed, hftbacktest .gz with the
                        snapshot inline, or JSONL); tells spot from USD-M/COIN-M futures by the pu field and the
                        URLs (--futures forces futures rules); prints every applied update's top of book, every
                        gap, every bookTicker mismatch and trade-classifier accuracy.

                exit codes: 0 ok, 64 usage error, 65 input error (file, line and column named)""");
    }
}
