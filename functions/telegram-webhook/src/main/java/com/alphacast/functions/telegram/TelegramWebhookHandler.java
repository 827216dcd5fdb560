package com.alphacast.functions.telegram;

import com.alphacast.aws.config.SecretResolver;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.inbound.SecretToken;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.bots.wiring.SubscriptionServices;
import com.alphacast.functions.chat.DynamoSeenRequests;
import com.alphacast.functions.chat.LedgerSubscriptions;
import com.alphacast.functions.chat.TableBackedRouter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Lambda behind {@code POST /telegram/webhook} (HttpApi, payload format 2.0): Telegram updates → one answer each,
 * sent through the Bot API; Stars payments, tiers and premium-chat joins on SubscribersTable. The webhook secret and
 * bot token are resolved from their references at the first request of an execution environment (a stack started
 * without them, like a local one, still runs the rest), and the router is wired then on the Bot API client.
 */
public final class TelegramWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** How long update ids are remembered: Telegram gives up redelivering an update after about a day. */
    static final Duration UPDATE_RETENTION = Duration.ofDays(2);

    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final FunctionResources resources;
    private final Clock clock;
    private final DynamoSeenRequests seen;
    /** Built at the first request: the secrets are read then, so a stack without them still starts. */
    private TelegramUpdateEndpoint endpoint;

    public TelegramWebhookHandler() {
        this(System.getenv());
    }

    public TelegramWebhookHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    TelegramWebhookHandler(FunctionResources resources, Clock clock) {
        this.priming = new SnapStartPriming(resources, "INBOUND_REQUESTS_TABLE").register();
        this.resources = resources;
        this.clock = clock;
        this.seen = new DynamoSeenRequests(resources.dynamoDb(), resources.require("INBOUND_REQUESTS_TABLE"), UPDATE_RETENTION, clock);
    }

    private synchronized TelegramUpdateEndpoint endpoint() {
        if (endpoint == null) {
            SecretResolver secrets = new SecretResolver(resources.environment(),
                    () -> resources.clients().ssm(), () -> resources.clients().secretsManager());
            SecretToken secret = new SecretToken(secrets.resolve(resources.require("TELEGRAM_WEBHOOK_SECRET_REF")).strip());
            String token = secrets.resolve(resources.require("TELEGRAM_BOT_TOKEN_REF")).strip();
            TelegramClient client = TelegramTransport.client(token,
                    URI.create(resources.environment().getOrDefault("TELEGRAM_API_BASE", "https://api.telegram.org")),
                    Duration.ofSeconds(5));
            // Payments, invite links and removals go through the same client as the answers, so it is wired here.
            SubscriptionServices subscriptions = new LedgerSubscriptions(resources, clock).telegram(client);
            TelegramUpdateHandler updates = new TelegramUpdateHandler(
                    new CommandParser(resources.environment().getOrDefault("TELEGRAM_BOT_USERNAME", "")),
                    TableBackedRouter.create(resources, clock, subscriptions.roles(), subscriptions.administration()),
                    seen, Optional.of(subscriptions.updates()));
            endpoint = new TelegramUpdateEndpoint(secret, updates, client, token);
        }
        return endpoint;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return endpoint().handle(event, line -> context.getLogger().log(line + "\n"));
    }
}
