package com.alphacast.functions.discord;

import com.alphacast.bots.discord.DeferredInteractionCompletion;
import com.alphacast.bots.discord.HttpDiscordFollowUp;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.chat.LedgerSubscriptions;
import com.alphacast.functions.chat.TableBackedRouter;
import com.alphacast.functions.sqs.PartialBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Lambda on DiscordFollowUpQueue: each deferred interaction is routed against the tables and its original
 * response edited ({@code PATCH webhooks/{application}/{token}/messages/@original}). An edit Discord could not
 * take for now (5xx, 429, no connection) fails the record so SQS retries it; a 4xx is final (the token expired
 * after 15 minutes, or the message is gone) and is logged.
 */
public final class DiscordFollowUpHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final DeferredInteractionCompletion completion;

    public DiscordFollowUpHandler() {
        this(System.getenv());
    }

    public DiscordFollowUpHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    DiscordFollowUpHandler(FunctionResources resources, Clock clock) {
        this.priming = new SnapStartPriming(resources, "SIGNALS_TABLE").register();
        LedgerSubscriptions subscriptions = new LedgerSubscriptions(resources, clock);
        this.completion = new DeferredInteractionCompletion(TableBackedRouter.create(resources, clock,
                        subscriptions.roles(), subscriptions.administration()),
                HttpDiscordFollowUp.create(resources.environment().getOrDefault("DISCORD_API_BASE", "https://discord.com/api/v10"),
                        Duration.ofSeconds(10)));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return PartialBatch.process(event, context, message -> {
            DeferredInteractionCompletion.Completion done = completion.complete(message.getBody());
            String what = done.routing().explanation() + ", edit answered " + done.editStatus();
            if (done.editStatus() < 0 || done.editStatus() == 429 || done.editStatus() >= 500) {
                throw new IllegalStateException("deferred interaction not answered yet: " + what);
            }
            context.getLogger().log("deferred interaction: " + what + "\n");
        });
    }
}
