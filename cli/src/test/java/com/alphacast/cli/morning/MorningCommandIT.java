package com.alphacast.cli.morning;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.cli.analyze.AnalyzeCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./alphacast morning} end to end on the function packages this build made: the pre-market schedule fires
 * MorningAnalysisFunction on the local cloud's schedule clock, the fake model answers, DistributionFunction delivers
 * to the outbox (an integration test: it runs after {@code package}).
 */
class MorningCommandIT {

    @TempDir
    static Path home;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void checkout() throws Exception {
        MorningHome.prepare(home);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run morning(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new MorningCommand(Map.of(), Clock.systemUTC()).run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String fact(JsonNode briefing, String id) {
        for (JsonNode fact : briefing.path("facts")) {
            if (fact.path("id").asText().equals(id)) {
                return fact.path("value").asText();
            }
        }
        throw new AssertionError("no fact " + id + " in " + briefing.path("facts"));
    }

    /** Dates, times of day and decimal numbers, each as one token; digits glued to a letter are names (ESU1). */
    private static List<String> numbersIn(String text) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\d.])(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}:\\d{2}|-?\\d+(?:\\.\\d+)?)")
                .matcher(text.replace("per 1% move", ""));
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    private static boolean amongFacts(String number, JsonNode briefing) {
        for (JsonNode fact : briefing.path("facts")) {
            String value = fact.path("value").asText();
            if (value.equals(number)) {
                return true;
            }
            if (number.matches("-?\\d+(\\.\\d+)?") && value.matches("-?\\d+(\\.\\d+)?")
                    && new BigDecimal(value).abs().compareTo(new BigDecimal(number).abs()) == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void publishesTheFakeModelsValidBriefingWhoseEveryNumberIsAFactWithTheShippedChainsGexAndAChart() throws Exception {
        Run run = morning("--llm", "fake", "--format", "json", "--date", "2026-11-27");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode briefing = json.readTree(run.out());
        assertThat(briefing.path("published").asBoolean()).isTrue();
        assertThat(briefing.path("session").asText()).isEqualTo("2026-11-27");
        assertThat(briefing.path("source").asText()).isEqualTo("model");
        assertThat(briefing.path("verdict").asText()).isEqualTo("accepted");
        assertThat(briefing.path("answers")).hasSize(1);

        String premium = briefing.path("text").path("premium").asText();
        assertThat(premium).contains("13:00"); // the early close after Thanksgiving
        List<String> numbers = numbersIn(premium);
        assertThat(numbers).contains(fact(briefing, "gex.zero_gamma"));
        assertThat(numbers).allSatisfy(number -> assertThat(amongFacts(number, briefing))
                .as(number + " in the premium text is a fact's value").isTrue());

        // The chain's facts are what `analyze gex` computes on the same file.
        ByteArrayOutputStream gexOut = new ByteArrayOutputStream();
        int gexCode = new AnalyzeCommand().run(List.of("gex", "--chain", home.resolve(MorningCommand.SHIPPED_CHAIN)
                .toString()), new PrintStream(gexOut, true, StandardCharsets.UTF_8), System.err);
        assertThat(gexCode).isZero();
        JsonNode gex = json.readTree(gexOut.toString(StandardCharsets.UTF_8));
        BigDecimal billion = BigDecimal.valueOf(1_000_000_000L);
        assertThat(new BigDecimal(fact(briefing, "gex.net"))).isEqualByComparingTo(
                gex.at("/totals/netGex").decimalValue().divide(billion, 2, RoundingMode.HALF_UP));
        assertThat(new BigDecimal(fact(briefing, "gex.call"))).isEqualByComparingTo(
                gex.at("/totals/callGex").decimalValue().divide(billion, 2, RoundingMode.HALF_UP));
        assertThat(new BigDecimal(fact(briefing, "gex.zero_gamma"))).isEqualByComparingTo(
                gex.at("/zeroGamma/level").decimalValue().setScale(2, RoundingMode.HALF_UP));
        assertThat(fact(briefing, "gex.zero_gamma")).isEqualTo("668.50");

        // Every tier got it through the outbox; the chart is a PNG that opens.
        assertThat(briefing.path("outbox")).extracting(node -> node.path("tier").asText())
                .contains("premium", "basic", "free");
        Path chart = Path.of(briefing.at("/chart/file").asText());
        assertThat(chart).exists();
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isBetween(400, 4000);
        assertThat(image.getHeight()).isBetween(300, 4000);
        assertThat(Files.size(chart)).isEqualTo(briefing.at("/chart/bytes").asLong());
    }

    @Test
    void goodFridayPublishesNothingAndSaysWhy() throws Exception {
        Run run = morning("--date", "2026-04-03", "--format", "json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode result = json.readTree(run.out());
        assertThat(result.path("published").asBoolean()).isFalse();
        assertThat(result.path("closed").asText()).containsIgnoringCase("good friday");
    }

    @Test
    void theTextReportShowsFactsAbsencesVerdictTiersOutboxAndChart() {
        Run run = morning("--date", "2026-11-30");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Briefing of 2026-11-30 for ES").contains("Model: none (the template briefing)")
                .contains("gex.zero_gamma").contains("668.50")
                .contains("prior.close").contains("no bars")
                .contains("Verdict: template: no language model is configured")
                .contains("--- premium ---").contains("--- free ---")
                .containsPattern("Outbox \\.alphacast/outbox/telegram\\.jsonl: \\d+ message")
                .containsPattern("Chart: \\.alphacast/briefing/2026-11-30\\.png \\(\\d+ x \\d+ PNG");
    }
}
