package com.alphacast.worker.live;

import com.alphacast.feeds.supervisor.FeedAlert;
import com.alphacast.feeds.supervisor.OperatorAlerts;

/** Feed alerts in the worker's log (CloudWatch on ECS), where an operator reads them when nothing else is wired. */
public final class LoggedOperatorAlerts implements OperatorAlerts {

    private static final System.Logger LOG = System.getLogger(LoggedOperatorAlerts.class.getName());

    @Override
    public void alert(FeedAlert alert) {
        System.Logger.Level level = alert.kind() == FeedAlert.Kind.SILENCED || alert.kind() == FeedAlert.Kind.FAILOVER
                ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
        LOG.log(level, "{0} {1}: {2} -> {3} ({4})", alert.kind(), alert.instrument(), alert.fromSource(),
                alert.toSource(), alert.reason());
    }
}
