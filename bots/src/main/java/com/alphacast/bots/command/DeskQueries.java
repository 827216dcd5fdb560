package com.alphacast.bots.command;

import com.alphacast.bots.command.data.PnlHistory;
import com.alphacast.bots.command.data.PositionBook;
import com.alphacast.bots.command.data.SignalHistory;
import com.alphacast.core.usecase.feed.FeedStatusRecords;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router reads to answer: open positions, realized P&amp;L, recent signals, and each instrument's feed status
 * for operators' /status (empty where no board is reachable, said so in the answer).
 */
public record DeskQueries(PositionBook positions, PnlHistory pnl, SignalHistory signals, Optional<FeedStatusRecords> feeds) {

    public DeskQueries {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(feeds, "feeds");
    }
}
