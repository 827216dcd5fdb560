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

    @TempDir
    Path scratch;

    /** What {@code jcmd PID Compiler.codecache} printed for a JVM whose 2.4 MB cache filled (JDK 17, HotSpot). */
    private static final String REPORT_OF_A_FULL_CACHE = """
            CodeCache: size=2496Kb used=2251Kb max_used=2340Kb free=245Kb
             bounds [0x00007fd276990000, 0x00007fd276c00000, 0x00007fd276c00000]
             total_blobs=984 nmethods=596 adapters=315
             compilation: enabled
                          stopped_count=1, restarted_count=1
             full_count=1
            """;

    @Test
    void countsAsFilledOnlyWhenHotSpotFoundItFull() {
        // Within kilobytes of its size is not full: HotSpot may free old code and keep compiling.
        assertThat(new CodeCacheUse(48 * MB - 8 * KB, 48 * MB, 0).filled()).isFalse();
        assertThat(new CodeCacheUse(46 * MB, 48 * MB, 1).filled()).isTrue();
        assertThat(new CodeCacheUse(48 * MB, 48 * MB, CodeCacheUse.TIMES_FULL_UNKNOWN).filled()).isFalse();
    }

    @Test
    void readsTheTimesFullFromHotSpotsReport() {
        assertThat(CodeCacheUse.timesFull(REPORT_OF_A_FULL_CACHE)).isEqualTo(1);
        assertThat(CodeCacheUse.timesFull(REPORT_OF_A_FULL_CACHE.replace("full_count=1", "full_count=0"))).isZero();
        assertThat(CodeCacheUse.timesFull("CodeCache: size=2496Kb used=2251Kb"))
                .isEqualTo(CodeCacheUse.TIMES_FULL_UNKNOWN);
    }

    @Test
    void leavesTheHeapOfStubsOutOfASegmentedCache() {
        // Compiled methods never go into the non-nmethods heap: its room is not the cache's.
        CodeCacheUse pools = CodeCacheUse.of(List.of(
                new CodeCacheUse.Pool("CodeHeap 'non-nmethods'", 1 * MB, 5 * MB),
                new CodeCacheUse.Pool("CodeHeap 'profiled nmethods'", 1 * MB - 20 * KB, 1 * MB),
                new CodeCacheUse.Pool("CodeHeap 'non-profiled nmethods'", 1 * MB, 1 * MB),
                new CodeCacheUse.Pool("Metaspace", 40 * MB, -1)));

        assertThat(pools).isEqualTo(new CodeCacheUse(2 * MB - 20 * KB, 2 * MB, CodeCacheUse.TIMES_FULL_UNKNOWN));
        assertThat(CodeCacheUse.of(List.of(new CodeCacheUse.Pool("CodeCache", 56 * MB, 240 * MB))))
                .isEqualTo(new CodeCacheUse(56 * MB, 240 * MB, CodeCacheUse.TIMES_FULL_UNKNOWN));
    }

    @Test
    void saysTheFiguresRanInterpretedWhenTheCacheFilled() {
        assertThat(new CodeCacheUse(48 * MB, 48 * MB, 1).describe())
                .contains("peaked at 48.0 of 48.0 MB", "HotSpot found it full", "ran interpreted",
                        "-XX:ReservedCodeCacheSize=240m");
        assertThat(new CodeCacheUse(60 * MB, 240 * MB, 0).describe())
                .isEqualTo("the JVM's code cache peaked at 60.0 of 240.0 MB");
        assertThat(new CodeCacheUse(60 * MB, 240 * MB, CodeCacheUse.TIMES_FULL_UNKNOWN).describe())
                .contains("does not say whether it ever ran full");
        assertThat(new CodeCacheUse(0, 0, CodeCacheUse.TIMES_FULL_UNKNOWN).describe()).contains("reports no code cache");
    }

    @Test
    void refusesNegativeSizesAndCounts() {
        assertThatThrownBy(() -> new CodeCacheUse(-1, 48 * MB, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("peak -1");
        assertThatThrownBy(() -> new CodeCacheUse(1 * MB, 48 * MB, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-2");
    }

    @Test
    void seesTheCodeCacheOfTheRunningJvm() {
        assumeHotSpotCodeCache();
        CodeCacheUse use = CodeCacheUse.ofThisJvm();

        assertThat(use.maxBytes()).isGreaterThan(use.peakBytes());
        assertThat(use.peakBytes()).isGreaterThan(0);
        assertThat(use.timesFull()).as("HotSpot's count").isZero();
    }

    @Test
    void agreesWithHotSpotWhenItsCompilerStoppedForAFullCache() throws Exception {
        // -Xcomp compiles every method on first call, so the smallest cache HotSpot accepts fills within the probe.
        String full = probe("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=2496k");

        assertThat(full).contains("Compiler has been disabled", "filled=true", "HotSpot found it full");
    }

    @Test
    void agreesWithHotSpotWhenASegmentedCacheFilledItsMethodHeaps() throws Exception {
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
    void warnsOnceWhenTheMethodHeapsFillWhileWatched() throws Exception {
        // Both compilers at work on a segmented cache, each method heap taking the other's overflow: the heap that
        // fills first is full long before HotSpot gives up on the pair, so no threshold on one heap tells when.
        String watched = probe(List.of("-XX:+SegmentedCodeCache", "-XX:ReservedCodeCacheSize=7680k",
                "-XX:NonNMethodCodeHeapSize=5m", "-XX:ProfiledCodeHeapSize=1m", "-XX:NonProfiledCodeHeapSize=1536k",
                "-XX:Tier3InvocationThreshold=2", "-XX:Tier3MinInvocationThreshold=1", "-XX:Tier3CompileThreshold=2",
                "-XX:Tier3BackEdgeThreshold=10"), List.of("watch", "rounds=200"));

        assumeTrue(watched.contains("filled when the watch began=false"),
                "this JVM's start-up left the watch a cache with room to fill");
        assertThat(watched).contains("Compiler has been disabled", "warned=true");
        assertThat(watched.lines().filter(line -> line.startsWith("watch: "))).singleElement().asString()
                .contains("HotSpot found the JVM's code cache full (", "of 2.5 MB at the peak) and stopped compiling",
                        "-XX:ReservedCodeCacheSize=240m");
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

    private String probeWatching(String... jvmOptions) throws Exception {
        return probe(List.of(jvmOptions), List.of("watch"));
    }

    private String probe(String... jvmOptions) throws Exception {
        return probe(List.of(jvmOptions), List.of());
    }

    private static void assumeHotSpotCodeCache() {
        assumeTrue(ManagementFactory.getMemoryPoolMXBeans().stream()
                        .anyMatch(pool -> pool.getName().equals("CodeCache") || pool.getName().startsWith("CodeHeap")),
                "a JVM that reports HotSpot's code cache pools");
    }

    /** Runs {@link CodeCacheProbe} in a child JVM; its stdout and stderr together. */
    private String probe(List<String> jvmOptions, List<String> probeArguments) throws Exception {
        assumeHotSpotCodeCache();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(location(CodeCacheUse.class) + File.pathSeparator + location(CodeCacheProbe.class));
        command.add(CodeCacheProbe.class.getName());
        command.addAll(probeArguments);
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
