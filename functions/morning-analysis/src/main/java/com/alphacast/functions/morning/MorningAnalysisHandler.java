package com.alphacast.functions.morning;

import com.alphacast.aws.briefing.DynamoBriefingLedger;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda, on the two {@code ScheduleV2} events of {@code template.yaml} (New York time): writes and releases the
 * briefing of the session on the exchange's local date, through {@link MorningAnalysis}. The schedule's input names
 * the run ({@code {"kind":"pre-market"}} or {@code {"kind":"end-of-day"}}) and may pin the date
 * ({@code "date":"2026-11-27"}, for a manual rerun). The end-of-day run is the same day's catch-up: it finishes the
 * release of a briefing the morning run claimed but did not release, or writes it if the morning run never did; the
 * ledger keeps it to one briefing per day. The scheduler knows no holidays: a closed day is logged and publishes
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
        this.analysis = new MorningAnalysis(calendar,
                // No stored option chain exists yet: the chain's facts are absent with their reason, never guessed.
                new StoredBriefingInputs(resources.settings().market().symbol(), calendar, snapshots, Optional::empty,
                        Optional.of(new ShippedEconomicCalendar().events()),
                        // enough earlier sessions for both the volatility regime and the volume baseline
                        Math.max(factsConfig.volatilityWindow(), factsConfig.baselineSessions()), clock),
                new BriefingFacts(factsConfig),
                new LanguageModels(resources.clients(), secrets, clock).build(modelSettings),
                new MorningPrompt(new AnswerSchema()),
                new AnswerValidator(new BriefingAnswerParser(), answerBriefing), answerBriefing, new TemplateBriefing(),
                new FactsChartPainter(new BriefingChart(0.05, calendar.exchange().zone()), factsConfig.gex()), ledger,
                // A briefing follows no signal, so no signal's release time is ever asked for.
                new PublicationRelease(resources.settings().distribution().tiers(),
                        new QueueReleaseQueue(new QueuePublisher(resources.sqs(),
                                resources.require("DELIVERIES_QUEUE_URL"), resources.json())),
                        signalId -> Optional.empty(), clock),
                operators, clock);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> input = event == null ? Map.of() : event;
        Run run = Run.of(input.get("kind"));
        LocalDate date = date(input);
        MorningAnalysis.Outcome outcome = analysis.run(date);
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
        return result;
    }

    private LocalDate date(Map<String, Object> input) {
        Object pinned = input.get("date");
        if (pinned == null) {
            return LocalDate.ofInstant(clock.instant(), calendar.exchange().zone());
        }
        try {
            return LocalDate.parse(pinned.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule input 'date' must be YYYY-MM-DD, was " + pinned, e);
        }
    }
}
