package com.alphacast.functions.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.functions.FakeContext;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handler called directly with an event in the exact JSON shape Lambda sends. */
class RiskCheckHandlerTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    @Test
    void reportsOnlyTheMalformedRecordAsABatchItemFailure(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        SQSEvent event = EventLoader.loadSQSEvent("events/signals-batch-with-malformed-record.json");

        SQSBatchResponse response = new RiskCheckHandler(environment).handleRequest(event, new FakeContext("RiskCheckFunction"));

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        // The good record was decided and forwarded to the orders queue.
        assertThat(cloud.messageCount("OrdersQueue")).isEqualTo(1);
    }
}
