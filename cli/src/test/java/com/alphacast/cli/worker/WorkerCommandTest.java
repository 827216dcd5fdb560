package com.alphacast.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.cli.ExitCode;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    private static final Path ROOT = LocalCloudExtension.projectRoot();

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", ROOT.toString()));
        int code = new WorkerCommand().run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void replaysTheDemoSessionOnTheLocalCloudAndReadsBackSnapshotsWithTheirAnalytics() {
        Run run = run("--replay", ROOT.resolve("data/demo/es_trades_2011-07-31.csv").toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("replayed 11,101 events").contains("50 bars, 3 signals")
                .contains("io: 50 snapshots written, 3 signals sent")
                .contains("0 snapshots dropped")
                .contains("signals waiting in SignalsQueue: 3")
                .containsPattern("ES bar 2011-07-31T22:49:00Z .* VPIN 0\\.\\d{3} .* (LOW|NORMAL|HIGH)");
    }

    @Test
    void replaysADatabentoRecordingIntoTheDemoProfilesEsInstrument() {
        Run run = run("--replay",
                ROOT.resolve("testdata/databento/GLBX.MDP3_ESH1_2020-12-28.trades.dbn.zst").toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("replayed 4 events").contains("1 bars, 0 signals")
                .containsPattern("ES bar 2020-12-28T00:00:00Z close 3702\\.75 vol 4 ");
    }

    @Test
    void refusesACorruptDatabentoRecordingAsBadInputNamingTheOffset(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path bad = dir.resolve("bad.dbn");
        java.nio.file.Files.write(bad, "DBN\u0001".getBytes(StandardCharsets.US_ASCII));
        Run run = run("--replay", bad.toString());
        assertThat(run.code()).as(run.out()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains(bad + " at byte 3: DBN version 1 is not supported");
    }

    @Test
    void refusesToStartWithoutARecordingNamingTheOption() {
        Run run = run();
        assertThat(run.code()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--replay PATH");
    }

    @Test
    void refusesAMissingRecordingAsBadInput() {
        Run run = run("--replay", "no/such/file.csv");
        assertThat(run.code()).isEqualTo(ExitCode.INPUT);
        assertThat(run.err()).contains("no/such/file.csv").contains("not a readable file");
    }
}
