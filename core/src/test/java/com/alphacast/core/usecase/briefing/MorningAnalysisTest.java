package com.alphacast.core.usecase.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.BriefingFacts;
import com.alphacast.core.briefing.BriefingFactsConfig;
import com.alphacast.core.briefing.BriefingInputs;
import com.alphacast.core.briefing.BriefingText;
import com.alphacast.core.briefing.Fact;
import com.alphacast.core.briefing.FactIds;
import com.alphacast.core.briefing.FactSheet;
import com.alphacast.core.briefing.TemplateBriefing;
import com.alphacast.core.briefing.answer.AnswerBriefing;
import com.alphacast.core.briefing.answer.AnswerSchema;
import com.alphacast.core.briefing.answer.AnswerValidator;
import com.alphacast.core.briefing.answer.BriefingAnswerParser;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.core.usecase.publication.ReleaseQueue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The morning briefing on the shipped NYSE calendar and the real SPY chain (2025-09-25): closed days publish
 * nothing, early closes say so, an inventing model is caught, and a day gets one briefing however often the
 * schedule fires.
 */
class MorningAnalysisTest {

    private static final Map<Tier, TierPolicy> TIERS = Map.of(
            Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001"))),
            Tier.BASIC, new TierPolicy(300, Map.of(Channel.TELEGRAM, List.of("-2001"))),
            Tier.FREE, new TierPolicy(900, Map.of(Channel.TELEGRAM, List.of("-3001"))));

    private final MarketCalendar nyse = new ShippedCalendars().calendar(Exchange.XNYS);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T13:00:00Z"), ZoneOffset.UTC);
    private final List<TierRelease> released = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    private final List<ModelPrompt> prompts = new ArrayList<>();
    private final Map<LocalDate, BriefingRecord> ledgerRows = new HashMap<>();
    private int inputsAsked;

    private final BriefingLedger ledger = new BriefingLedger() {
        @Override
        public Optional<BriefingRecord> find(LocalDate session) {
            return Optional.ofNullable(ledgerRows.get(session));
        }

        @Override
        public boolean claim(BriefingRecord record) {
            return ledgerRows.putIfAbsent(record.session(), record) == null;
        }

        @Override
        public void markPublished(LocalDate session) {
            ledgerRows.computeIfPresent(session, (date, row) -> row.markedPublished());
        }
    };

    private final ReleaseQueue queue = new ReleaseQueue() {
        @Override
        public List<String> refusals(TierRelease release) {
            return List.of();
        }

        @Override
        public void enqueue(TierRelease release, int delaySeconds) {
            released.add(release);
        }
    };

    private final BriefingInputsSource inputs = (session, prior, asOf) -> {
        inputsAsked++;
        return new BriefingInputs("SPY", session, prior, List.of(), List.of(), List.of(), OptionalDouble.empty(),
                List.of(), Optional.of(SpyChain.load().chain()), Optional.empty(), Optional.empty());
    };

    /** A model answering from a script of functions of the facts it was sent. */
    private LanguageModel model(List<Function<FactSheet, String>> script, FactSheet[] factsSeen) {
        Deque<Function<FactSheet, String>> answers = new ArrayDeque<>(script);
        return new LanguageModel() {
            @Override
            public ModelReply answer(ModelPrompt prompt) {
                prompts.add(prompt);
                return new ModelReply(answers.removeFirst().apply(factsSeen[0]), new ModelUsage("fake", "scripted",
                        1_000, 200, Duration.ofMillis(40), 1, new BigDecimal("0.000270")));
            }

            @Override
            public String describe() {
                return "fake scripted";
            }
        };
    }

