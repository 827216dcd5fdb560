package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.alphacast.core.text.TerminalText;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCacheUseTest {

    private static final long MB = 1L << 20;
    private static final long KB = 1L << 10;

    @TempDir
    Path scratch;

    /**
     * What {@code jcmd PID Compiler.codecache} printed for a JVM whose 2.4 MB cache had filled (JDK 17): HotSpot had
     * since freed room and compiled again.
     */
    private static final String REPORT_OF_A_FULL_CACHE = """
            CodeCache: size=2496Kb used=2251Kb max_used=2340Kb free=245Kb
             bounds [0x00007fd276990000, 0x00007fd276c00000, 0x00007fd276c00000]
             total_blobs=984 nmethods=596 adapters=315
             compilation: enabled
                          stopped_count=1, restarted_count=1
             full_count=1
            """;

    /**
     * The same report from JDK 21 on (Temurin 25, a segmented cache whose method heaps filled): the count ends the
     * totals line.
     */
    private static final String REPORT_OF_A_FULL_CACHE_SINCE_JDK_21 = """
            CodeHeap 'non-profiled nmethods': size=1536Kb used=1532Kb max_used=1532Kb free=3Kb
             bounds [0x00007f122f15c000, 0x00007f122f2dc000, 0x00007f122f2dc000]
            CodeHeap 'profiled nmethods': size=1024Kb used=1024Kb max_used=1024Kb free=0Kb
             bounds [0x00007f122eb5c000, 0x00007f122ec5c000, 0x00007f122ec5c000]
            CodeHeap 'non-nmethods': size=5120Kb used=1537Kb max_used=1553Kb free=3582Kb
             bounds [0x00007f122ec5c000, 0x00007f122eecc000, 0x00007f122f15c000]
            CodeCache: size=7680Kb, used=4093Kb, max_used=4109Kb, free=3585Kb
             total_blobs=1843, nmethods=1345, adapters=403, full_count=1
            Compilation: disabled (not enough contiguous free space left), stopped_count=1, restarted_count=0
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
        assertThat(CodeCacheUse.timesFull(REPORT_OF_A_FULL_CACHE_SINCE_JDK_21)).isEqualTo(1);
        assertThat(CodeCacheUse.timesFull(REPORT_OF_A_FULL_CACHE_SINCE_JDK_21.replace("full_count=1", "full_count=12")))
                .isEqualTo(12);
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
                .contains("peaked at 48.0 of 48.0 MB", "HotSpot found a heap of it full", "ran interpreted",
                        "-XX:ReservedCodeCacheSize=240m");
        assertThat(new CodeCacheUse(60 * MB, 240 * MB, 0).describe())
                .isEqualTo("the JVM's code cache peaked at 60.0 of 240.0 MB");
        assertThat(new CodeCacheUse(60 * MB, 240 * MB, CodeCacheUse.TIMES_FULL_UNKNOWN).describe())
                .contains("does not say whether it ever ran full");
        assertThat(new CodeCacheUse(0, 0, CodeCacheUse.TIMES_FULL_UNKNOWN).describe()).contains("could not be read");
    }

    @Test
    void writesMegabytesAsTheFormatterWould() {
        List<String> differing = new ArrayList<>();
        for (long bytes = 0; bytes < 300 * MB; bytes += 997) {
            String expected = String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
            if (!CodeCacheUse.appendMegabytes(new StringBuilder(), bytes).toString().equals(expected)) {
                differing.add(bytes + " bytes");
            }
        }
        assertThat(differing).isEmpty();
        // 56.25 MB is a tie: up, as the Formatter rounds
        assertThat(CodeCacheUse.appendMegabytes(new StringBuilder(), 56 * MB + MB / 4).toString()).isEqualTo("56.3");
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
        assertThat(use.timesFull()).as("HotSpot's count, read from its report on this JDK").isZero();
    }

    @Test
    void agreesWithHotSpotWhenItsCompilerStoppedForAFullCache() throws Exception {
        // -Xcomp compiles every method on first call, so on JDK 17 the smallest cache HotSpot accepts fills within the
        // probe (later JDKs free enough old code to keep compiling: then both say so).
        String full = probe("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=2496k");

        assertAgreesWithHotSpot(full);
        assumeHotSpotStoppedCompiling(full);
        assertThat(full).contains("filled=true", "HotSpot found a heap of it full");
    }

    @Test
    void agreesWithHotSpotWhenASegmentedCacheFilledItsMethodHeaps() throws Exception {
        String full = probe("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:+SegmentedCodeCache",
                "-XX:ReservedCodeCacheSize=7m", "-XX:NonNMethodCodeHeapSize=5m", "-XX:ProfiledCodeHeapSize=1m",
                "-XX:NonProfiledCodeHeapSize=1m");

        assertAgreesWithHotSpot(full);
        assumeHotSpotStoppedCompiling(full);
        assertThat(full).contains("filled=true");
    }

    @Test
    void findsRoomWhereHotSpotKeptCompiling() throws Exception {
        String roomy = probe("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

        assertThat(roomy).doesNotContain("Compiler has been disabled").contains("timesFull=0", "filled=false", "of 240.0 MB");
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
        assertAgreesWithHotSpot(watched);
        assumeHotSpotStoppedCompiling(watched);
        assertThat(watched).contains("warned=true");
        assertThat(watched.lines().filter(line -> line.startsWith("watch: "))).singleElement().asString()
                .contains("HotSpot found the JVM's code cache full (", "of 2.5 MB at the peak) and stopped compiling",
                        "-XX:ReservedCodeCacheSize=240m");
    }

    @Test
    void warnsAtOnceWhenTheCacheFilledBeforeTheWatchBegan() throws Exception {
        String watched = probeWatching("-Xcomp", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=2496k");

        int stopped = watched.indexOf("Compiler has been disabled");
        assumeTrue(stopped >= 0 && stopped < watched.indexOf("filled when the watch began="),
                "HotSpot stopped compiling before the watch began");
        String line = watched.lines().filter(text -> text.startsWith("watch: ")).collect(onlyOne(watched));
        if (line.contains("is not watched")) {
            // so full that the platform MBean server could not start to read HotSpot's report: said, not thrown
            assertThat(line).contains("as when the cache is already full");
        } else {
            assertAgreesWithHotSpot(watched);
            assertThat(line).contains("HotSpot found the JVM's code cache full");
            assertThat(watched).contains("filled when the watch began=true", "warned=true");
        }
    }

    @Test
    void staysQuietWhileTheCacheHasRoom() throws Exception {
        String watched = probeWatching("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m");

        assertThat(watched).contains("timesFull=0", "warned=false").doesNotContain("watch: ");
    }

    /** The probe says the cache filled exactly when HotSpot said it stopped compiling for a full cache. */
    private static void assertAgreesWithHotSpot(String probeOutput) {
        // A cache that fills while the JVM starts can refuse the code the platform MBean server needs (a slow,
        // loaded machine compiles more of the start-up first): then the report cannot be read at all.
        assumeTrue(!probeOutput.contains("timesFull=-1"), "HotSpot's code cache report could be read in the probe");
        assertThat(probeOutput.contains("filled=true"))
                .as("the probe's verdict against HotSpot's own warning; output:%n%s", probeOutput)
                .isEqualTo(probeOutput.contains("Compiler has been disabled"));
    }

    private static Collector<String, ?, String> onlyOne(String output) {
        return Collectors.collectingAndThen(Collectors.toList(), lines -> {
            assertThat(lines).as("the watch's lines; output:%n%s", output).hasSize(1);
            return lines.get(0);
        });
    }

    /** Later JDKs keep more room in these tiny caches: what is tested then is only that both agree. */
    private static void assumeHotSpotStoppedCompiling(String probeOutput) {
        assumeTrue(probeOutput.contains("Compiler has been disabled"), "HotSpot filled the cache on this JDK");
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
        // the watch and the probe, and core's text writers the watch's start-up line uses
        command.add(location(CodeCacheUse.class) + File.pathSeparator + location(CodeCacheProbe.class)
                + File.pathSeparator + location(TerminalText.class));
        command.add(CodeCacheProbe.class.getName());
        command.addAll(probeArguments);
        Path output = scratch.resolve("probe.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe JVM did not end within 60 s: " + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        // On a loaded machine the JVM's own start-up can fill these tiny caches before the probe's code links (new call
        // sites need room in the cache too), and the probe dies of it: the machine's doing, unless the watch or the
        // report is on the failure's stack, which must never throw for a full cache.
        boolean ours = text.contains("at com.alphacast.localcloud.CodeCache");
        assumeTrue(process.exitValue() == 0 || ours || !text.contains("Compiler has been disabled"),
                "the probe JVM had room left to run its own code");
        assertThat(process.exitValue()).as("probe exit code; output:%n%s", text).isZero();
        return text;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
