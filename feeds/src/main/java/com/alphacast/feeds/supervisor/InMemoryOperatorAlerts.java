package com.alphacast.feeds.supervisor;

import com.alphacast.core.marketdata.FeedStatus;
import java.util.ArrayList;
import java.util.List;

/** Keeps alerts and status changes in memory (tests, and the local worker's status page). Thread-safe. */
public final class InMemoryOperatorAlerts implements OperatorAlerts {

    private final List<FeedAlert> alerts = new ArrayList<>();
    private final List<FeedStatus> statuses = new ArrayList<>();

    @Override
    public synchronized void alert(FeedAlert alert) {
        alerts.add(alert);
    }

    @Override
    public synchronized void status(FeedStatus status) {
        statuses.add(status);
    }

    public synchronized List<FeedAlert> alerts() {
        return List.copyOf(alerts);
    }

    /** Every status change, oldest first. */
    public synchronized List<FeedStatus> statuses() {
        return List.copyOf(statuses);
    }
}