    private MorningAnalysis analysis(Optional<LanguageModel> model, FactSheet[] factsSeen) {
        BriefingFacts facts = new BriefingFacts(BriefingFactsConfig.standard()) ;
        BriefingInputsSource recording = (session, prior, asOf) -> {
            BriefingInputs in = inputs.inputs(session, prior, asOf);
            factsSeen[0] = facts.compute(in);
            return in;
        };
        return new MorningAnalysis(nyse, recording, facts, model, new MorningPrompt(new AnswerSchema()),
                new AnswerValidator(new BriefingAnswerParser(), new AnswerBriefing()), new AnswerBriefing(),
                new TemplateBriefing(), (sheet, in) -> Optional.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}), ledger,
                new PublicationRelease(TIERS, queue, signalId -> Optional.empty(), clock), alerts::add, clock);
    }

    /** An answer that cites only facts: the zero-gamma and call-wall levels with their values as given. */
    static String validAnswer(FactSheet facts) {
        Fact.Quantity zero = facts.quantity(FactIds.GEX_ZERO_GAMMA).orElseThrow();
        Fact.Quantity wall = facts.quantity(FactIds.GEX_CALL_WALL).orElseThrow();
        return """
                {"headline":"Dealers hold gamma: a range day is the base case","bias":"range",
                 "bias_reasons":["Net GEX is positive, so dealer hedging damps moves."],
                 "key_levels":[{"fact":"%s","value":%s,"note":"Below it dealer hedging adds to moves."},
                               {"fact":"%s","value":%s,"note":"The largest call exposure caps rallies."}],
                 "scenarios":[{"condition":"Price holds above zero gamma","outcome":"Expect mean reversion."}],
                 "risks":["A break of zero gamma turns hedging pro-cyclical."]}
                """.formatted(zero.id(), zero.display(), wall.id(), wall.display());
    }

    /** The same answer with a key level the facts do not have (the call wall moved up by five). */
    static String inventingAnswer(FactSheet facts) {
        Fact.Quantity wall = facts.quantity(FactIds.GEX_CALL_WALL).orElseThrow();
        return validAnswer(facts).replace("\"value\":" + wall.display(),
                "\"value\":" + wall.rounded().add(BigDecimal.valueOf(5)).toPlainString());
    }

    @Test
    void goodFridayPublishesNothingAndAsksNoOne() {
        FactSheet[] seen = new FactSheet[1];

        MorningAnalysis.Outcome outcome = analysis(Optional.of(model(List.of(), seen)), seen).run(LocalDate.of(2026, 4, 3));

        assertThat(outcome).isInstanceOfSatisfying(MorningAnalysis.Outcome.Closed.class,
                closed -> assertThat(closed.reason()).containsIgnoringCase("good friday"));
        assertThat(released).isEmpty();
        assertThat(ledgerRows).isEmpty();
        assertThat(prompts).isEmpty();
        assertThat(inputsAsked).isZero();
    }

    @Test
    void validAnswerIsPublishedToEveryTierWithItsChartExactlyOnceWhenTheScheduleFiresTwice() {
        FactSheet[] seen = new FactSheet[1];
        MorningAnalysis analysis = analysis(Optional.of(model(List.of(MorningAnalysisTest::validAnswer), seen)), seen);

        MorningAnalysis.Outcome first = analysis.run(LocalDate.of(2026, 11, 27));
        MorningAnalysis.Outcome second = analysis.run(LocalDate.of(2026, 11, 27));

        assertThat(first).isInstanceOfSatisfying(MorningAnalysis.Outcome.Published.class, published -> {
            assertThat(published.briefing().source()).isEqualTo(BriefingText.Source.MODEL);
            assertThat(published.briefing().verdict()).isEqualTo("accepted");
            assertThat(published.briefing().chart()).isPresent();
            assertThat(published.briefing().usage().orElseThrow().costUsd()).isEqualByComparingTo("0.000270");
            assertThat(published.briefing().textByTier().get(Tier.PREMIUM))
                    .contains("closes at 13:00").contains(seen[0].quantity(FactIds.GEX_ZERO_GAMMA).orElseThrow().display());
        });
        assertThat(second).isInstanceOf(MorningAnalysis.Outcome.AlreadyPublished.class);
        assertThat(released).extracting(TierRelease::tier).containsExactlyInAnyOrder(Tier.PREMIUM, Tier.BASIC, Tier.FREE);
        assertThat(released).allSatisfy(release -> {
            assertThat(release.publication().id()).isEqualTo("briefing:2026-11-27");
            assertThat(((com.alphacast.core.publication.Publication.MorningBriefing) release.publication()).hasChart())
                    .isTrue();
        });
        assertThat(prompts).hasSize(1);
        assertThat(inputsAsked).isEqualTo(1);
        assertThat(alerts).isEmpty();
    }

    @Test
    void inventingModelIsCaughtTwiceThenTheTemplateIsPublishedAndOperatorsAreTold() {
        FactSheet[] seen = new FactSheet[1];
        MorningAnalysis analysis = analysis(Optional.of(model(List.of(MorningAnalysisTest::inventingAnswer,
                MorningAnalysisTest::inventingAnswer), seen)), seen);

        MorningAnalysis.Outcome outcome = analysis.run(LocalDate.of(2026, 11, 27));

        assertThat(outcome).isInstanceOfSatisfying(MorningAnalysis.Outcome.Published.class, published -> {
            assertThat(published.verdicts()).hasSize(2).noneMatch(verdict -> verdict.accepted());
            assertThat(published.briefing().source()).isEqualTo(BriefingText.Source.TEMPLATE);
            assertThat(published.briefing().textByTier().values()).noneMatch(text -> text.contains("Dealers hold gamma"));
        });
        assertThat(prompts.get(1).facts()).contains("your_previous_answer_was_rejected_because")
                .contains(FactIds.GEX_CALL_WALL);
        assertThat(alerts).singleElement().asString().contains("template").contains("failed validation 2 times");
        assertThat(released).hasSize(3);
    }

    @Test
    void anAnswerFixedOnTheRetryIsPublished() {
        FactSheet[] seen = new FactSheet[1];
        MorningAnalysis analysis = analysis(Optional.of(model(List.of(facts -> "{\"headline\": \"Futures point higher as",
                MorningAnalysisTest::validAnswer), seen)), seen);

        MorningAnalysis.Outcome outcome = analysis.run(LocalDate.of(2026, 11, 27));

        assertThat(outcome).isInstanceOfSatisfying(MorningAnalysis.Outcome.Published.class, published -> {
            assertThat(published.briefing().verdict()).isEqualTo("accepted on the retry");
            assertThat(published.briefing().usage().orElseThrow().inputTokens()).isEqualTo(2_000);
        });
        assertThat(alerts).isEmpty();
    }

    @Test
    void withoutAModelTheTemplateIsPublishedAndSaysTheEarlyClose() {
        FactSheet[] seen = new FactSheet[1];

        MorningAnalysis.Outcome outcome = analysis(Optional.empty(), seen).run(LocalDate.of(2026, 11, 27));

        assertThat(outcome).isInstanceOfSatisfying(MorningAnalysis.Outcome.Published.class, published -> {
            assertThat(published.briefing().source()).isEqualTo(BriefingText.Source.TEMPLATE);
            assertThat(published.briefing().textByTier().get(Tier.PREMIUM)).contains("closes at 13:00");
            assertThat(published.briefing().usage()).isEmpty();
        });
        assertThat(alerts).singleElement().asString().contains("MODEL_PROVIDER=none");
    }

    @Test
    void aClaimedButUnreleasedBriefingIsReleasedByTheNextTrigger() {
        FactSheet[] seen = new FactSheet[1];
        BriefingRecord claimed = new BriefingRecord(LocalDate.of(2026, 11, 27), clock.instant(), "Headline",
                Map.of(Tier.PREMIUM, "text"), BriefingText.Source.TEMPLATE, "template: test", Optional.empty(),
                Optional.empty(), "{}", List.of(), false);
        ledger.claim(claimed);

        MorningAnalysis.Outcome outcome = analysis(Optional.empty(), seen).run(LocalDate.of(2026, 11, 27));

        assertThat(outcome).isInstanceOf(MorningAnalysis.Outcome.AlreadyPublished.class);
        assertThat(released).extracting(TierRelease::tier).containsExactly(Tier.PREMIUM);
        assertThat(ledgerRows.get(LocalDate.of(2026, 11, 27)).published()).isTrue();
        assertThat(inputsAsked).isZero();
    }
}
