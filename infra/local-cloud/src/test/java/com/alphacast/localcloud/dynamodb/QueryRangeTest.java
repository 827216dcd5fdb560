package com.alphacast.localcloud.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A Query with a sort-key condition reads the range (it seeks to where the range starts and stops where it ends):
 * every operator, on a number sort key of a table and a string sort key of an index with repeated values, forward and
 * backward, in one page and in pages, returns exactly what filtering the whole partition in key order returns.
 */
class QueryRangeTest {

    private static final List<String> SYMBOLS = List.of("ES", "ESU1", "NQ");
    private static final List<String> NOTES = List.of("a", "ab", "abc", "abd", "b", "bé", "B", "zz", "ab", "é");

    private static EmbeddedDynamoDb server;
    private static DynamoDbClient dynamoDb;
    private static final List<Map<String, AttributeValue>> ITEMS = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = EmbeddedDynamoDb.start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        dynamoDb.createTable(b -> b.tableName("Bars").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("symbol", ScalarAttributeType.S), attribute("t", ScalarAttributeType.N),
                        attribute("kind", ScalarAttributeType.S), attribute("note", ScalarAttributeType.S))
                .keySchema(key("symbol", KeyType.HASH), key("t", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByNote")
                        .keySchema(key("kind", KeyType.HASH), key("note", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        int n = 0;
        for (String symbol : SYMBOLS) {
            for (int i = 0; i < 24; i++) {
                // Negative, fractional and widely spread times; NQ's are all absent from the other symbols.
                BigDecimal t = BigDecimal.valueOf((i - 12) * 7L + (symbol.equals("NQ") ? 1 : 0))
                        .add(new BigDecimal("0.25").multiply(BigDecimal.valueOf(i % 3))).stripTrailingZeros();
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("symbol", AttributeValue.fromS(symbol));
                item.put("t", AttributeValue.fromN(t.toPlainString()));
                if (n % 4 != 3) { // sparse index: some items carry no note
                    item.put("kind", AttributeValue.fromS(n % 2 == 0 ? "even" : "odd"));
                    item.put("note", AttributeValue.fromS(NOTES.get(n % NOTES.size())));
                }
                dynamoDb.putItem(b -> b.tableName("Bars").item(item));
                ITEMS.add(item);
                n++;
            }
        }
    }

    @AfterAll
    static void stop() {
        dynamoDb.close();
        server.close();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static BigDecimal t(Map<String, AttributeValue> item) {
        return new BigDecimal(item.get("t").n());
    }

    private static int utf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** A sort-key condition and what it means on an item. */
    private record Case(String expression, Map<String, AttributeValue> values, Predicate<Map<String, AttributeValue>> holds) {
    }

    private static Case onTime(String expression, String v, Predicate<BigDecimal> holds) {
        return new Case(expression, Map.of(":v", AttributeValue.fromN(v)), item -> holds.test(t(item)));
    }

    @Test
    void numberSortKeyConditionsOnATableReadExactlyTheirRange() {
        List<Case> cases = new ArrayList<>();
        for (String v : List.of("-1000", "-84", "-7", "7.25", "35", "1000")) {
            BigDecimal x = new BigDecimal(v);
            cases.add(onTime("t = :v", v, t -> t.compareTo(x) == 0));
            cases.add(onTime("t < :v", v, t -> t.compareTo(x) < 0));
            cases.add(onTime("t <= :v", v, t -> t.compareTo(x) <= 0));
            cases.add(onTime("t > :v", v, t -> t.compareTo(x) > 0));
            cases.add(onTime("t >= :v", v, t -> t.compareTo(x) >= 0));
            cases.add(onTime(":v < t", v, t -> t.compareTo(x) > 0));
            cases.add(onTime(":v >= t", v, t -> t.compareTo(x) <= 0));
        }
        cases.add(new Case("t BETWEEN :lo AND :hi", Map.of(":lo", AttributeValue.fromN("-21"), ":hi",
                AttributeValue.fromN("14.25")), item -> t(item).compareTo(BigDecimal.valueOf(-21)) >= 0
                && t(item).compareTo(new BigDecimal("14.25")) <= 0));
        cases.add(new Case("t BETWEEN :lo AND :hi", Map.of(":lo", AttributeValue.fromN("200"), ":hi",
                AttributeValue.fromN("300")), item -> false));
        Comparator<Map<String, AttributeValue>> order = Comparator.comparing(QueryRangeTest::t);
        for (String symbol : SYMBOLS) {
            for (Case c : cases) {
                List<Map<String, AttributeValue>> expected = ITEMS.stream()
                        .filter(item -> item.get("symbol").s().equals(symbol)).filter(c.holds()).sorted(order).toList();
                check(null, "symbol = :p AND " + c.expression(), symbol, c.values(), expected);
            }
        }
    }

    @Test
    void stringSortKeyConditionsOnAnIndexWithRepeatedValuesReadExactlyTheirRange() {
        List<Case> cases = new ArrayList<>();
        for (String v : List.of("0", "ab", "ac", "B", "bé", "é", "zzz")) {
            AttributeValue value = AttributeValue.fromS(v);
            cases.add(new Case("note = :v", Map.of(":v", value), item -> utf8(item.get("note").s(), v) == 0));
            cases.add(new Case("note < :v", Map.of(":v", value), item -> utf8(item.get("note").s(), v) < 0));
            cases.add(new Case("note <= :v", Map.of(":v", value), item -> utf8(item.get("note").s(), v) <= 0));
            cases.add(new Case("note > :v", Map.of(":v", value), item -> utf8(item.get("note").s(), v) > 0));
            cases.add(new Case("note >= :v", Map.of(":v", value), item -> utf8(item.get("note").s(), v) >= 0));
            cases.add(new Case("begins_with(note, :v)", Map.of(":v", value), item -> item.get("note").s().startsWith(v)));
        }
        cases.add(new Case("note BETWEEN :lo AND :hi", Map.of(":lo", AttributeValue.fromS("ab"), ":hi",
                AttributeValue.fromS("b")), item -> utf8(item.get("note").s(), "ab") >= 0
                && utf8(item.get("note").s(), "b") <= 0));
        // Equal notes are ordered by the table's key, as DynamoDB orders an index's items with equal keys.
        Comparator<Map<String, AttributeValue>> order = Comparator
                .<Map<String, AttributeValue>, String>comparing(item -> item.get("note").s(), QueryRangeTest::utf8)
                .thenComparing(item -> item.get("symbol").s(), QueryRangeTest::utf8)
                .thenComparing(QueryRangeTest::t);
        for (String kind : List.of("even", "odd")) {
            for (Case c : cases) {
                List<Map<String, AttributeValue>> expected = ITEMS.stream()
                        .filter(item -> item.containsKey("kind") && item.get("kind").s().equals(kind))
                        .filter(c.holds()).sorted(order).toList();
                check("ByNote", "kind = :p AND " + c.expression(), kind, c.values(), expected);
            }
        }
    }

    /** Forward and backward, in one page and in pages of 3 (ExclusiveStartKey), the result is {@code expected}. */
    private static void check(String index, String keyCondition, String partition, Map<String, AttributeValue> values,
                              List<Map<String, AttributeValue>> expected) {
        Map<String, AttributeValue> withPartition = new HashMap<>(values);
        withPartition.put(":p", AttributeValue.fromS(partition));
        for (boolean forward : List.of(true, false)) {
            List<Map<String, AttributeValue>> inOrder = new ArrayList<>(expected);
            if (!forward) {
                java.util.Collections.reverse(inOrder);
            }
            for (Integer limit : Arrays.asList(null, 3)) {
                List<Map<String, AttributeValue>> read = new ArrayList<>();
                Map<String, AttributeValue> start = null;
                int pages = 0;
                do {
                    QueryRequest.Builder request = QueryRequest.builder().tableName("Bars").indexName(index)
                            .keyConditionExpression(keyCondition).expressionAttributeValues(withPartition)
                            .scanIndexForward(forward).limit(limit);
                    if (start != null) {
                        request.exclusiveStartKey(start);
                    }
                    QueryResponse response = dynamoDb.query(request.build());
                    read.addAll(response.items());
                    start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                            ? response.lastEvaluatedKey() : null;
                    pages++;
                } while (start != null && pages <= expected.size() + 1);
                assertThat(read).as("%s on %s, forward %s, limit %s", keyCondition, partition, forward, limit)
                        .containsExactlyElementsOf(inOrder);
            }
        }
    }
}
