package com.alphacast.cli.demo;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.FifoOrdering;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.cli.chat.TelegramChatSession;
import com.alphacast.core.risk.RecordedDecision;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.LocalCloud;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * After the replay, the demo talks to its own stack through the Telegram webhook route as three people: a user
 * buys premium with Telegram Stars (/subscribe, pre-checkout, payment) and then asks /positions and /pnl (answered from the positions table), a free user asks /positions (refused),
 * the operator sends /halt; a signal injected then is rejected by the kill switch; /resume lifts it. The transcript
 * is what the loopback Bot API received.
 */
final class DemoBotTranscript {

    static final long OPERATOR = 1001;
    static final long PREMIUM = 1002;
    static final long FREE = 1003;

    /** ALPHACAST_ROLES for the demo's webhook functions: only operators; tiers come from SubscribersTable. */
    static final String ROLES = "telegram:" + OPERATOR + "=admin";

    /** One line of the transcript: who, what they sent, what the bot answered. */
    record Line(String who, String said, List<String> answers) {}

    /** The transcript and the decision on the signal sent while halted. */
    record Transcript(List<Line> lines, Optional<RecordedDecision> haltedSignal) {}

    private final LocalChatPlatforms chat;
    private final Clock clock;

    DemoBotTranscript(LocalChatPlatforms chat, Clock clock) {
        this.chat = chat;
        this.clock = clock;
    }

    Transcript run(LocalCloud cloud, String instrument, String symbol) throws IOException, InterruptedException {
        URI webhook = URI.create(cloud.httpEndpoint().orElseThrow(() -> new IllegalStateException(
                "the stack serves no HTTP route; template.yaml's TelegramWebhookFunction has none")) + "/telegram/webhook");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        TelegramChatSession premium = session(http, webhook, PREMIUM, 1_000);
        TelegramChatSession free = session(http, webhook, FREE, 2_000);
        TelegramChatSession operator = session(http, webhook, OPERATOR, 3_000);
        List<Line> lines = new ArrayList<>();
        // The subscriber becomes premium the way a paying user does: a Stars payment through the webhook.
        lines.add(line("subscriber", premium.say("/tier")));
        for (TelegramChatSession.Exchange step : premium.buy("premium")) {
            lines.add(line("subscriber", step));
        }
        lines.add(line("premium subscriber", premium.say("/tier")));
        lines.add(line("premium subscriber", premium.say("/positions")));
        lines.add(line("premium subscriber", premium.say("/pnl")));
        lines.add(line("free user", free.say("/positions")));
        lines.add(line("operator", operator.say("/halt demo: kill switch from chat")));

        Instant now = clock.instant();
        Signal probe = new Signal("demo-halt-probe:" + instrument + ":" + now, "demo", symbol, instrument, Direction.LONG,
                1300.0, 1298.0, 1305.0, 1, 0.5, "sent while trading is halted", now, now);
        JsonCodec json = new JsonCodec();
        // As the worker sends: SignalsQueue's one FIFO group, deduplicated by signal id.
        new QueuePublisher(cloud.sqs(), cloud.queueUrl("SignalsQueue"), json, FifoOrdering.signals())
                .publish(probe, 0, Map.of());
        cloud.awaitIdle(Duration.ofSeconds(60));
        Optional<RecordedDecision> decision = new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"),
                cloud.tableName("ControlTable"), json).decisionFor(probe.id());

        lines.add(line("operator", operator.say("/resume")));
        return new Transcript(lines, decision);
    }

    private TelegramChatSession session(HttpClient http, URI webhook, long user, long firstUpdate) {
        return new TelegramChatSession(http, webhook, chat.webhookSecret(), chat.telegram(), user, clock, firstUpdate);
    }

    private static Line line(String who, TelegramChatSession.Exchange exchange) {
        if (exchange.status() != 200) {
            throw new IllegalStateException("the webhook answered " + exchange.status() + " to '" + exchange.said() + "'");
        }
        return new Line(who, exchange.said(), exchange.answers());
    }

    static void print(PrintStream out, Transcript transcript) {
        out.println();
        out.println("Bot transcript (Telegram updates posted to POST /telegram/webhook; answers as the Bot API received them):");
        for (Line line : transcript.lines()) {
            out.printf("  %s > %s%n", line.who(), line.said());
            if (line.answers().isEmpty()) {
                out.println("    (no answer)");
            }
            for (String answer : line.answers()) {
                for (String text : answer.split("\n")) {
                    out.println("    " + text);
                }
            }
        }
        out.println("  signal injected while halted: " + transcript.haltedSignal()
                .map(d -> (d.decision().approved() ? "APPROVED" : "rejected") + " (" + String.join("; ", d.decision().reasons()) + ")")
                .orElse("no decision recorded"));
    }
}
