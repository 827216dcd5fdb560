package com.alphacast.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.cli.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./alphacast cloud ...} refusing what it cannot do, before anything keeps running. */
class CloudCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cloud(String... args) {
        return new CloudCommand().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAPortBaseOutsideTheUnprivilegedRangeAsAUsageError() {
        assertThat(cloud("up", "--port-base", "80")).isEqualTo(64);
        assertThat(errors()).contains("--port-base must be within 1024..65533 (DynamoDB on N, SQS on N+1, HTTP APIs on N+2), got 80");

        assertThat(cloud("up", "--port-base", "65535")).isEqualTo(64);
        assertThat(errors()).contains("got 65535");
    }

    @Test
    void refusesAPortBaseThatIsNotANumberOrMissing() {
        assertThat(cloud("up", "--port-base", "eighty")).isEqualTo(64);
        assertThat(errors()).contains("--port-base must be a port number, got 'eighty'");

        assertThat(cloud("up", "--port-base")).isEqualTo(64);
        assertThat(errors()).contains("--port-base needs a value");

        assertThat(cloud("up", "--ports", "9000")).isEqualTo(64);
        assertThat(errors()).contains("unknown option '--ports'");
    }

    @Test
    void refusesAPortInUseNamingThePortAndItsServer() throws IOException {
        int base = StackHome.freePortBase();
        try (ServerSocket squatter = new ServerSocket(base + 1, 1, InetAddress.getLoopbackAddress())) {
            assertThat(cloud("up", "--port-base", Integer.toString(base), "--home", StackHome.copyInto(home).toString()))
                    .isEqualTo(64);
        }
        assertThat(errors()).contains("port " + (base + 1) + " (SQS) is in use");
    }

    @Test
    void refusesAHomeWithoutTemplate() {
        assertThat(cloud("up", "--port-base", Integer.toString(StackHome.freePortBase()), "--home", home.toString()))
                .isEqualTo(ExitCode.INPUT);
        assertThat(errors()).contains("no template.yaml in " + home);
    }

    @Test
    void cloudDownExplainsThatTheStackStopsWithItsUpProcess() {
        assertThat(cloud("down")).isEqualTo(64);
        assertThat(errors()).contains("press Ctrl-C where it runs, or 'kill <pid>'");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(cloud("up", "--help")).isZero();
        List<String> missing = new ArrayList<>();
        for (String option : List.of("--port-base N", "--data-dir DIR", "--profile NAME", "--home DIR")) {
            if (!out.toString(StandardCharsets.UTF_8).contains(option)) {
                missing.add(option);
            }
        }
        assertThat(missing).isEmpty();
    }
}
