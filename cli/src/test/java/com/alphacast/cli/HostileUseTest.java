package com.alphacast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./alphacast} as a careless or hostile user drives it, through the same entry point as the launcher: every
 * failure is one line naming what to change, with the documented exit code, and nothing an input contains reaches
 * the terminal as a control sequence.
 */
class HostileUseTest {

    private static final Path ROOT = LocalCloudExtension.projectRoot();
    /** The demo session shipped in the repository: real ES trades. */
    private static final Path ES_TRADES = ROOT.resolve("data/demo/es_trades_2011-07-31.csv");

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Alphacast().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String chainWithName(String name) {
        return name + ",Last: 658.05,Change:  -3.05\n"
                + "\"Date: September 25, 2025 at 9:05 PM EDT\",Bid: 657.81,Ask: 657.83\n"
                + "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,"
                + "Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n"
                + "Wed Oct 01 2025,SPY251001C00650000,9.3,0,9.2,9.4,10,0.2,0.6,0.03,1000,650.00,SPY251001P00650000,"
                + "1.2,0,1.1,1.3,10,0.21,-0.4,0.03,2000\n";
    }

    @Test
    void escapeSequencesInAFileNeverReachTheTerminal(@TempDir Path dir) throws IOException {
        Path chain = dir.resolve("chain.csv");
        Files.writeString(chain, chainWithName("\u001b]0;owned\u0007\u001b[2J\u009b31mSPY\u202e"));
        Run table = run("analyze", "gex", "--chain", chain.toString(), "--format", "table");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e")
                .contains("]0;owned\\u0007\\u001B[2J");
        Run json = run("analyze", "gex", "--chain", chain.toString());
        assertThat(json.out()).doesNotContain("\u001b", "\u009b", "\u202e").contains("\"name\"");

        Path trades = dir.resolve("t.csv");
        Files.writeString(trades, "time,price,size\n1,1\u001b[31m0,1\n");
        Run error = run("analyze", "vpin", "--trades", trades.toString());
        assertThat(error.code()).isEqualTo(ExitCode.INPUT);
        assertThat(error.err()).doesNotContain("\u001b").contains("1\\u001B[31m0");
    }

    @Test
    void aHugeHeaderLineGivesOneShortErrorNotItsContent(@TempDir Path dir) throws IOException {
        Path trades = dir.resolve("wide.csv");
        Files.writeString(trades, "x".repeat(3_000_000) + "\n");
        Run r = run("analyze", "vpin", "--trades", trades.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).hasSizeLessThan(1_000).contains("wide.csv:1:").contains("line longer than");
    }

    @Test
    void numericOptionsOutsideTheirDocumentedRangeAreUsageErrors() {
        String trades = ES_TRADES.toString();
        for (String[] option : new String[][] {
            {"--bucket-volume", "1e-9"}, {"--buckets-per-day", "2147483647"}, {"--window", "2147483647"},
            {"--sigma-window", "2147483647"}, {"--bar", "99999999999999h"}, {"--bar", "1ms"},
            {"--bad-print-band", "Infinity"}, {"--window", "0x10"}, {"--bucket-volume", "500d"}}) {
            long started = System.nanoTime();
            Run r = run("analyze", "vpin", "--trades", trades, option[0], option[1]);
            assertThat(r.code()).as(String.join(" ", option) + ": " + r.err()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains(option[0]).doesNotContain("Exception");
            assertThat((System.nanoTime() - started) / 1e9).as(option[0]).isLessThan(10);
        }
        Run tiny = run("analyze", "vpin", "--trades", trades, "--bucket-volume", "0.001");
        assertThat(tiny.code()).isEqualTo(ExitCode.USAGE);
        assertThat(tiny.err()).contains("more than 1,000,000 buckets");
        assertThat(run("analyze", "gex", "--chain", "x.csv", "--spot", "Infinity").code()).isEqualTo(ExitCode.USAGE);
        assertThat(run("analyze", "gex", "--chain", "x.csv", "--top", "99999999999").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void barsAcceptAByteOrderMarkAndRefuseAnInfiniteClose(@TempDir Path dir) throws IOException {
        Path bars = dir.resolve("bars.csv");
        Files.writeString(bars, "\uFEFFtime,close,volume\n1,100,10\n2,100.5,12\n3,100.25,9\n");
        Run ok = run("analyze", "vpin", "--bars", bars.toString(), "--close", "close", "--volume", "volume",
                "--sigma-window", "2", "--window", "2");
        assertThat(ok.code()).as(ok.err()).isZero();
        Files.writeString(bars, "time,close,volume\n1,100,10\n2,Infinity,12\n");
        Run inf = run("analyze", "vpin", "--bars", bars.toString(), "--close", "close", "--volume", "volume");
        assertThat(inf.code()).isEqualTo(ExitCode.INPUT);
        assertThat(inf.err()).contains("bars.csv:3:3: unparseable number 'Infinity' in column 'close'");
    }

    @Test
    void anEncodingErrorNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path trades = dir.resolve("latin1.csv");
        Files.write(trades, "time,price,size\n1,10,1\n2,10,1 caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Run r = run("analyze", "vpin", "--trades", trades.toString());
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("latin1.csv:3:11: bytes that are not valid UTF-8").doesNotContain("Input length");
    }

    @Test
    void aDefectEndsInOneLineWithExitCode70NotAStackTrace() {
        Alphacast alphacast = new Alphacast();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = alphacast.run(List.of("analyze", "gex", "--chain"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }
}
