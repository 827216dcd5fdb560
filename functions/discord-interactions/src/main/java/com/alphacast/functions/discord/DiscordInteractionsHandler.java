package com.alphacast.functions.discord;

import com.alphacast.aws.config.SecretResolver;
import com.alphacast.aws.sqs.SqsMessageRules;
import com.alphacast.bots.discord.DeferringInteractionEndpoint;
import com.alphacast.bots.discord.DiscordTimestampWindow;
import com.alphacast.bots.inbound.Ed25519Verifier;
import com.alphacast.bots.inbound.Hex;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.chat.DynamoSeenRequests;
import com.alphacast.functions.chat.InboundHttp;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Lambda behind {@code POST /discord/interactions} (HttpApi, payload format 2.0): verifies Discord's Ed25519
 * signature and timestamp window, answers PING with PONG, and acknowledges every command or button with a
 * deferred response after putting the interaction on DiscordFollowUpQueue; nothing runs after the answer.
 */
public final class DiscordInteractionsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final FunctionResources resources;
    private final Clock clock;
    private final DynamoSeenRequests seen;
    private final DiscordTimestampWindow window = DiscordTimestampWindow.standard();
    private final String followUps;
    /** Built at the first request: the public key is read then, so a stack without it still starts. */
    private DeferringInteractionEndpoint endpoint;

    public DiscordInteractionsHandler() {
        this(System.getenv());
    }

    public DiscordInteractionsHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    DiscordInteractionsHandler(FunctionResources resources, Clock clock) {
        this.priming = new SnapStartPriming(resources, "INBOUND_REQUESTS_TABLE").register();
        this.resources = resources;
        this.clock = clock;
        this.followUps = resources.require("DISCORD_FOLLOW_UP_QUEUE_URL");
        this.seen = new DynamoSeenRequests(resources.dynamoDb(), resources.require("INBOUND_REQUESTS_TABLE"),
                window.maxAge().multipliedBy(2), clock);
    }

    private synchronized DeferringInteractionEndpoint endpoint() {
        if (endpoint == null) {
            SecretResolver secrets = new SecretResolver(resources.environment(),
                    () -> resources.clients().ssm(), () -> resources.clients().secretsManager());
            Ed25519Verifier verifier = new Ed25519Verifier(publicKey(secrets.resolve(resources.require("DISCORD_PUBLIC_KEY_REF"))));
            endpoint = new DeferringInteractionEndpoint(verifier, window, clock, seen, this::defer);
        }
        return endpoint;
    }

    private void defer(String interaction) {
        List<String> refusals = SqsMessageRules.refusals(interaction, Map.of(), 0);
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException("SQS would refuse this interaction: " + String.join("; ", refusals));
        }
        resources.sqs().sendMessage(send -> send.queueUrl(followUps).messageBody(interaction));
    }

    private static byte[] publicKey(String hex) {
        return Hex.decode(hex, "the Discord public key (DISCORD_PUBLIC_KEY_REF)");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        DeferringInteractionEndpoint.Response response = endpoint().handle(
                InboundHttp.header(event, "X-Signature-Ed25519"), InboundHttp.header(event, "X-Signature-Timestamp"),
                InboundHttp.body(event));
        if (response.status() != 200) {
            context.getLogger().log("interaction refused " + response.status() + ": " + response.body() + "\n");
        }
        return InboundHttp.json(response.status(), response.body());
    }
}
