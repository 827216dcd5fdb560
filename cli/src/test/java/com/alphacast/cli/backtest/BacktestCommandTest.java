package com.alphacast.cli.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.cli.Alphacast;
import com.alphacast.cli.ExitCode;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    private static final Path ROOT = LocalCloudExtension.projectRoot();

    @TempDir
    Path temp;

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("backtest"));
        all.addAll(List.of(args));
        all.addAll(List.of("--home", ROOT.toString()));
        int code = new Alphacast().run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void backtestsTheRecordedSpySessionsPrintingTheReportAndWritingAnIdenticalReportEachRun() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");

        Run text = run("--data", "testdata/lean", "--strategies", "all", "--out", first.toString());
        Run json = run("--data", "testdata/lean", "--strategies", "all", "--out", second.toString(),
                "--format", "json");

        assertThat(text.code()).as(text.err()).isEqualTo(ExitCode.OK);
        assertThat(text.out())
                .contains("backtest of testdata/lean (9 recordings), instruments SPY")
                .contains("sale-condition filter: 1,164 prints")
                .containsPattern("(?m)^strategy +signals approved trades +win% +avg R +P&L +max DD +Sharpe exposure$")
                .containsPattern("(?m)^institutional-flow +[1-9]\\d* +[1-9]\\d* +[1-9]\\d* ")
                .containsPattern("(?m)^volume-spike +[1-9]\\d* ")
                .containsPattern("(?m)^all +[1-9]\\d* +[1-9]\\d* +[1-9]\\d* +\\d+\\.\\d%")
                .contains("Sharpe: per trade, not annualised")
                .contains("report: " + first.resolve(BacktestCommand.REPORT_FILE));
        BufferedImage chart = ImageIO.read(first.resolve(BacktestCommand.CHART_FILE).toFile());
        assertThat(chart).isNotNull();
        assertThat(chart.getWidth()).isEqualTo(EquityChart.WIDTH);
        assertThat(chart.getHeight()).isEqualTo(EquityChart.HEIGHT);

        assertThat(json.code()).as(json.err()).isEqualTo(ExitCode.OK);
        byte[] report = Files.readAllBytes(first.resolve(BacktestCommand.REPORT_FILE));
        assertThat(Files.readAllBytes(second.resolve(BacktestCommand.REPORT_FILE))).isEqualTo(report);
        assertThat(json.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(report);
        String body = new String(report, StandardCharsets.UTF_8);
        assertThat(body).contains("\"strategyProfile\" : \"technical\"")
                .contains("\"sale condition average-price\"")
                .contains("\"exitReason\" : \"TARGET\"")
                .doesNotContain(ROOT.toString());
    }

    @Test
    void refusesABadLeanFileNamingTheFileAndLine() throws IOException {
        Path zip = temp.resolve("20131007_trade.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("20131007_spy_Trade_Tick.csv"));
            out.write("34200000,1674100,100,P,1,0\n34200100,16741x0,100,P,1,0\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        Run run = run("--data", zip.toString(), "--strategies", "all", "--out", temp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(zip + "!20131007_spy_Trade_Tick.csv:2:")
                .contains("1 malformed line(s)");
    }

    @Test
    void refusesABadTradesCsvNamingTheFileAndLine() throws IOException {
        Path csv = temp.resolve("spy.csv");
        Files.writeString(csv, "time,price,size\n2013-10-07T14:00:00Z,168.00,100\n2013-10-07T14:00:01Z,abc,100\n");

        Run run = run("--data", csv.toString(), "--strategies", "volume-spike", "--out", temp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(csv + ":3:").contains("unparseable number");
    }

    @Test
    void refusesARecordedChainNoInstrumentFollows() {
        Run run = run("--data", "testdata/options/spy_quotedata_2025-09-25.csv", "--strategies", "all",
                "--out", temp.resolve("out").toString());

        assertThat(run.code()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("spy_quotedata_2025-09-25.csv").contains("no instrument of the settings profile follows");
    }

    @Test
    void refusesUnknownStrategiesMissingDataAndBadDatesAsUsage() {
        Run unknown = run("--data", "testdata/lean", "--strategies", "volume-spike,moon-phase");
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown strategy 'moon-phase'").contains("institutional-flow");

        Run noData = run("--strategies", "all");
        assertThat(noData.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noData.err()).contains("--data PATH is required");

        Run badDate = run("--data", "testdata/lean", "--strategies", "all", "--from", "2013-10-32");
        assertThat(badDate.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badDate.err()).contains("--from must be a date");

        Run missing = run("--data", "no/such/folder", "--strategies", "all");
        assertThat(missing.code()).isEqualTo(ExitCode.INPUT);
        assertThat(missing.err()).contains("no/such/folder").contains("no such file or directory");
    }

    @Test
    void keepsOnlyTheSessionsBetweenFromAndTo() throws IOException {
        Path out = temp.resolve("one-day");
        Run run = run("--data", "testdata/lean/equity/usa/second/spy", "--strategies", "volume-spike",
                "--from", "2013-10-08", "--to", "2013-10-08", "--out", out.toString(), "--format", "json");

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        String report = Files.readString(out.resolve(BacktestCommand.REPORT_FILE));
        assertThat(report).contains("\"from\" : \"2013-10-08\"").doesNotContain("\"openedAt\" : \"2013-10-07")
                .doesNotContain("\"openedAt\" : \"2013-10-09");
    }

}
