package com.alphacast.core.usecase.briefing;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.MarketSession;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.usecase.publication.PublicationRelease;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The day's recap, on the end-of-day schedule: the positions the day's signals opened (from the prior session's
 * close up to this session's close, so a futures night counts towards the next day), how many closed, how many
 * won, points and realized P&amp;L, released to every tier through the same path as every publication. Nothing on a
 * closed day; once per day: the ledger is marked only after the release, so a retry after a failed release
 * releases again, and the distribution side delivers each publication × tier × destination once.
 */
public final class EndOfDayRecap {

    /** What a trigger did. */
    public sealed interface Outcome {
        record Closed(LocalDate date, String reason) implements Outcome {
        }

        record AlreadyReleased(LocalDate date) implements Outcome {
        }

        /** @param stillOpen positions the day's signals opened that had not closed by the recap */
        record Released(Publication.DailyRecap recap, int stillOpen) implements Outcome {
        }
    }

    private final MarketCalendar calendar;
    private final TradeHistory trades;
    private final RecapLedger ledger;
    private final PublicationRelease release;

    public EndOfDayRecap(MarketCalendar calendar, TradeHistory trades, RecapLedger ledger, PublicationRelease release) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.release = Objects.requireNonNull(release, "release");
    }

    /** The recap of the session on {@code date}, from what was recorded up to {@code asOf}. */
    public Outcome run(LocalDate date, Instant asOf) {
        Optional<MarketSession> open = calendar.session(date);
        if (open.isEmpty()) {
            return new Outcome.Closed(date, calendar.closureReason(date).orElse("not a trading day"));
        }
        if (ledger.released(date)) {
            return new Outcome.AlreadyReleased(date);
        }
        MarketSession session = open.get();
        Instant from = calendar.previousSession(date).closes();
        Instant to = asOf.isBefore(session.closes()) ? asOf : session.closes();
        List<SessionTrade> day = trades.openedBetween(from, to);
        List<SessionTrade> closed = day.stream().filter(trade -> trade.closedBy(asOf)).toList();
        int wins = (int) closed.stream().filter(trade -> trade.realizedPnl() > 0).count();
        double points = closed.stream().mapToDouble(SessionTrade::points).sum();
        double pnl = closed.stream().mapToDouble(SessionTrade::realizedPnl).sum();
        double best = closed.stream().mapToDouble(SessionTrade::points).max().orElse(0);
        double worst = closed.stream().mapToDouble(SessionTrade::points).min().orElse(0);
        Publication.DailyRecap recap = new Publication.DailyRecap(date, closed.size(), wins, points, pnl, best, worst,
                asOf);
        release.publish(recap);
        ledger.markReleased(recap);
        return new Outcome.Released(recap, day.size() - closed.size());
    }
}
