package com.alphacast.bench.dynamodb;

import com.alphacast.localcloud.dynamodb.EmbeddedDynamoDb;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Start time and per-operation latency of the embedded DynamoDB through the real SDK client over loopback: GetItem, PutItem, a conditional UpdateItem and a 3-item
 * TransactWriteItems, 10,000 of each after 2,000 warm-up calls, p50 and p99 from the sorted timings.
 *
 * <pre>
 * java -cp "bench/target/classes:$(cat bench/target/cold-start.classpath)" com.alphacast.bench.dynamodb.DynamoDbLatency
 *     [operations]
 * </pre>
 */
public final class DynamoDbLatency {

    private static final int WARM_UP = 2_000;
    private static final int SEEDED = 1_000;

    private DynamoDbLatency() {
    }

    public static void main(String[] args) {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        // DynamoDB Local ran here side by side until it left the build (figures in bench/README.md); another
        // DynamoDB-protocol server can be added to this list.
        List<Supplier<LoopbackDynamoDb>> servers = List.of(DynamoDbLatency::embedded);

        System.out.println("start-up (first start in this JVM, then median of 10 restarts):");
        for (Supplier<LoopbackDynamoDb> server : servers) {
            long cold = startNanos(server);
            long[] warm = new long[10];
            for (int i = 0; i < warm.length; i++) {
                warm[i] = startNanos(server);
            }
            Arrays.sort(warm);
            try (LoopbackDynamoDb named = server.get()) {
                System.out.printf(Locale.ROOT, "  %-22s first %7.1f ms   warm %7.1f ms%n", named.name(), cold / 1e6,
                        warm[warm.length / 2] / 1e6);
            }
        }

        List<LoopbackDynamoDb> running = new ArrayList<>();
        List<DynamoDbClient> clients = new ArrayList<>();
        for (Supplier<LoopbackDynamoDb> server : servers) {
            LoopbackDynamoDb started = server.get();
            running.add(started);
            clients.add(client(started.endpoint()));
        }
        try {
            for (DynamoDbClient client : clients) {
                prepare(client);
            }
            System.out.printf(Locale.ROOT, "%nlatency over %,d operations each (µs), url-connection SDK client, loopback:%n",
                    operations);
            System.out.printf(Locale.ROOT, "  %-28s %-22s %9s %9s%n", "operation", "server", "p50", "p99");
            for (Operation operation : Operation.values()) {
                for (int s = 0; s < running.size(); s++) {
                    DynamoDbClient client = clients.get(s);
                    IntConsumer call = i -> operation.call(client, i);
                    for (int i = 0; i < WARM_UP; i++) {
                        call.accept(i);
                    }
                    long[] nanos = new long[operations];
                    for (int i = 0; i < operations; i++) {
                        long start = System.nanoTime();
                        call.accept(WARM_UP + i);
                        nanos[i] = System.nanoTime() - start;
                    }
                    Arrays.sort(nanos);
                    System.out.printf(Locale.ROOT, "  %-28s %-22s %9.1f %9.1f%n", operation.label, running.get(s).name(),
                            percentile(nanos, 0.50) / 1e3, percentile(nanos, 0.99) / 1e3);
                }
            }
        } finally {
            clients.forEach(DynamoDbClient::close);
            running.forEach(LoopbackDynamoDb::close);
        }
    }

    private enum Operation {
        GET("GetItem") {
            @Override
            void call(DynamoDbClient client, int i) {
                client.getItem(b -> b.tableName("Bench").key(key("seed-" + (i % SEEDED))));
            }
        },
        PUT("PutItem") {
            @Override
            void call(DynamoDbClient client, int i) {
                client.putItem(b -> b.tableName("Bench").item(Map.of("pk", AttributeValue.fromS("put-" + (i % 10_000)),
                        "symbol", AttributeValue.fromS("ES"), "price", AttributeValue.fromN("4512.25"),
                        "qty", AttributeValue.fromN("3"))));
            }
        },
        CONDITIONAL_UPDATE("UpdateItem (conditional)") {
            @Override
            void call(DynamoDbClient client, int i) {
                client.updateItem(b -> b.tableName("Bench").key(key("seed-" + (i % SEEDED)))
                        .updateExpression("SET qty = qty + :one").conditionExpression("attribute_exists(pk) AND qty < :max")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                                ":max", AttributeValue.fromN("1000000000"))));
            }
        },
        TRANSACTION("TransactWriteItems (3)") {
            @Override
            void call(DynamoDbClient client, int i) {
                String order = "order-" + (i % 10_000);
                client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName("Bench")
                                .key(key("seed-" + (i % SEEDED))).conditionExpression("attribute_exists(pk)")).build(),
                        TransactWriteItem.builder().put(p -> p.tableName("Bench").item(Map.of(
                                "pk", AttributeValue.fromS(order), "state", AttributeValue.fromS("FILLED")))).build(),
                        TransactWriteItem.builder().update(u -> u.tableName("Bench").key(key("position-" + (i % SEEDED)))
                                .updateExpression("ADD qty :one")
                                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build()));
            }
        };

        private final String label;

        Operation(String label) {
            this.label = label;
        }

        abstract void call(DynamoDbClient client, int i);
    }

    private static void prepare(DynamoDbClient client) {
        client.createTable(b -> b.tableName("Bench").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        for (int i = 0; i < SEEDED; i++) {
            String id = "seed-" + i;
            client.putItem(b -> b.tableName("Bench").item(Map.of("pk", AttributeValue.fromS(id),
                    "qty", AttributeValue.fromN("0"), "symbol", AttributeValue.fromS("ES"))));
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("pk", AttributeValue.fromS(id));
    }

    private static long startNanos(Supplier<LoopbackDynamoDb> server) {
        long start = System.nanoTime();
        LoopbackDynamoDb started = server.get();
        long elapsed = System.nanoTime() - start;
        started.close();
        return elapsed;
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    private static LoopbackDynamoDb embedded() {
        EmbeddedDynamoDb server = EmbeddedDynamoDb.start();
        return new LoopbackDynamoDb() {
            @Override
            public String name() {
                return "embedded (this project)";
            }

            @Override
            public URI endpoint() {
                return server.endpoint();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
