package com.alphacast.core.usecase.briefing;

import com.alphacast.core.briefing.BriefingFacts;
import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.FactSheetJson;
import com.alphacast.core.briefing.TemplateBriefing;
import com.alphacast.core.briefing.answer.AnswerBriefing;
import com.alphacast.core.briefing.answer.AnswerValidator;
import com.alphacast.core.briefing.answer.AnswerVerdict;
import com.alphacast.core.briefing.answer.BriefingAnswer;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.usecase.publication.PublicationRelease;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The morning briefing of one trading day, as the schedule triggers it. The calendar decides first: on a
 * closed day nothing is computed or published. Otherwise the facts are computed from stored data, the model
 * (if one is configured) answers in the schema, the answer is validated against the facts, with one retry that
 * shows the model its violations; an answer that still fails, or no model, gives the template briefing and an
 * operator alert saying why. The day's briefing is claimed in the ledger before it is released to the tiers, so
 * a second trigger publishes nothing new (and finishes the release of a claimed but unreleased one).
 */
public final class MorningAnalysis {

    /** What a trigger did. */
    public sealed interface Outcome {
        /** The exchange is closed on {@code date}: nothing published. */
        record Closed(LocalDate date, String reason) implements Outcome {
        }

        /** The day's briefing already exists and was released; nothing new was published. */
        record AlreadyPublished(BriefingRecord briefing) implements Outcome {
        }

        /**
         * The day's briefing, released to its tiers by this trigger.
         *
         * @param facts    the fact sheet it was written from
         * @param answers  the model's raw answers, in order (empty without a model)
         * @param verdicts the validation verdict of each answer
         */
        record Published(BriefingRecord briefing, MarketSession session, FactSheet facts, List<String> answers,
                         List<AnswerVerdict> verdicts) implements Outcome {
        }
    }

    private final MarketCalendar calendar;
    private final BriefingInputsSource inputs;
    private final BriefingFacts facts;
    private final Optional<LanguageModel> model;
    private final MorningPrompt prompt;
    private final AnswerValidator validator;
    private final AnswerBriefing answerBriefing;
    private final TemplateBriefing template;
    private final ChartPainter chart;
    private final BriefingLedger ledger;
    private final PublicationRelease release;
    private final OperatorAlerts operators;
    private final Clock clock;
    private final FactSheetJson factsJson = new FactSheetJson();

    public MorningAnalysis(MarketCalendar calendar, BriefingInputsSource inputs, BriefingFacts facts,
                           Optional<LanguageModel> model, MorningPrompt prompt, AnswerValidator validator,
                           AnswerBriefing answerBriefing, TemplateBriefing template, ChartPainter chart,
                           BriefingLedger ledger, PublicationRelease release, OperatorAlerts operators, Clock clock) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.model = Objects.requireNonNull(model, "model");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.answerBriefing = Objects.requireNonNull(answerBriefing, "answerBriefing");
        this.template = Objects.requireNonNull(template, "template");
        this.chart = Objects.requireNonNull(chart, "chart");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.release = Objects.requireNonNull(release, "release");
        this.operators = Objects.requireNonNull(operators, "operators");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The briefing of the session on {@code date}, written as of now on the use case's clock. */
    public Outcome run(LocalDate date) {
        return run(date, clock.instant());
    }

    /**
     * The briefing of the session on {@code date} (the exchange's local date the schedule fired on), from what was
     * stored up to {@code asOf} (the schedule's occurrence time).
     */
    public Outcome run(LocalDate date, Instant asOf) {
        Optional<MarketSession> open = calendar.session(date);
        if (open.isEmpty()) {
            String reason = calendar.closureReason(date).orElse("not a trading day");
            return new Outcome.Closed(date, reason);
        }
        MarketSession session = open.get();
        Optional<BriefingRecord> existing = ledger.find(date);
        if (existing.isPresent()) {
            return finishRelease(existing.get());
        }
        BriefingInputs in = inputs.inputs(session, calendar.previousSession(date), asOf);
        FactSheet sheet = facts.compute(in);

        List<String> answers = new ArrayList<>();
        List<AnswerVerdict> verdicts = new ArrayList<>();
        List<ModelUsage> usages = new ArrayList<>();
        Optional<BriefingAnswer> accepted = Optional.empty();
        String why;
        if (model.isEmpty()) {
            why = "no language model is configured (MODEL_PROVIDER=none)";
        } else {
            why = "";
            ModelPrompt next = prompt.first(sheet);
            for (int attempt = 1; attempt <= 2 && accepted.isEmpty(); attempt++) {
                ModelReply reply;
                try {
                    reply = model.get().answer(next);
                } catch (ModelUnavailableException e) {
                    why = "the model gave no answer: " + e.getMessage();
                    break;
                }
                usages.add(reply.usage());
                answers.add(reply.text());
                AnswerVerdict verdict = validator.check(reply.text(), sheet);
                verdicts.add(verdict);
                accepted = verdict.publishable();
                if (accepted.isEmpty()) {
                    why = "the model's answer failed validation " + attempt + (attempt == 1 ? " time" : " times")
                            + ": " + verdict.describe();
                    next = prompt.retry(sheet, verdict.violations());
                }
            }
        }

        Map<Tier, String> textByTier = new EnumMap<>(Tier.class);
        String headline = null;
        for (Tier tier : Tier.values()) {
            BriefingText text = accepted.isPresent() ? answerBriefing.compose(accepted.get(), sheet, tier)
                    : template.compose(sheet, tier);
            textByTier.put(tier, text.text());
            headline = headline == null ? text.title() : headline;
        }
        BriefingRecord record = new BriefingRecord(date, clock.instant(), headline, textByTier,
                accepted.isPresent() ? BriefingText.Source.MODEL : BriefingText.Source.TEMPLATE,
                accepted.isPresent() ? "accepted" + (verdicts.size() > 1 ? " on the retry" : "") : "template: " + why,
                total(usages), chart.paint(sheet, in), factsJson.write(sheet), answers, false);
        if (!ledger.claim(record)) {
            // Another trigger wrote the day's briefing meanwhile: it is the one that counts.
            return ledger.find(date).map(this::finishRelease).orElseThrow(() -> new IllegalStateException(
                    "the briefings ledger refused the briefing of " + date + " but has none"));
        }
        if (accepted.isEmpty()) {
            operators.alert("Briefing of " + date + " published from the template: " + why);
        }
        release.publish(record.publication());
        ledger.markPublished(date);
        return new Outcome.Published(record.markedPublished(), session, sheet, answers, verdicts);
    }

    private Outcome finishRelease(BriefingRecord briefing) {
        if (!briefing.published()) {
            // Claimed by a trigger that failed before releasing it; the distribution side dedups by publication id.
            release.publish(briefing.publication());
            ledger.markPublished(briefing.session());
            return new Outcome.AlreadyPublished(briefing.markedPublished());
        }
        return new Outcome.AlreadyPublished(briefing);
    }

    private static Optional<ModelUsage> total(List<ModelUsage> usages) {
        if (usages.isEmpty()) {
            return Optional.empty();
        }
        ModelUsage last = usages.get(usages.size() - 1);
        long in = 0;
        long out = 0;
        int attempts = 0;
        Duration latency = Duration.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (ModelUsage usage : usages) {
            in += usage.inputTokens();
            out += usage.outputTokens();
            attempts += usage.attempts();
            latency = latency.plus(usage.latency());
            cost = cost.add(usage.costUsd());
        }
        return Optional.of(new ModelUsage(last.provider(), last.model(), in, out, latency, attempts, cost));
    }
}
