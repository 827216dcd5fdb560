package com.alphacast.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.cli.ExitCode;
import com.alphacast.core.settings.AlphacastSettings;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./alphacast demo} refuses, in a copy of the project's template, settings and demo data: each refusal
 * is one line with the documented exit code, and happens before anything is started, created or deleted.
 */
class DemoRefusalTest {

    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void copyProject() throws IOException {
        Path root = LocalCloudExtension.projectRoot();
        Files.copy(root.resolve("template.yaml"), home.resolve("template.yaml"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(root.resolve("config/demo.yaml"), home.resolve("config/demo.yaml"));
        Files.copy(root.resolve("config/production.yaml"), home.resolve("config/production.yaml"));
        Files.createDirectories(home.resolve("data/demo"));
        Files.copy(root.resolve("data/demo/es_trades_2011-07-31.csv"),
                home.resolve("data/demo/es_trades_2011-07-31.csv"));
        // Every refusal comes before a function is loaded, so a package only has to exist where its CodeUri points.
        for (Path codeUri : codeUris()) {
            Files.createDirectories(codeUri.getParent());
            Files.writeString(codeUri, "not loaded by a refused run");
        }
    }

    private List<Path> codeUris() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s+CodeUri: (\\S+)$").matcher(Files.readString(home.resolve("template.yaml")));
        List<Path> paths = new java.util.ArrayList<>();
        while (m.find()) {
            paths.add(home.resolve(m.group(1)));
        }
        assertThat(paths).as("CodeUri paths in template.yaml").isNotEmpty();
        return paths;
    }

    private Run demo(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        int code = new DemoCommand(Map.of()).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void setOutbox(String directory) throws IOException {
        Path settings = home.resolve("config/demo.yaml");
        Files.writeString(settings, Files.readString(settings)
                .replace("outboxDirectory: .alphacast/outbox", "outboxDirectory: \"" + directory + "\""));
    }

    @Test
    void anOutboxOutsideDotAlphacastIsRefusedBeforeAnythingIsDeleted() throws IOException {
        Path precious = Files.writeString(home.resolve("precious.txt"), "keep me");
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("telegram.jsonl"), "not the demo's");
        for (String outbox : List.of(".", elsewhere.toString(), "elsewhere", ".alphacast/../elsewhere")) {
            copyBackDemoSettings();
            setOutbox(outbox);
            Run r = demo();
            assertThat(r.code()).as(outbox).isEqualTo(ExitCode.INPUT);
            assertThat(r.err()).as(outbox).contains("distribution.outboxDirectory: must").doesNotContain("\tat ");
        }
        assertThat(precious).hasContent("keep me");
        assertThat(elsewhere.resolve("telegram.jsonl")).hasContent("not the demo's");
        assertThat(home.resolve(".alphacast")).doesNotExist();
    }

    private void copyBackDemoSettings() throws IOException {
        Files.copy(LocalCloudExtension.projectRoot().resolve("config/demo.yaml"), home.resolve("config/demo.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void anOutboxDirectoryTheProjectDidNotCreateIsNeverEmptied() throws IOException {
        Path outbox = Files.createDirectories(home.resolve(".alphacast/outbox"));
        Path notes = Files.writeString(outbox.resolve("notes.txt"), "mine");
        Files.writeString(outbox.resolve("telegram.jsonl"), "{}\n");
        Run r = demo();
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("was not created by ./alphacast demo").contains("notes.txt");
        assertThat(notes).hasContent("mine");
        assertThat(outbox.resolve("telegram.jsonl")).hasContent("{}\n");
    }

    @Test
    void aFunctionPackageNotBuiltIsNamedWithItsBuildCommandBeforeTheOutboxIsTouched() throws IOException {
        Path outbox = Files.createDirectories(home.resolve(".alphacast/outbox"));
        Files.writeString(outbox.resolve(".alphacast-outbox"), "");
        Path earlier = Files.writeString(outbox.resolve("telegram.jsonl"), "{}\n");
        Path missing = codeUris().get(0);
        Files.delete(missing);
        Run r = demo();
        assertThat(r.code()).isEqualTo(ExitCode.FAILED);
        assertThat(r.err()).startsWith("alphacast demo: function ").contains("(CodeUri) not found at " + missing)
                .contains("; build it with: mvn -B -DskipTests package -pl functions").hasLineCount(1);
        assertThat(earlier).hasContent("{}\n");
        assertThat(home.resolve(".alphacast/demo.lock")).doesNotExist();
    }

    @Test
    void aWarmUpThatIsNotAWholeNumberOfRoundsInRangeIsRefusedBeforeAnythingStarts() {
        Run notANumber = demo("--warm-up", "lots");
        assertThat(notANumber.code()).isEqualTo(ExitCode.USAGE);
        assertThat(notANumber.err()).contains("--warm-up 'lots' is not a whole number");
        Run negative = demo("--warm-up", "-1");
        assertThat(negative.code()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("--warm-up must be within 0..10000, was -1");
    }

    @Test
    void aSecondRunOnTheSameHomeIsRefusedNamingTheRunThatHoldsIt() {
        try (RunLock held = RunLock.acquire(home.resolve(".alphacast"))) {
            Run r = demo();
            assertThat(r.code()).isEqualTo(ExitCode.BUSY);
            assertThat(r.err()).contains("another demo or morning run (pid " + ProcessHandle.current().pid() + ", started ")
                    .contains("is using " + home.resolve(".alphacast"));
        }
    }

    @Test
    void aProfileOutsideTheTemplatesAllowedValuesIsOneLineNotAStackTrace() throws IOException {
        Files.copy(home.resolve("config/demo.yaml"), home.resolve("config/staging.yaml"));
        Run r = demo("--profile", "staging");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("--profile 'staging'").contains("AllowedValues").doesNotContain("\tat ");
        assertThat(home.resolve(".alphacast")).doesNotExist();
    }

    @Test
    void theProductionProfileIsRefusedBecauseALocalRunNeverCallsRealAws() {
        Run r = demo("--profile", "production");
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("distribution.channels.telegram.credential")
                .contains("never calls real AWS");
    }

    @Test
    void aLiveSinkWhoseEnvironmentSecretIsMissingIsRefusedNamingIt() throws IOException {
        Path settings = home.resolve("config/demo.yaml");
        Files.writeString(settings, Files.readString(settings).replace("    telegram:\n      sink: outbox",
                "    telegram:\n      sink: live\n      credential: env:DEMO_TELEGRAM_TOKEN"));
        Run r = demo();
        assertThat(r.code()).isEqualTo(ExitCode.INPUT);
        assertThat(r.err()).contains("DEMO_TELEGRAM_TOKEN is not set");
    }

    @Test
    void aMissingReplayFileOrTemplateIsNamed() throws IOException {
        Files.delete(home.resolve("data/demo/es_trades_2011-07-31.csv"));
        Run noReplay = demo();
        assertThat(noReplay.code()).isEqualTo(ExitCode.INPUT);
        assertThat(noReplay.err()).contains("replay.file 'data/demo/es_trades_2011-07-31.csv' is not a readable file");

        Files.delete(home.resolve("template.yaml"));
        Run noTemplate = demo();
        assertThat(noTemplate.code()).isEqualTo(ExitCode.INPUT);
        assertThat(noTemplate.err()).contains("no template.yaml in " + home);
    }

    @Test
    void theDrainWaitFollowsTheLongestTierDelayInsteadOfAFixedThreeMinutes() {
        AlphacastSettings production = new SettingsLoader(Optional.of(home.resolve("config"))).load("production");
        assertThat(DemoCommand.drainTimeout(production)).isEqualTo(Duration.ofSeconds(900 + 180));
        AlphacastSettings demo = new SettingsLoader(Optional.of(home.resolve("config"))).load("demo");
        assertThat(DemoCommand.drainTimeout(demo)).isEqualTo(Duration.ofSeconds(4 + 180));
    }
}
