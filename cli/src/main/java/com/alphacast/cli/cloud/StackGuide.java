package com.alphacast.cli.cloud;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.localcloud.LocalBackends;
import com.alphacast.fakes.chat.LocalChatPlatforms;
import com.alphacast.localcloud.HttpRouteListing;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.function.FunctionDefinition;
import com.alphacast.localcloud.function.http.HttpApiRoute;
import com.alphacast.localcloud.function.schedule.ScheduleListing;
import com.alphacast.localcloud.function.schedule.ScheduleV2Source;
import com.alphacast.localcloud.function.sqs.SqsEventSource;
import com.alphacast.localcloud.sqs.QueueDefinition;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a person needs to use a running stack: endpoints, region and credentials, every table and queue (logical id →
 * physical name or URL), which function consumes which queue, and commands to paste into a shell.
 */
final class StackGuide {

    /** The last line printed: everything above it is valid from then on (scripts and tests wait for it). */
    static final String READY = "local cloud ready";

    private final PrintStream out;
    private final Clock clock;
    private final JsonCodec json = new JsonCodec();

    StackGuide(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /**
     * @param outbox where the functions write what each platform would receive (the profile's outbox sinks)
     * @param pid    this process, for {@code kill}
     */
    void print(LocalCloud cloud, CloudUpOptions options, Path outbox, LocalChatPlatforms chat, long pid) {
        String dynamoDb = cloud.dynamoDbEndpoint().toString();
        String sqs = cloud.sqsEndpoint().toString();
        out.printf("Alphacast local cloud: stack '%s' from %s, profile '%s' (pid %d)%n", cloud.stackName(),
                options.home().resolve("template.yaml"), options.profile(), pid);
        out.println();
        out.printf("  DynamoDB     %s%n", dynamoDb);
        out.printf("  SQS          %s%n", sqs);
        out.printf("  region       %s%n", cloud.region());
        out.printf("  credentials  %s / %s (dummy: the local servers accept them, nothing reaches AWS)%n",
                LocalBackends.ACCESS_KEY_ID, LocalBackends.SECRET_ACCESS_KEY);
        out.printf("  data         %s%n", options.dataDirectory()
                .map(d -> "DynamoDB tables and items kept in " + d + "; queues and their messages in memory only,"
                        + " empty after a restart")
                .orElse("in memory, gone when the stack stops"));
        out.printf("  outbox       %s (<channel>.jsonl: what Telegram, Discord and X would receive)%n", outbox);
        out.println();
        out.println("For the AWS CLI and SDKs in another shell:");
        out.printf("  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_REGION=%s AWS_DEFAULT_REGION=%s%n",
                LocalBackends.ACCESS_KEY_ID, LocalBackends.SECRET_ACCESS_KEY, cloud.region(), cloud.region());
        out.printf("  export AWS_ENDPOINT_URL_DYNAMODB=%s AWS_ENDPOINT_URL_SQS=%s%n", dynamoDb, sqs);
        out.println();

        Map<String, String> consumers = consumersByQueue(cloud);
        out.println("Tables (logical id -> table name):");
        int width = nameWidth(cloud);
        cloud.plan().tables().forEach((id, table) -> out.printf("  %-" + width + "s  %s%n", id, table.tableName()));
        out.println("Queues (logical id -> queue URL):");
        for (QueueDefinition queue : cloud.plan().queues().values()) {
            String id = queue.logicalId();
            out.printf("  %-" + width + "s  %s%s%n", id, cloud.queueUrl(id), queueRole(cloud, id, consumers));
        }
        out.println("Functions (run in this process from their queues and routes; handler logs go to stderr):");
        for (FunctionDefinition function : cloud.plan().functions().values()) {
            List<String> sources = eventSources(function);
            out.printf("  %-" + width + "s  <- %s  (%s)%n", function.logicalId(),
                    sources.isEmpty() ? "no event" : String.join(", ", sources), function.handler());
        }
        printHttpRoutes(cloud);
        printSchedules(cloud);
        if (!cloud.plan().notRunLocally().isEmpty()) {
            out.println("Not run locally (AWS only; run the ingest worker here with ./alphacast worker):");
            cloud.plan().notRunLocally().forEach(resource -> out.printf("  %s%n", resource));
        }
        out.println();
        printChat(cloud, chat);
        out.println();
        printExamples(cloud, dynamoDb, sqs);
        out.println();
        out.printf("Ctrl-C or `kill %d` stops everything and removes what it made; a second Ctrl-C exits at once.%n", pid);
        out.println(READY);
        out.flush();
    }

    /**
     * The secrets generated for this run's webhook functions (local only, gone when the stack stops) and requests to
     * paste: a Telegram update with the secret header, a Discord PING signed now (valid for five minutes).
     */
    private void printChat(LocalCloud cloud, LocalChatPlatforms chat) {
        out.println("Chat webhooks (secrets generated for this run; answers go to loopback Telegram and Discord APIs):");
        out.printf("  Telegram webhook secret   %s (header X-Telegram-Bot-Api-Secret-Token)%n", chat.webhookSecret());
        out.printf("  Telegram Bot API (fake)   %s, bot @%s%n", chat.telegram().baseUri(), LocalChatPlatforms.BOT_USERNAME);
        out.printf("  Discord public key        %s%n", chat.discordPublicKeyHex());
        out.printf("  Discord private key       %s (Ed25519 seed: sign '<timestamp><body>' to make local requests)%n",
                chat.discordPrivateKeyHex());
        out.printf("  Discord API (fake)        %s%n", chat.discord().apiBase());
        Optional<java.net.URI> endpoint = cloud.httpEndpoint();
        if (endpoint.isEmpty()) {
            return;
        }
        String update = "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":" + clock.instant().getEpochSecond()
                + ",\"text\":\"/help\",\"from\":{\"id\":1001,\"is_bot\":false,\"first_name\":\"You\"},"
                + "\"chat\":{\"id\":1001,\"type\":\"private\"},\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":5}]}}";
        out.println("  Send an update (or try `./alphacast bots chat --as telegram:1001` against a stack of its own):");
        out.printf("    curl -s -X POST %s/telegram/webhook -H 'Content-Type: application/json' \\%n", endpoint.get());
        out.printf("      -H 'X-Telegram-Bot-Api-Secret-Token: %s' -d '%s'%n", chat.webhookSecret(), update);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String ping = "{\"type\":1}";
        out.println("  A signed Discord PING (answers {\"type\":1}; the signature is valid for five minutes):");
        out.printf("    curl -s -X POST %s/discord/interactions -H 'Content-Type: application/json' \\%n", endpoint.get());
        out.printf("      -H 'X-Signature-Timestamp: %s' -H 'X-Signature-Ed25519: %s' -d '%s'%n", timestamp,
                chat.signDiscord(timestamp, ping), ping);
    }

    /** One line per HttpApi route: method, the URL to curl ({name} for path parameters) and the function behind it. */
    private void printHttpRoutes(LocalCloud cloud) {
        List<HttpRouteListing> routes = cloud.httpRoutes();
        if (routes.isEmpty()) {
            return;
        }
        out.printf("HTTP routes (API Gateway payload format 2.0, on %s):%n", cloud.httpEndpoint().orElseThrow());
        int urlWidth = routes.stream().mapToInt(r -> r.url().length()).max().orElse(0);
        for (HttpRouteListing route : routes) {
            out.printf("  %-7s %-" + urlWidth + "s  -> %s%n", route.method(), route.url(), route.functionLogicalId());
        }
    }

    /** One line per running schedule: function, expression, zone and the next time it fires (on the wall clock). */
    private void printSchedules(LocalCloud cloud) {
        List<ScheduleListing> schedules = cloud.schedules();
        if (schedules.isEmpty()) {
            return;
        }
        out.println("Schedules (EventBridge Scheduler, on this machine's clock):");
        int expressionWidth = schedules.stream().mapToInt(s -> s.expression().length()).max().orElse(0);
        for (ScheduleListing schedule : schedules) {
            out.printf("  %-" + expressionWidth + "s  %-20s next %s  -> %s/%s%n", schedule.expression(), schedule.zone(),
                    schedule.nextFire().map(Instant::toString).orElse("never (no occurrence left)"),
                    schedule.functionLogicalId(), schedule.eventName());
        }
    }

    private static List<String> eventSources(FunctionDefinition function) {
        return function.events().stream().map(event -> {
            if (event instanceof SqsEventSource sqs) {
                return sqs.queueLogicalId();
            }
            if (event instanceof HttpApiRoute route) {
                return route.pattern().routeKey();
            }
            if (event instanceof ScheduleV2Source schedule) {
                return schedule.expression() + (schedule.enabled() ? "" : " (DISABLED)");
            }
            return event.type() + " " + event.eventName();
        }).toList();
    }

    private void printExamples(LocalCloud cloud, String dynamoDb, String sqs) {
        out.println("Try it:");
        out.printf("  aws --endpoint-url %s dynamodb list-tables%n", dynamoDb);
        Optional<String> signalsQueue = known(cloud.plan().queues(), "SignalsQueue");
        Optional<String> signalsTable = known(cloud.plan().tables(), "SignalsTable");
        String table = signalsTable.or(() -> cloud.plan().tables().keySet().stream().findFirst())
                .map(cloud::tableName).orElse(null);
        if (table != null) {
            out.printf("  aws --endpoint-url %s dynamodb scan --table-name %s%n", dynamoDb, table);
        }
        if (signalsQueue.isPresent()) {
            Signal example = exampleSignal();
            // A FIFO queue needs the message group; the signal id deduplicates as the worker's sends do.
            String fifo = cloud.queueName("SignalsQueue").endsWith(".fifo")
                    ? " --message-group-id signals --message-deduplication-id " + example.id() : "";
            out.printf("  aws --endpoint-url %s sqs send-message --queue-url %s%s --message-body '%s'%n", sqs,
                    cloud.queueUrl("SignalsQueue"), fifo, json.write(example));
            out.println("    (RiskCheckFunction takes it off the queue and records its decision, with reasons, in " + table
                    + ": scan again; an approval goes on to OrderFunction and DistributionFunction)");
        }
        cloud.plan().queues().values().stream().filter(q -> cloud.plan().deadLetterQueues().contains(q.logicalId()))
                .findFirst().ifPresent(dlq -> out.printf(
                        "  aws --endpoint-url %s sqs get-queue-attributes --queue-url %s --attribute-names All%n",
                        sqs, cloud.queueUrl(dlq.logicalId())));
        known(cloud.plan().queues(), "MarketBarsQueue").ifPresent(bars -> out.printf(
                "  ingest worker: MARKET_SNAPSHOTS_TABLE=%s REJECTED_SIGNALS_TABLE=%s SIGNALS_QUEUE_URL=%s "
                        + "MARKET_BARS_QUEUE_URL=%s%n",
                known(cloud.plan().tables(), "MarketSnapshotsTable").map(cloud::tableName).orElse("-"),
                known(cloud.plan().tables(), "RejectedSignalsTable").map(cloud::tableName).orElse("-"),
                signalsQueue.map(cloud::queueUrl).orElse("-"), cloud.queueUrl(bars)));
    }

    /** A well-formed signal for the risk check; single quotes never occur in it, so it pastes inside '...'. */
    private Signal exampleSignal() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Signal("manual:ESU1:" + now, "manual", "ES", "ESU1", Direction.LONG, 5000.0, 4995.0,
                5010.0, 1, 0.5, "sent by hand", now, now);
    }

    private static String queueRole(LocalCloud cloud, String queue, Map<String, String> consumers) {
        if (consumers.containsKey(queue)) {
            return "  -> " + consumers.get(queue);
        }
        for (QueueDefinition source : cloud.plan().queues().values()) {
            if (source.deadLetterQueue().filter(queue::equals).isPresent()) {
                return "  (dead letters of " + source.logicalId() + ")";
            }
        }
        return "";
    }

    private static Map<String, String> consumersByQueue(LocalCloud cloud) {
        Map<String, String> consumers = new LinkedHashMap<>();
        for (FunctionDefinition function : cloud.plan().functions().values()) {
            for (SqsEventSource event : sqsEvents(function)) {
                consumers.merge(event.queueLogicalId(), function.logicalId(), (a, b) -> a + ", " + b);
            }
        }
        return consumers;
    }

    private static List<SqsEventSource> sqsEvents(FunctionDefinition function) {
        return function.events().stream().filter(SqsEventSource.class::isInstance).map(SqsEventSource.class::cast)
                .filter(SqsEventSource::enabled).toList();
    }

    private static int nameWidth(LocalCloud cloud) {
        return Stream.of(cloud.plan().tables().keySet(), cloud.plan().queues().keySet(),
                        cloud.plan().functions().keySet())
                .flatMap(Set::stream).mapToInt(String::length).max().orElse(10);
    }

    private static Optional<String> known(Map<String, ?> resources, String logicalId) {
        return resources.containsKey(logicalId) ? Optional.of(logicalId) : Optional.empty();
    }
}
