package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.function.LocalFunction;
import org.junit.jupiter.api.Test;

/**
 * The warm-up ahead of traffic (templates/warm-up-stack.yaml): a SnapStart function is primed and has every environment
 * its mapping runs at once before the first event; the servers ran the pipeline's requests on scratch queues (standard
 * and FIFO) and a scratch table that are gone again.
 */
class WarmUpTest {

    private static LocalCloudOptions.Builder stack() {
        return LocalCloudOptions.forTemplate(TestTemplates.path("warm-up-stack.yaml"))
                .loadHandlersFrom(WarmUpTest.class.getClassLoader());
    }

    @Test
    void primesSnapStartFunctionsAndBuildsTheirEnvironmentsBeforeTheFirstEvent() {
        try (LocalCloud cloud = LocalCloud.start(stack().warmUpRounds(3).build())) {
            assertThat(cloud.warmUp()).hasValueSatisfying(warmUp -> {
                assertThat(warmUp.rounds()).isEqualTo(3);
                // Two for the SnapStart mapping's two batches, one for the on-demand function's first event.
                assertThat(warmUp.environments()).isEqualTo(3);
                assertThat(warmUp.messagePath()).isPositive();
                assertThat(warmUp.tablePath()).isPositive();
            });
            assertThat(cloud.functionEnvironment("PrimedFunction"))
                    .containsEntry(LocalFunction.PRIMING_ROUNDS_VARIABLE, "3");
            assertThat(cloud.functionEnvironment("OnDemandFunction"))
                    .doesNotContainKey(LocalFunction.PRIMING_ROUNDS_VARIABLE);
            assertThat(cloud.functionStats("PrimedFunction").coldStarts()).isEqualTo(2);
            assertThat(cloud.functionStats("PrimedFunction").invocations()).isZero();
            assertThat(cloud.functionStats("OnDemandFunction").coldStarts()).isEqualTo(1);
            assertThat(cloud.sqs().listQueues(b -> b.queueNamePrefix(cloud.stackName())).queueUrls())
                    .containsExactlyInAnyOrder(cloud.queueUrl("PrimedQueue"), cloud.queueUrl("OnDemandQueue"));
            assertThat(cloud.dynamoDb().listTables().tableNames()).containsExactly(cloud.tableName("DeliveriesTable"));
        }
    }

    @Test
    void startsColdWithoutWarmUpRounds() {
        try (LocalCloud cloud = LocalCloud.start(stack().build())) {
            assertThat(cloud.warmUp()).isEmpty();
            assertThat(cloud.functionEnvironment("PrimedFunction"))
                    .doesNotContainKey(LocalFunction.PRIMING_ROUNDS_VARIABLE);
            // SnapStart still builds both environments at start: on AWS both restore from the snapshot.
            assertThat(cloud.functionStats("PrimedFunction").coldStarts()).isEqualTo(2);
        }
    }
}
