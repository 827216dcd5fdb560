package com.alphacast.cli.morning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything {@code morning} refuses before it starts anything (no function package is needed). */
class MorningCommandTest {

    @TempDir
    Path home;

    private record Run(int code, String err) {
    }

    private Run morning(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new MorningCommand(environment, Clock.systemUTC()).run(all, new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, err.toString(StandardCharsets.UTF_8));
    }

    private void checkout() throws Exception {
        Path root = com.alphacast.localcloud.junit.LocalCloudExtension.projectRoot();
        Files.copy(root.resolve("template.yaml"), home.resolve("template.yaml"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(root.resolve("config/demo.yaml"), home.resolve("config/demo.yaml"));
        Files.createDirectories(home.resolve("data/demo"));
        Files.copy(root.resolve(MorningCommand.SHIPPED_CHAIN), home.resolve(MorningCommand.SHIPPED_CHAIN));
    }

    @Test
    void refusesUnknownOptionsAndBadValuesAsUsageErrors() {
        assertThat(morning(Map.of(), "--llm", "gpt")).isEqualTo(new Run(64,
                "alphacast morning: --llm 'gpt' is not one of fake, openai, bedrock, none\n"));
        assertThat(morning(Map.of(), "--date", "2026-02-30").err()).contains("--date '2026-02-30' is not a date");
        assertThat(morning(Map.of(), "--format", "yaml").code()).isEqualTo(64);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(new MorningCommand(Map.of(), Clock.systemUTC()).run(List.of("--chain"), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("alphacast morning: --chain needs a value\n");
        assertThat(morning(Map.of(), "--verbose").err()).contains("unknown option '--verbose'");
    }

    @Test
    void refusesAMissingTemplateAChainThatIsNotAnExportAndADateOutsideTheCalendar() throws Exception {
        assertThat(morning(Map.of()).err()).contains("no template.yaml in " + home);
        checkout();
        Path notAChain = home.resolve("trades.csv");
        Files.writeString(notAChain, "time,price,size\n1,2,3\n");

        Run badChain = morning(Map.of(), "--chain", notAChain.toString());
        Run missingChain = morning(Map.of(), "--chain", home.resolve("nope.csv").toString());
        Run farFuture = morning(Map.of(), "--date", "2077-01-04");

        assertThat(badChain.code()).isEqualTo(65);
        assertThat(badChain.err()).startsWith("alphacast morning: --chain: ").contains(notAChain.toString());
        assertThat(missingChain).isEqualTo(new Run(65, "alphacast morning: --chain " + home.resolve("nope.csv")
                + ": not a readable file\n"));
        assertThat(farFuture.code()).isEqualTo(64);
        assertThat(farFuture.err()).contains("--date 2077-01-04 is outside the years the NYSE calendar covers");
    }

    @Test
    void refusesAModelWhoseSettingsAreMissingNamingTheKeyAndNeverTheKeyItself() throws Exception {
        checkout();

        Run noId = morning(Map.of(), "--llm", "openai");
        Run pastedKey = morning(Map.of("MODEL_ID", "gpt-4o-mini", "MODEL_BASE_URL", "https://api.openai.com/v1",
                "MODEL_API_KEY", "sk-live-0123456789abcdef"), "--llm", "openai");
        Run unsetVariable = morning(Map.of("MODEL_ID", "gpt-4o-mini", "MODEL_BASE_URL", "https://api.openai.com/v1",
                "MODEL_API_KEY", "env:OPENAI_API_KEY"), "--llm", "openai");
        Run bedrock = morning(Map.of("MODEL_ID", "amazon.nova-lite-v1:0"), "--llm", "bedrock");

        assertThat(noId.code()).isEqualTo(65);
        assertThat(noId.err()).contains("MODEL_ID is missing");
        assertThat(pastedKey.code()).isEqualTo(65);
        assertThat(pastedKey.err()).contains("MODEL_API_KEY").doesNotContain("0123456789abcdef");
        assertThat(unsetVariable.err()).contains("names OPENAI_API_KEY, which is not set");
        assertThat(bedrock.err()).contains("AWS_BEARER_TOKEN_BEDROCK is missing");
    }
}
