package com.alphacast.bots.command.data;

import java.time.LocalDate;
import java.util.List;

/** Realized P&amp;L per trading day. */
public interface PnlHistory {

    /** Days in {@code [from, to]} that had results, oldest first. */
    List<DailyPnl> between(LocalDate from, LocalDate to);
}
