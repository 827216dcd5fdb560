package com.alphacast.cli.morning;

import com.alphacast.core.distribution.Tier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints what a {@link BriefingRun} found: for people (facts, absences with reasons, the model's answers, the
 * verdict, each tier's text, where the outbox messages and the chart are) or as one JSON document (the facts with
 * their values, each tier's published text, the verdict).
 */
public final class BriefingPrinter {

    private final PrintStream out;
    private final Path home;
    private final ObjectMapper json = new ObjectMapper();

    /** @param home paths are printed relative to it when they are inside */
    public BriefingPrinter(PrintStream out, Path home) {
        this.out = out;
        this.home = home;
    }

    public void text(BriefingRun.Result result, String model) {
        if (result instanceof BriefingRun.Result.Closed closed) {
            out.printf("Market closed on %s (%s): nothing published.%n", closed.session(), closed.reason());
            return;
        }
        BriefingRun.Result.Published published = (BriefingRun.Result.Published) result;
        JsonNode facts = published.facts();
        out.printf("Briefing of %s for %s, pre-market schedule fired at %s%n", published.session(),
                facts.path("instrument").asText(), published.firedAt());
        out.printf("Model: %s%n", model);
        out.printf("%nFacts (%d), computed by our code from the stored data and the chain:%n",
                facts.path("facts").size());
        for (JsonNode fact : facts.path("facts")) {
            out.printf("  %-22s %-34s %s%s%n", fact.path("id").asText(), fact.path("label").asText(),
                    fact.path("value").asText(), unitSuffix(fact.path("unit").asText()));
        }
        if (!facts.path("absent").isEmpty()) {
            out.printf("Absent (%d), left out with the reason:%n", facts.path("absent").size());
            for (JsonNode absent : facts.path("absent")) {
                out.printf("  %-22s %s%n", absent.path("id").asText(), absent.path("reason").asText());
            }
        }
        List<String> answers = published.briefing().answers();
        if (answers.isEmpty()) {
            out.printf("%nModel answer: none asked for%n");
        }
        for (int i = 0; i < answers.size(); i++) {
            out.printf("%nModel answer %d of %d:%n  %s%n", i + 1, answers.size(), answers.get(i));
        }
        out.printf("%nVerdict: %s (published: %s)%n", published.briefing().verdict(),
                published.briefing().source().name().toLowerCase(Locale.ROOT));
        published.briefing().usage().ifPresent(usage -> out.printf("Model usage: %s %s, %d tokens in, %d out, %d ms,"
                        + " %d attempt(s), %s USD%n", usage.provider(), usage.model(), usage.inputTokens(),
                usage.outputTokens(), usage.latency().toMillis(), usage.attempts(), usage.costUsd().toPlainString()));
        for (Map.Entry<Tier, String> text : published.briefing().textByTier().entrySet()) {
            out.printf("%n--- %s ---%n%s%n", text.getKey().key(), text.getValue());
        }
        out.println();
        Map<Path, List<BriefingRun.OutboxMessage>> byFile = published.outbox().stream()
                .collect(Collectors.groupingBy(BriefingRun.OutboxMessage::file, LinkedHashMap::new, Collectors.toList()));
        if (byFile.isEmpty()) {
            out.println("Outbox: no message of this briefing was delivered to an outbox file");
        }
        byFile.forEach((file, messages) -> out.printf("Outbox %s: %d message(s) (%s)%n", shown(file), messages.size(),
                messages.stream().map(m -> m.tier() + " -> " + m.destination()).collect(Collectors.joining(", "))));
        published.chart().ifPresentOrElse(chart -> out.printf("Chart: %s (%d x %d PNG, %,d bytes)%n",
                shown(chart.file()), chart.width(), chart.height(), chart.bytes()),
                () -> out.println("Chart: none (nothing to draw)"));
    }

    public void json(BriefingRun.Result result, String model) {
        ObjectNode root = json.createObjectNode();
        if (result instanceof BriefingRun.Result.Closed closed) {
            root.put("session", closed.session().toString());
            root.put("published", false);
            root.put("closed", closed.reason());
            out.println(root.toPrettyString());
            return;
        }
        BriefingRun.Result.Published published = (BriefingRun.Result.Published) result;
        root.put("session", published.session().toString());
        root.put("published", true);
        root.put("instrument", published.facts().path("instrument").asText());
        root.put("scheduledAt", published.firedAt().toString());
        root.put("model", model);
        root.set("facts", published.facts().path("facts"));
        root.set("absent", published.facts().path("absent"));
        ArrayNode answers = root.putArray("answers");
        published.briefing().answers().forEach(answers::add);
        root.put("verdict", published.briefing().verdict());
        root.put("source", published.briefing().source().name().toLowerCase(Locale.ROOT));
        ObjectNode text = root.putObject("text");
        published.briefing().textByTier().forEach((tier, body) -> text.put(tier.key(), body));
        ArrayNode outbox = root.putArray("outbox");
        for (BriefingRun.OutboxMessage message : published.outbox()) {
            outbox.addObject().put("file", shown(message.file())).put("channel", message.channel())
                    .put("tier", message.tier()).put("destination", message.destination());
        }
        published.chart().ifPresent(chart -> root.putObject("chart").put("file", chart.file().toString())
                .put("bytes", chart.bytes()).put("width", chart.width()).put("height", chart.height()));
        out.println(root.toPrettyString());
    }

    private String shown(Path file) {
        return file.startsWith(home) ? home.relativize(file).toString() : file.toString();
    }

    private static String unitSuffix(String unit) {
        return switch (unit) {
            case "percent" -> "%";
            case "usd_bn_per_1pct" -> " bn USD per 1% move";
            case "usd_bn" -> " bn USD";
            case "points" -> " pts";
            case "ratio" -> "x";
            case "time_et" -> " ET";
            case "time_ct" -> " CT";
            default -> "";
        };
    }
}
