package com.alphacast.functions.position;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.market.DynamoMarketSnapshots;
import com.alphacast.aws.trading.DynamoTradingLedger;
import com.alphacast.core.market.Bar;
import com.alphacast.core.market.MarketSnapshot;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.trading.ExitReason;
import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.functions.FakeContext;
import com.alphacast.functions.FunctionResources;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The handler called directly with a batch of MarketBarsQueue records, on the template's tables. */
class PositionExitHandlerTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    private static final Instant FILLED = Instant.parse("2011-07-31T22:10:00Z");
    private final JsonCodec json = new JsonCodec();

    private static Bar bar(int minute, double open, double high, double low, double close) {
        Instant start = FILLED.plusSeconds(60L * minute);
        return new Bar("ES", start.toEpochMilli(), start.plusSeconds(60).toEpochMilli(), open, high, low, close, 500, 50);
    }

    @Test
    void batchOfBarsIsCheckedOncePerSymbolThroughItsLatestBarAndFindsTheFirstExit(LocalCloud cloud) {
        DynamoTradingLedger trading = new DynamoTradingLedger(cloud.dynamoDb(), cloud.tableName("OrdersTable"),
                cloud.tableName("PositionsTable"));
        // Long 1 ES from 1300: stop 1298, target 1304.
        trading.recordExecution(new Order("p1", "ESU1", Direction.LONG, 1, FILLED, "paper"),
                new Fill("p1", "p1", "ESU1", Direction.LONG, 1, 1300.0, FILLED),
                new Position("p1", "ES", "ESU1", Direction.LONG, 1, 1300.0, 1298.0, 1304.0, FILLED));
        Bar quiet = bar(0, 1300.0, 1301.0, 1299.0, 1300.5);
        Bar target = bar(1, 1300.5, 1304.5, 1300.0, 1304.0);
        Bar stopLater = bar(2, 1304.0, 1304.0, 1297.0, 1297.5);
        // Written now, as the worker writes a replayed session's bars: their TTL counts from the write, not from 2011.
        Instant written = Instant.now();
        new DynamoMarketSnapshots(cloud.dynamoDb(), cloud.tableName("MarketSnapshotsTable"), Duration.ofDays(30))
                .putAll(List.of(quiet, target, stopLater).stream().map(b -> new MarketSnapshot(b, written)).toList());
        // Out of order, as a standard queue may hand them over, with one record that is no bar.
        SQSEvent event = event(cloud, List.of(json.write(stopLater), "{\"symbol\": \"ES\", \"open\": ",
                json.write(quiet), json.write(target)));
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("PositionExitFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        PositionExitHandler handler = new PositionExitHandler(new FunctionResources(environment),
                Clock.fixed(FILLED.plusSeconds(600), ZoneOffset.UTC));
        FakeContext context = new FakeContext("PositionExitFunction");

        SQSBatchResponse first = handler.handleRequest(event, context);
        SQSBatchResponse redelivered = handler.handleRequest(event, context);

        assertThat(first.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
        assertThat(redelivered.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m1");
        assertThat(trading.openPositions()).isEmpty();
        assertThat(trading.closedPositions()).singleElement().satisfies(closed -> {
            assertThat(closed.exit().reason()).isEqualTo(ExitReason.TARGET);
            assertThat(closed.exit().price()).isEqualTo(1304.0);
            assertThat(closed.exit().time()).isEqualTo(target.end());
        });
        assertThat(context.lines()).filteredOn(line -> line.startsWith("closed ")).containsExactly(
                "closed p1 at TARGET 1304.0\n");
        Map<String, AttributeValue> watermark = cloud.dynamoDb().getItem(request -> request
                .tableName(cloud.tableName("ControlTable"))
                .key(Map.of("controlKey", AttributeValue.fromS("exits-checked#ES"))).consistentRead(true)).item();
        assertThat(watermark.get("checkedThrough").n()).isEqualTo(Long.toString(stopLater.endMillis()));
        // The check read p1 open (and closed it): the risk check may take p1's exit as decided through that bar.
        assertThat(watermark.get("positions").ss()).containsExactly("p1");
    }

    private static SQSEvent event(LocalCloud cloud, List<String> bodies) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
            message.setMessageId("m" + i);
            message.setBody(bodies.get(i));
            message.setEventSourceArn(cloud.queueArn("MarketBarsQueue"));
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(message);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
