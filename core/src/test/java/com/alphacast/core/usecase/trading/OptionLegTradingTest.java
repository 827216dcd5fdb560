package com.alphacast.core.usecase.trading;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.broker.PaperBroker;
import com.alphacast.core.broker.options.OptionChainHistory;
import com.alphacast.core.broker.options.OptionFillRules;
import com.alphacast.core.broker.options.OptionLegRouter;
import com.alphacast.core.broker.options.OptionPaperBroker;
import com.alphacast.core.broker.options.OptionPositionExits;
import com.alphacast.core.broker.options.OptionPremiumExits;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.fixtures.SpyChain;
import com.alphacast.core.instrument.SecurityType;
import com.alphacast.core.instrument.SymbolProperties;
import com.alphacast.core.instrument.SymbolPropertiesDatabase;
import com.alphacast.core.market.Bar;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.options.OptionChain;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.settings.TierPolicy;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import com.alphacast.core.usecase.publication.PublicationRelease;
import com.alphacast.core.usecase.publication.RecordingReleaseQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signals with an option leg through the order and position use cases, on the real CBOE SPY chain of 2025-09-25 taken
 * as the quotes of 2025-10-01 (its nearest expiry, traded as 0DTE that day): the put SPY251001P00658000 is quoted
 * bid 3.70, ask 3.73, open interest 989; the call SPY251001C00500000 has no open interest.
 */
class OptionLegTradingTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalDate EXPIRY_DAY = LocalDate.of(2025, 10, 1);
    private static final Instant SIGNAL_TIME = at(14, 0);
    private static final OptionChain EXPORT = SpyChain.load().chain();
    private static final SymbolProperties OPTION = SymbolPropertiesDatabase.bundled()
            .get("usa", "SPY", SecurityType.OPTION);
    private static final OptionFillRules RULES = new OptionFillRules(1, 0.10, 100, 15);
    private static final String PUT = "SPY251001P00658000";

    private final StoredChains chains = new StoredChains();
    private final InMemoryTradingLedger ledger = new InMemoryTradingLedger();
    private final RecordedMarket market = new RecordedMarket();
    private final RecordingReleaseQueue queue = new RecordingReleaseQueue();
    private final List<String> releasedUnfilled = new ArrayList<>();
    private final List<PositionExit> releasedExits = new ArrayList<>();
    private final RiskSlots slots = new RiskSlots() {
        @Override
        public boolean release(PositionExit exit) {
            return releasedExits.add(exit);
        }

        @Override
        public boolean releaseUnfilled(String signalId, Instant at) {
            return releasedUnfilled.add(signalId + " " + at);
        }

    };
    private final Clock clock = Clock.fixed(SIGNAL_TIME.plusSeconds(2), ZoneOffset.UTC);
    private final PublicationRelease publications = new PublicationRelease(
            Map.of(Tier.PREMIUM, new TierPolicy(0, Map.of(Channel.TELEGRAM, List.of("-1001")))), queue,
            signalId -> Optional.of(SIGNAL_TIME), clock);
    private final OptionPaperBroker optionBroker = new OptionPaperBroker(chains, RULES, symbol -> OPTION);
    private final OrderSubmission submission = new OrderSubmission(
            new OptionLegRouter(new PaperBroker(market, 0.01, 1), optionBroker), ledger, market, publications,
            bar -> { }, slots, clock);
    private final PositionExits exits = new PositionExits(ledger, market, market, 50, slots, publications,
            (symbol, horizon) -> { }, Optional.of(new OptionPremiumExits(new OptionPositionExits(optionBroker, RULES,
            new ShippedCalendars().calendar(Exchange.XNYS)), optionBroker, chains, symbol -> OPTION)));

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(EXPIRY_DAY, LocalTime.of(hour, minute), NEW_YORK).toInstant();
    }

    /** The recorded chain as the worker stored it at {@code time} on the expiry day. */
    private static OptionChain chainAt(Instant time) {
        return new OptionChain(EXPORT.underlying(), EXPORT.spot(), EXPIRY_DAY, time.atZone(NEW_YORK),
                EXPORT.contracts());
    }

    /** One-minute SPY bars ending at {@code from}, {@code from + 1 min}, ... up to {@code to}. */
    private void barsEnding(Instant from, Instant to) {
        for (Instant end = from; !end.isAfter(to); end = end.plusSeconds(60)) {
            market.add(new Bar("SPY", end.minusSeconds(60).toEpochMilli(), end.toEpochMilli(), 658.0, 658.2, 657.9,
                    658.05, 10_000, 100));
        }
    }

    /** SHORT SPY at its levels, trading {@code contract} bought at {@code entry} with premium stop and target. */
    private static Signal signal(String contract, double entry, double stop, double target) {
        return new Signal("0dte-gamma:SPY:" + SIGNAL_TIME, "0dte-gamma", "SPY", "SPY", Direction.SHORT, 658.05,
                659.55, 655.05, 1, 0.7, "test", SIGNAL_TIME, SIGNAL_TIME,
                Optional.of(new OptionLeg(OccSymbol.parse(contract), entry, stop, target)));
    }

    private static Position heldPut(double entry, double stop, double target) {
        return new Position("p1", "SPY", PUT, Direction.LONG, 1, entry, stop, target, SIGNAL_TIME);
    }

    @Test
    void optionSignalBuysItsContractAtTheAskPlusOneTickAndHoldsItWithThePremiumLevels() throws Exception {
        chains.add(chainAt(at(13, 59)));
        barsEnding(SIGNAL_TIME, SIGNAL_TIME);

        OrderOutcome outcome = submission.submit(signal(PUT, 3.73, 3.00, 5.17));

        assertThat(outcome).isInstanceOfSatisfying(OrderOutcome.Filled.class, filled -> {
            assertThat(filled.fill().instrument()).isEqualTo(PUT);
            assertThat(filled.fill().side()).isEqualTo(Direction.LONG); // a put bought on a SHORT call
            assertThat(filled.fill().price()).isEqualTo(3.74);
            assertThat(filled.fill().time()).isEqualTo(SIGNAL_TIME);
        });
        assertThat(ledger.order("0dte-gamma:SPY:" + SIGNAL_TIME)).hasValueSatisfying(order ->
                assertThat(order.broker()).isEqualTo("paper-options"));
        assertThat(ledger.openPositions()).containsExactly(new Position("0dte-gamma:SPY:" + SIGNAL_TIME, "SPY", PUT,
                Direction.LONG, 1, 3.74, 3.00, 5.17, SIGNAL_TIME));
        assertThat(queue.publications()).singleElement().isInstanceOfSatisfying(Publication.Filled.class, f ->
                assertThat(f.fill().instrument()).isEqualTo(PUT));
    }

    @Test
    void contractWithoutOpenInterestIsRejectedWithTheReasonAndItsSlotGivenBack() throws Exception {
        chains.add(chainAt(at(13, 59)));

        OrderOutcome outcome = submission.submit(signal("SPY251001C00500000", 159.91, 150.0, 170.0));

        assertThat(outcome).isInstanceOfSatisfying(OrderOutcome.Rejected.class, rejected ->
                assertThat(rejected.reason()).startsWith("refused by paper-options: ")
                        .contains("open interest 0 is under the 100 minimum"));
        assertThat(ledger.openPositions()).isEmpty();
        assertThat(releasedUnfilled).containsExactly("0dte-gamma:SPY:" + SIGNAL_TIME + " " + SIGNAL_TIME);
    }

    @Test
    void optionSignalWithNoChainStoredAtOrBeforeItIsRejectedNotRetried() throws Exception {
        chains.add(chainAt(at(14, 1))); // taken after the signal fired

        OrderOutcome outcome = submission.submit(signal(PUT, 3.73, 3.00, 5.17));

        assertThat(outcome).isInstanceOfSatisfying(OrderOutcome.Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("no option chain for SPY at or before " + SIGNAL_TIME));
        assertThat(releasedUnfilled).hasSize(1);
    }

    @Test
    void premiumStopClosesAtTheFirstBarWhoseChainBidIsAtTheStopWithTheContractsMultiplier() {
        ledger.open(heldPut(3.85, 3.71, 4.50)); // bought earlier at 3.85; the 14:03 chain's bid 3.70 is under 3.71
        chains.add(chainAt(at(14, 3)));
        barsEnding(at(14, 1), at(14, 10));

        List<PositionExit> closed = exits.closeExited("SPY", at(14, 10));

        assertThat(closed).containsExactly(new PositionExit("p1", ExitReason.STOP, 3.69, at(14, 3)));
        assertThat(ledger.closed()).singleElement().satisfies(c ->
                assertThat(c.realizedPnl()).isCloseTo(-16.0, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(releasedExits).containsExactly(closed.get(0));
        assertThat(queue.publications()).singleElement().isInstanceOf(Publication.StopHit.class);
    }

    @Test
    void premiumTargetClosesAtTheBidLessSlippage() {
        ledger.open(heldPut(3.40, 3.00, 3.65));
        chains.add(chainAt(at(13, 55)));
        barsEnding(at(14, 1), at(14, 3));

        assertThat(exits.closeExited("SPY", at(14, 3)))
                .containsExactly(new PositionExit("p1", ExitReason.TARGET, 3.69, at(14, 1)));
    }

    @Test
    void zeroDtePositionIsClosedAtTheCutoffWhenNeitherPremiumLevelWasReached() {
        ledger.open(heldPut(3.74, 3.00, 5.17));
        chains.add(chainAt(at(13, 59)));
        chains.add(chainAt(at(15, 30)));
        barsEnding(at(14, 1), at(15, 50));

        assertThat(exits.closeExited("SPY", at(15, 44))).isEmpty();
        List<PositionExit> closed = exits.closeExited("SPY", at(15, 50));

        assertThat(closed).containsExactly(new PositionExit("p1", ExitReason.EXPIRY_CUTOFF, 3.69, at(15, 45)));
        assertThat(ledger.closed()).singleElement().satisfies(c ->
                assertThat(c.realizedPnl()).isCloseTo(-5.0, org.assertj.core.api.Assertions.within(1e-9)));
        assertThat(queue.publications()).singleElement().isInstanceOf(Publication.Closed.class);
    }

    @Test
    void operatorCloseOfAnOptionPositionSellsAtTheLatestChainsBid() {
        ledger.open(heldPut(3.74, 3.00, 5.17));
        chains.add(chainAt(at(13, 59)));
        barsEnding(at(14, 1), at(14, 5));

        Optional<PositionExit> closed = exits.closeOnRequest(new CloseRequest("p1", "telegram:42", at(14, 5)));

        assertThat(closed).contains(new PositionExit("p1", ExitReason.OPERATOR, 3.69, at(14, 5)));
    }

    /** Chains kept as the DynamoDB adapter keeps them: by the time each was taken. */
    private static final class StoredChains implements OptionChainHistory {

        private final List<OptionChain> chains = new ArrayList<>();

        void add(OptionChain chain) {
            chains.add(chain);
        }

        @Override
        public Optional<OptionChain> chainAtOrBefore(String underlying, Instant time) {
            return chains.stream().filter(c -> !c.asOfTime().toInstant().isAfter(time))
                    .reduce((first, second) -> second);
        }

        @Override
        public List<OptionChain> chainsInEffect(String underlying, Instant from, Instant to) {
            List<OptionChain> inEffect = new ArrayList<>();
            chainAtOrBefore(underlying, from).ifPresent(inEffect::add);
            chains.stream().filter(c -> c.asOfTime().toInstant().isAfter(from) && !c.asOfTime().toInstant().isAfter(to))
                    .forEach(inEffect::add);
            return inEffect;
        }
    }
}
