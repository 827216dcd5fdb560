package com.alphacast.aws.sqs;

import com.alphacast.core.market.Bar;
import com.alphacast.core.usecase.trading.ExitChecks;
import java.util.Map;

/**
 * Asks the position function for an exit check by sending it a bar on its own queue (MarketBarsQueue), as the
 * worker does for every closed bar: the position function checks every open position against the recorded bars up
 * to that bar's end, so a bar it has seen before does no harm.
 */
public final class QueueExitChecks implements ExitChecks {

    private final QueuePublisher marketBars;

    public QueueExitChecks(QueuePublisher marketBars) {
        this.marketBars = marketBars;
    }

    @Override
    public void requestUpTo(Bar bar) {
        marketBars.publish(bar, 0, Map.of("symbol", bar.symbol()));
    }
}
