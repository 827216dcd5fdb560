package com.alphacast.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.AwsClients;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The requests a function makes before its SnapStart snapshot, against the local cloud's DynamoDB and SQS. */
class SnapStartPrimingTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .build();

    @Test
    void primingReadsTheFunctionsTableWithoutWritingToIt() {
        LocalCloud cloud = CLOUD.get();
        String table = cloud.tableName("SignalsTable");
        int before = cloud.dynamoDb().scan(b -> b.tableName(table)).count();

        new SnapStartPriming(new FunctionResources(cloud.functionEnvironment("RiskCheckFunction")), "SIGNALS_TABLE")
                .prime();

        assertThat(cloud.dynamoDb().scan(b -> b.tableName(table)).count()).isEqualTo(before);
    }

    @Test
    void primingEveryRoundOfReadsAndRefusedWritesWritesNothing() {
        LocalCloud cloud = CLOUD.get();
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("DistributionFunction"));
        environment.put("SNAPSTART_PRIMING_ROUNDS", "3");
        String table = cloud.tableName("DeliveriesTable");
        int before = cloud.dynamoDb().scan(b -> b.tableName(table)).count();

        SnapStartPriming priming = new SnapStartPriming(new FunctionResources(environment), "DELIVERIES_TABLE");
        priming.prime();

        assertThat(priming.rounds()).isEqualTo(3);
        assertThat(cloud.dynamoDb().scan(b -> b.tableName(table)).count()).isEqualTo(before);
    }

    @Test
    void primingSendsAnEmptyBatchToEveryQueueTheFunctionSendsToEachRoundAndNothingIsSent() {
        LocalCloud cloud = CLOUD.get();
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("RiskCheckFunction"));
        environment.put("SNAPSTART_PRIMING_ROUNDS", "2");
        List<String> batches = Collections.synchronizedList(new ArrayList<>());
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendMessageBatchRequest request
                        && context.response() instanceof SendMessageBatchResponse response) {
                    batches.add(request.queueUrl() + " entries " + request.entries().size() + " sent "
                            + response.successful().size());
                }
            }
        };

        // SignalsQueue, which the function only receives from (AccessDenied to a send on AWS), is not among them.
        new SnapStartPriming(new FunctionResources(environment, new AwsClients(environment, List.of(recorder))),
                "SIGNALS_TABLE", () -> { }, List.of("ORDERS_QUEUE_URL", "DELIVERIES_QUEUE_URL",
                "SIGNALS_DEAD_LETTER_QUEUE_URL")).prime();

        List<String> queues = List.of(cloud.queueUrl("OrdersQueue"), cloud.queueUrl("DeliveriesQueue"),
                cloud.queueUrl("SignalsDeadLetterQueue"));
        List<String> expected = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            queues.forEach(url -> expected.add(url + " entries 0 sent 0"));
        }
        assertThat(batches).containsExactlyElementsOf(expected);
    }

    @Test
    void refusesPrimingRoundsThatAreNotAPositiveWholeNumber() {
        Map<String, String> environment = new HashMap<>(CLOUD.get().functionEnvironment("OrderFunction"));
        environment.put("SNAPSTART_PRIMING_ROUNDS", "0");

        assertThatThrownBy(() -> new SnapStartPriming(new FunctionResources(environment), "ORDERS_TABLE"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SNAPSTART_PRIMING_ROUNDS");
    }

    @Test
    void aRefusedPrimingRequestDoesNotStopTheSnapshot() {
        Map<String, String> environment = new HashMap<>(CLOUD.get().functionEnvironment("OrderFunction"));
        environment.put("ORDERS_TABLE", "no-such-table");

        SnapStartPriming priming = new SnapStartPriming(new FunctionResources(environment), "ORDERS_TABLE");

        assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    @Test
    void namesTheMissingTableVariable() {
        FunctionResources resources = new FunctionResources(CLOUD.get().functionEnvironment("PositionExitFunction"));

        assertThatThrownBy(() -> new SnapStartPriming(resources, "DELIVERIES_TABLE"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DELIVERIES_TABLE");
    }
}
