package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCacheUseTest {

    private static final long MB = 1L << 20;
    private static final long KB = 1L << 10;
    /** Marks a probe run under a {@link CodeCacheWatch}: the probe's argument, not a JVM option. */
    private static final String WATCH = "--probe-watch";

    @TempDir
    Path scratch;

    @Test
    void countsAsFilledWithinAMegabyteOfItsSize() {
        assertThat(new CodeCacheUse(48 * MB - 300 * KB, 48 * MB).filled()).isTrue();
        assertThat(new CodeCacheUse(48 * MB, 48 * MB).filled()).isTrue();
        assertThat(new CodeCacheUse(46 * MB, 48 * MB).filled()).isFalse();
        assertThat(new CodeCacheUse(60 * MB, 240 * MB).filled()).isFalse();
    }

    @Test
    void leavesTheHeapOfStubsOutOfASegmentedCache() {
        // Compiled methods never go into the non-nmethods heap, so its free room cannot keep the JIT going.
        CodeCacheUse full = CodeCacheUse.of(List.of(
                new CodeCacheUse.Pool("CodeHeap 'non-nmethods'", 1 * MB, 5 * MB),
                new CodeCacheUse.Pool("CodeHeap 'profiled nmethods'", 1 * MB - 20 * KB, 1 * MB),
                new CodeCacheUse.Pool("CodeHeap 'non-profiled nmethods'", 1 * MB, 1 * MB),
                new CodeCacheUse.Pool("Metaspace", 40 * MB, -1)));

        assertThat(full).isEqualTo(new CodeCacheUse(2 * MB - 20 * KB, 2 * MB));
        assertThat(full.filled()).isTrue();
        assertThat(CodeCacheUse.of(List.of(new CodeCacheUse.Pool("CodeCache", 56 * MB, 240 * MB))).filled()).isFalse();
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
        assumeHotSpotCodeCache();
        CodeCacheUse use = CodeCacheUse.ofThisJvm();

        assertThat(use.maxBytes()).isGreaterThan(use.peakBytes());
        assertThat(use.peakBytes()).isGreaterThan(0);
    }

    @Test
    void agreesWithHotSpotWhenItsCompilerStoppedForAFullCache() throws Exception {
        // -Xcomp compiles every method on first call, so the smallest cache HotSpot accepts fills within the probe.
        String full = probe("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=2496k");

        assertThat(full).contains("Compiler has been disabled", "filled=true", "the JIT stopped compiling");
    }

    @Test
    void agreesWithHotSpotWhenASegmentedCacheFilledItsMethodHeaps() throws Exception {
        // The stubs' heap keeps 4 MB free: counted in, the cache would look far from full.
        String full = probe("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:+SegmentedCodeCache",
                "-XX:ReservedCodeCacheSize=7m", "-XX:NonNMethodCodeHeapSize=5m", "-XX:ProfiledCodeHeapSize=1m",
                "-XX:NonProfiledCodeHeapSize=1m");

        assertThat(full).contains("Compiler has been disabled", "filled=true");
    }

    @Test
    void findsRoomWhereHotSpotKeptCompiling() throws Exception {
        String roomy = probe("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

        assertThat(roomy).doesNotContain("Compiler has been disabled").contains("filled=false", "of 240.0 MB");
    }

    @Test
    void warnsOnceWhenTheCacheFillsWhileWatched() throws Exception {
        // C1 compiling nearly every method it meets: the probe's work takes a 3 MB cache past its last megabyte
        String watched = probeWatching("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=3m",
                "-XX:Tier3InvocationThreshold=2", "-XX:Tier3MinInvocationThreshold=1", "-XX:Tier3CompileThreshold=2",
                "-XX:Tier3BackEdgeThreshold=10");

        assumeTrue(watched.contains("filled when the watch began=false"),
                "this JVM's start-up left the watch a cache with room to fill");
        assertThat(watched).contains("warned=true");
        assertThat(watched.lines().filter(line -> line.startsWith("watch: "))).singleElement().asString()
                .contains("the JVM's code cache has filled", "JIT stopped compiling", "-XX:ReservedCodeCacheSize=240m");
    }

    @Test
    void warnsAtOnceWhenTheCacheFilledBeforeTheWatchBegan() throws Exception {
        String watched = probeWatching("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=2496k");

        assertThat(watched).contains("filled when the watch began=true", "warned=true");
        assertThat(watched.lines().filter(line -> line.startsWith("watch: "))).hasSize(1);
    }

    @Test
    void staysQuietWhileTheCacheHasRoom() throws Exception {
        String watched = probeWatching("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

        assertThat(watched).contains("warned=false").doesNotContain("watch: ");
    }

    private String probeWatching(String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add(WATCH);
        return probe(arguments.toArray(String[]::new));
    }

    private static void assumeHotSpotCodeCache() {
        assumeTrue(ManagementFactory.getMemoryPoolMXBeans().stream()
                        .anyMatch(pool -> pool.getName().equals("CodeCache") || pool.getName().startsWith("CodeHeap")),
                "a JVM that reports HotSpot's code cache pools");
    }

    /** Runs {@link CodeCacheProbe} in a child JVM with {@code options}; its stdout and stderr together. */
    private String probe(String... options) throws Exception {
        assumeHotSpotCodeCache();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.add("-cp");
        command.add(location(CodeCacheUse.class) + File.pathSeparator + location(CodeCacheProbe.class));
        command.add(CodeCacheProbe.class.getName());
        if (command.remove(WATCH)) {
            command.add("watch");
        }
        Path output = scratch.resolve("probe.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not end within 60 s: " + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("probe exit code; output:%n%s", text).isZero();
        return text;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
