package com.alphacast.functions.morning;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
import com.alphacast.aws.briefing.DynamoRecapLedger;
import com.alphacast.aws.trading.DynamoTradeHistory;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.usecase.briefing.EndOfDayRecap;
import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.llm.LanguageModelSettings;
import com.alphacast.aws.llm.LanguageModels;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.aws.sqs.QueueReleaseQueue;
import com.alphacast.core.briefing.BriefingFacts;
import com.alphacast.core.briefing.BriefingFactsConfig;
import com.alphacast.core.briefing.TemplateBriefing;
import com.alphacast.core.briefing.answer.AnswerBriefing;
import com.alphacast.core.briefing.answer.AnswerSchema;
import com.alphacast.core.briefing.answer.AnswerValidator;
import com.alphacast.core.briefing.answer.BriefingAnswerParser;
import com.alphacast.core.briefing.events.ShippedEconomicCalendar;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.usecase.briefing.MorningAnalysis;
import com.alphacast.core.usecase.briefing.MorningPrompt;
import com.alphacast.core.usecase.briefing.OperatorAlerts;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.morning.chart.BriefingChart;
import com.alphacast.functions.morning.chart.FactsChartPainter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda, on the two {@code ScheduleV2} events of {@code template.yaml} (New York time): writes and releases the
 * briefing of the session on the exchange's local date, through {@link MorningAnalysis}. The schedule's input names
 * the run ({@code {"kind":"pre-market"}} or {@code {"kind":"end-of-day"}}) and carries the occurrence's time
 * ({@code "time":"<aws.scheduler.scheduled-time>"}, which EventBridge Scheduler fills in): the session is the New
 * York date of that time and the facts are read as of it, never as of this machine's clock, so a retry an hour later
 * or a local schedule clock set to another day briefs the day the schedule fired for. A manual run may pin the date
 * ({@code "date":"2026-11-27"}); an input with neither falls back to the clock. The end-of-day run is the same day's
 * catch-up (it finishes the release of a briefing the morning run claimed but did not release, or writes it if the
 * morning run never did; the ledger keeps it to one briefing per day), then releases the day's recap
 * ({@link EndOfDayRecap}, once per day). The scheduler knows no holidays: a closed day is logged and publishes
 * nothing. A failure is thrown, so the scheduler retries and then dead-letters the event.
 */
