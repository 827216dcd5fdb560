package com.alphacast.functions.subscription;

import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.subscription.DynamoSubscriptionLedger;
import com.alphacast.core.usecase.subscription.AccessWithdrawal;
import com.alphacast.core.usecase.subscription.ExpirySweep;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda, on a schedule (the {@code ScheduleV2} event of {@code template.yaml}): every subscription that expired and
 * was not swept yet loses its premium chats and Discord role, is marked swept, and its holder is told how to renew.
 * The schedule's input is ignored. A run that could not withdraw everything fails after marking what it did, so the
 * scheduler retries it (and its dead-letter queue keeps the event once retries are spent); the next run picks up the
 * rest either way, because only swept subscriptions leave the sweep index.
 */
public final class SubscriptionSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Lapsed subscriptions one run handles at most; the rest wait for the next run (keeps a run inside its timeout). */
    static final int BATCH = 200;

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final ExpirySweep sweep;

    public SubscriptionSweepHandler() {
        this(System.getenv());
    }

    public SubscriptionSweepHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    private SubscriptionSweepHandler(FunctionResources resources, Clock clock) {
        this(resources, clock, new PlatformAccess(resources.settings(),
                new SecretResolver(resources.environment(), () -> resources.clients().ssm(),
                        () -> resources.clients().secretsManager())).withdrawal());
    }

    SubscriptionSweepHandler(FunctionResources resources, Clock clock, AccessWithdrawal access) {
        this.resources = resources;
        this.priming = new SnapStartPriming(resources, "SUBSCRIBERS_TABLE").register();
        this.sweep = new ExpirySweep(new DynamoSubscriptionLedger(resources.dynamoDb(), resources.require("SUBSCRIBERS_TABLE")),
                access, clock, BATCH);
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        ExpirySweep.Report report = sweep.run();
        context.getLogger().log("subscription sweep: " + report.swept() + " swept, " + report.failures().size()
                + " failed" + (report.failures().isEmpty() ? "" : ": " + String.join("; ", report.failures())) + "\n");
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException(report.failures().size() + " lapsed subscriptions could not be withdrawn ("
                    + report.swept() + " were); the scheduler retries the run");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("swept", report.swept());
        return result;
    }
}
