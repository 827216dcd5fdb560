package com.alphacast.feeds.supervisor;

import java.util.ArrayList;
import java.util.List;

/** Keeps alerts in memory (tests, and the local worker's status page). Thread-safe. */
public final class InMemoryOperatorAlerts implements OperatorAlerts {

    private final List<FeedAlert> alerts = new ArrayList<>();

    @Override
    public synchronized void alert(FeedAlert alert) {
        alerts.add(alert);
    }

    public synchronized List<FeedAlert> alerts() {
        return List.copyOf(alerts);
    }
}
