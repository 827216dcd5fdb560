package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.functions.FakeContext;
import com.alphacast.functions.FunctionResources;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler called directly with an event in the exact JSON shape Lambda sends. */
class RiskCheckHandlerTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            // No position function runs the bars here: deciding must not wait for it.
            .parameter("ExitCheckWaitSeconds", "0")
            .withoutFunctions()
            .build();

    @Test
    void reportsOnlyTheMalformedRecordAsABatchItemFailure(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        SQSEvent event = EventLoader.loadSQSEvent("events/signals-batch-with-malformed-record.json");

        // The good record was observed at 2099-01-01T00:00:00Z: the check runs 30 s later (a signal from the future
        // is refused, so the fixture can no longer dodge the staleness limit by lying about its time).
        Clock thirtySecondsLater = Clock.fixed(Instant.parse("2099-01-01T00:00:30Z"), ZoneOffset.UTC);
        SQSBatchResponse response = new RiskCheckHandler(new FunctionResources(environment), thirtySecondsLater)
                .handleRequest(event, new FakeContext("RiskCheckFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        // The good record was decided and forwarded to the orders queue.
        assertThat(cloud.messageCount("OrdersQueue")).isEqualTo(1);
    }
}
