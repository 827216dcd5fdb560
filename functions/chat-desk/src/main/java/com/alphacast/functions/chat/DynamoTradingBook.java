package com.alphacast.functions.chat;

import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.bots.command.data.DailyPnl;
import com.alphacast.bots.command.data.PnlHistory;
import com.alphacast.bots.command.data.PositionBook;
import com.alphacast.core.calendar.TradingSession;
import com.alphacast.core.trading.Position;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * /positions and /pnl from the positions table the order and exit functions write: open positions as recorded,
 * and realized P&amp;L per trading day of each close (the session day its exit time falls in).
 */
public final class DynamoTradingBook implements PositionBook, PnlHistory {

    private final DynamoTradingLedger ledger;
    private final TradingSession session;

    public DynamoTradingBook(DynamoTradingLedger ledger, TradingSession session) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public List<Position> openPositions() {
        List<Position> open = new ArrayList<>(ledger.openPositions());
        open.sort(Comparator.comparing(Position::openedAt).thenComparing(Position::signalId));
        return open;
    }

    @Override
    public List<DailyPnl> between(LocalDate from, LocalDate to) {
        Map<LocalDate, double[]> days = new TreeMap<>();
        for (DynamoTradingLedger.ClosedPosition closed : ledger.closedPositions()) {
            LocalDate day = session.tradingDay(closed.exit().time());
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            double[] totals = days.computeIfAbsent(day, d -> new double[3]);
            totals[0] += closed.realizedPnl();
            totals[1] += 1;
            totals[2] += closed.realizedPnl() > 0 ? 1 : 0;
        }
        List<DailyPnl> result = new ArrayList<>();
        // Sums of prices times multipliers: round to cents so 0.1 + 0.2 prints as 0.30.
        days.forEach((day, totals) -> result.add(new DailyPnl(day, Math.round(totals[0] * 100) / 100.0,
                (int) totals[1], (int) totals[2])));
        return result;
    }
}
