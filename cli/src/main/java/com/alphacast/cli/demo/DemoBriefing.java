package com.alphacast.cli.demo;

import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.cli.morning.BriefingRun;
import com.alphacast.cli.morning.ModelChoice;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.localcloud.LocalCloud;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The demo's last act: the briefing of the session after the replayed one. The local cloud's schedule clock is set
 * to that day and the pre-market schedule fires MorningAnalysisFunction as EventBridge Scheduler would; its model is
 * the loopback fake that quotes the facts ({@code --llm fake} of {@code ./alphacast morning}), its option chain the
 * shipped SPY export, its bars the replay the worker stored. The summary says where the briefing went, per tier.
 */
final class DemoBriefing implements AutoCloseable {

    /** The option chain shipped for the briefing, relative to the home. */
    static final String CHAIN = "data/demo/spy_quotedata_2025-09-25.csv";

    private final ModelChoice model;
    private final Optional<Path> chain;

    private DemoBriefing(ModelChoice model, Optional<Path> chain) {
        this.model = model;
        this.chain = chain;
    }

    /** Starts the fake model; the chain is used when the home has it (a briefing without one says so). */
    static DemoBriefing start(Path home) {
        Path file = home.resolve(CHAIN);
        return new DemoBriefing(ModelChoice.of(ModelChoice.Kind.FAKE, Map.of()),
                Files.isRegularFile(file) ? Optional.of(file) : Optional.empty());
    }

    /** Template parameters of the stack: the model and the chain of MorningAnalysisFunction. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>(model.parameters());
        chain.ifPresent(file -> parameters.put("BriefingOptionChainFile", file.toString()));
        return parameters;
    }

    /** Function environment: the fake model's key (never printed). */
    Map<String, String> environment() {
        return model.environment();
    }

    /**
     * Fires the pre-market schedule of the session after the last stored bar of {@code symbol}, waits for the
     * deliveries and prints where the briefing went.
     */
    void run(LocalCloud cloud, String symbol, Duration drainTimeout, Path outbox, Path home, PrintStream out) {
        MarketCalendar nyse = new ShippedCalendars().calendar(Exchange.XNYS);
        Instant lastBar = new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"),
                Duration.ofDays(1)).latest(symbol).map(MarketSnapshot::bar).map(bar -> bar.end())
                .orElseThrow(() -> new IllegalStateException("the replay stored no bar of " + symbol));
        LocalDate day = LocalDate.ofInstant(lastBar, nyse.exchange().zone());
        Optional<MarketSession> same = nyse.session(day).filter(session -> lastBar.isBefore(session.opens()));
        LocalDate session = same.map(MarketSession::date).orElseGet(() -> nyse.nextSession(day).date());

        BriefingRun.Result result = new BriefingRun(nyse).run(cloud, session, drainTimeout, outbox,
                home.resolve(".alphacast").resolve("briefing"));
        out.printf("%n== Morning briefing of the next session (%s), fired by the pre-market schedule%n", session);
        if (result instanceof BriefingRun.Result.Closed closed) {
            out.printf("  market closed (%s): nothing published%n", closed.reason());
            return;
        }
        BriefingRun.Result.Published published = (BriefingRun.Result.Published) result;
        out.printf("  scheduled at %s; model: %s%n", published.firedAt(), model.describe());
        out.printf("  facts: %d present, %d absent with their reason; verdict: %s%n",
                published.facts().path("facts").size(), published.facts().path("absent").size(),
                published.briefing().verdict());
        out.printf("  headline: %s%n", published.briefing().headline());
        Map<String, List<BriefingRun.OutboxMessage>> byTier = published.outbox().stream().collect(
                Collectors.groupingBy(BriefingRun.OutboxMessage::tier, LinkedHashMap::new, Collectors.toList()));
        for (String tier : List.of("premium", "basic", "free")) {
            List<BriefingRun.OutboxMessage> messages = byTier.getOrDefault(tier, List.of());
            out.printf("  %-8s %s%n", tier + ":", messages.isEmpty() ? "not delivered"
                    : messages.stream().map(m -> m.channel() + " " + m.destination())
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(", ")));
        }
        published.chart().ifPresent(chart -> out.printf("  chart: %s (%d x %d PNG)%n",
                home.relativize(chart.file()), chart.width(), chart.height()));
    }

    @Override
    public void close() {
        model.close();
    }
}