public final class MorningAnalysisHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The runs the template's schedules name in their input. */
    enum Run {
        PRE_MARKET("pre-market"), END_OF_DAY("end-of-day");

        final String key;

        Run(String key) {
            this.key = key;
        }

        static Run of(Object kind) {
            for (Run run : values()) {
                if (run.key.equals(kind)) {
                    return run;
                }
            }
            throw new IllegalArgumentException("schedule input 'kind' must be pre-market or end-of-day, was " + kind);
        }
    }

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final MarketCalendar calendar;
    private final MorningAnalysis analysis;
    private final EndOfDayRecap recap;
    private final Clock clock;

    public MorningAnalysisHandler() {
        this(System.getenv());
    }

    public MorningAnalysisHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    MorningAnalysisHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        this.clock = clock;
        // Read first: a missing or bad model setting stops the start with the key named, before any client is built.
        LanguageModelSettings modelSettings = LanguageModelSettings.from(resources.environment(),
                "template.yaml, MorningAnalysisFunction");
        this.priming = new SnapStartPriming(resources, "BRIEFINGS_TABLE").register();
        this.calendar = new ShippedCalendars().calendar(Exchange.XNYS);
        DynamoBriefingLedger ledger = new DynamoBriefingLedger(resources.dynamoDb(),
                resources.require("BRIEFINGS_TABLE"));
        DynamoMarketSnapshots snapshots = new DynamoMarketSnapshots(resources.dynamoDb(),
                resources.require("MARKET_SNAPSHOTS_TABLE"), resources.retention());
        BriefingFactsConfig factsConfig = BriefingFactsConfig.standard();
        AnswerBriefing answerBriefing = new AnswerBriefing();
        SecretResolver secrets = new SecretResolver(resources.environment(), () -> resources.clients().ssm(),
                () -> resources.clients().secretsManager());
        OperatorAlerts operators = message -> System.err.println("OPERATOR ALERT: " + message);
        Optional<OptionChain> chain = OptionChainFile.read(resources.environment(), "template.yaml, MorningAnalysisFunction");
        DynamoTradeHistory trades = new DynamoTradeHistory(resources.dynamoDb(), resources.require("POSITIONS_TABLE"));
        // A briefing or recap follows no signal, so no signal's release time is ever asked for.
        PublicationRelease release = new PublicationRelease(resources.settings().distribution().tiers(),
                new QueueReleaseQueue(new QueuePublisher(resources.sqs(),
                        resources.require("DELIVERIES_QUEUE_URL"), resources.json())),
                signalId -> Optional.empty(), clock);
        this.analysis = new MorningAnalysis(calendar,
                new StoredBriefingInputs(resources.settings().market().symbol(), calendar, snapshots, snapshots,
                        trades, () -> chain, Optional.of(new ShippedEconomicCalendar().calendar()),
                        // enough earlier sessions for both the volatility regime and the volume baseline
                        Math.max(factsConfig.volatilityWindow(), factsConfig.baselineSessions())),
                new BriefingFacts(factsConfig),
                new LanguageModels(resources.clients(), secrets, clock).build(modelSettings),
                new MorningPrompt(new AnswerSchema()),
                new AnswerValidator(new BriefingAnswerParser(), answerBriefing), answerBriefing, new TemplateBriefing(),
                new FactsChartPainter(new BriefingChart(0.05, calendar.exchange().zone()), factsConfig.gex()), ledger,
                release, operators, clock);
        this.recap = new EndOfDayRecap(calendar, trades,
                new DynamoRecapLedger(resources.dynamoDb(), resources.require("BRIEFINGS_TABLE")), release);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> input = event == null ? Map.of() : event;
        Run run = Run.of(input.get("kind"));
        Instant asOf = scheduledTime(input);
        LocalDate date = date(input, asOf);
        MorningAnalysis.Outcome outcome = analysis.run(date, asOf);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", run.key);
        result.put("date", date.toString());
        if (outcome instanceof MorningAnalysis.Outcome.Closed closed) {
            context.getLogger().log(run.key + " " + date + ": market closed (" + closed.reason()
                    + "), nothing published\n");
            result.put("outcome", "closed");
            result.put("reason", closed.reason());
        } else if (outcome instanceof MorningAnalysis.Outcome.AlreadyPublished done) {
            context.getLogger().log(run.key + " " + date + ": the day's briefing was already published ("
                    + done.briefing().headline() + ")\n");
            result.put("outcome", "already-published");
            result.put("headline", done.briefing().headline());
        } else if (outcome instanceof MorningAnalysis.Outcome.Published published) {
            String close = published.session().earlyCloseReason()
                    .map(reason -> ", early close at " + published.session().closes().atZone(
                            calendar.exchange().zone()).toLocalTime() + " (" + reason + ")").orElse("");
            context.getLogger().log(run.key + " " + date + ": published \"" + published.briefing().headline()
                    + "\" (" + published.briefing().verdict() + ")" + close + "\n");
            result.put("outcome", "published");
            result.put("headline", published.briefing().headline());
            result.put("verdict", published.briefing().verdict());
        }
        if (run == Run.END_OF_DAY) {
            recap(date, asOf, result, context);
        }
        return result;
    }

    private void recap(LocalDate date, Instant asOf, Map<String, Object> result, Context context) {
        EndOfDayRecap.Outcome outcome = recap.run(date, asOf);
        if (outcome instanceof EndOfDayRecap.Outcome.Released released) {
            Publication.DailyRecap daily = released.recap();
            context.getLogger().log("end-of-day " + date + ": recap released (" + daily.trades() + " closed trades, "
                    + daily.wins() + " won, net P&L " + daily.netPnl() + ", " + released.stillOpen() + " still open)\n");
            result.put("recap", "released");
            result.put("recapTrades", daily.trades());
        } else if (outcome instanceof EndOfDayRecap.Outcome.AlreadyReleased) {
            context.getLogger().log("end-of-day " + date + ": the day's recap was already released\n");
            result.put("recap", "already-released");
        } else {
            result.put("recap", "closed");
        }
    }

    /** The occurrence the scheduler fired for (its {@code time}), else now on the clock (a manual run). */
    private Instant scheduledTime(Map<String, Object> input) {
        Object time = input.get("time");
        if (time == null) {
            return clock.instant();
        }
        try {
            return Instant.parse(time.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule input 'time' must be an ISO-8601 instant such as "
                    + "2026-11-27T13:00:00Z (Scheduler's <aws.scheduler.scheduled-time>), was " + time, e);
        }
    }

    private LocalDate date(Map<String, Object> input, Instant asOf) {
        Object pinned = input.get("date");
        if (pinned == null) {
            return LocalDate.ofInstant(asOf, calendar.exchange().zone());
        }
        try {
            return LocalDate.parse(pinned.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule input 'date' must be YYYY-MM-DD, was " + pinned, e);
        }
    }
}
