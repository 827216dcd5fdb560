package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CodeCacheUseTest {

    private static final long MB = 1L << 20;

    @Test
    void countsAsFilledWithinAMegabyteOfItsSize() {
        assertThat(new CodeCacheUse(48 * MB - 300 * 1024, 48 * MB).filled()).isTrue();
        assertThat(new CodeCacheUse(48 * MB, 48 * MB).filled()).isTrue();
        assertThat(new CodeCacheUse(46 * MB, 48 * MB).filled()).isFalse();
        assertThat(new CodeCacheUse(60 * MB, 240 * MB).filled()).isFalse();
    }

    @Test
    void saysTheFiguresRanInterpretedWhenTheCacheFilled() {
        assertThat(new CodeCacheUse(48 * MB, 48 * MB).describe())
                .contains("peaked at 48.0 of 48.0 MB", "JIT stopped compiling", "-XX:ReservedCodeCacheSize=240m");
        assertThat(new CodeCacheUse(60 * MB, 240 * MB).describe())
                .isEqualTo("the JVM's code cache peaked at 60.0 of 240.0 MB");
        assertThat(new CodeCacheUse(0, 0).filled()).isFalse();
        assertThat(new CodeCacheUse(0, 0).describe()).contains("reports no code cache");
    }

    @Test
    void refusesNegativeSizes() {
        assertThatThrownBy(() -> new CodeCacheUse(-1, 48 * MB))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peak -1");
    }

    @Test
    void seesTheCodeCacheOfTheRunningJvm() {
        CodeCacheUse use = CodeCacheUse.ofThisJvm();

        assertThat(use.maxBytes()).isGreaterThan(use.peakBytes()).isGreaterThan(0);
        assertThat(use.peakBytes()).isGreaterThan(0);
    }

    @Test
    void agreesWithHotSpotWhenItsCompilerStoppedForAFullCache() throws Exception {
        // -Xcomp compiles every method on first call, so the smallest cache HotSpot accepts fills within the probe.
        String full = probe("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=2496k");

        assertThat(full).contains("Compiler has been disabled", "filled=true", "the JIT stopped compiling");
    }

    @Test
    void findsRoomWhereHotSpotKeptCompiling() throws Exception {
        String roomy = probe("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

        assertThat(roomy).doesNotContain("Compiler has been disabled").contains("filled=false", "of 240.0 MB");
    }

    /** Runs {@link CodeCacheProbe} in a child JVM with {@code options}; its stdout and stderr together. */
    private static String probe(String... options) throws IOException, InterruptedException, URISyntaxException {
        assumeTrue(System.getProperty("java.vm.name", "").contains("HotSpot")
                || System.getProperty("java.vm.name", "").contains("OpenJDK"), "HotSpot's code cache flags");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.add("-cp");
        command.add(location(CodeCacheUse.class) + java.io.File.pathSeparator + location(CodeCacheProbe.class));
        command.add(CodeCacheProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM ended").isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("probe exit code; output:%n%s", text).isZero();
        return text;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
