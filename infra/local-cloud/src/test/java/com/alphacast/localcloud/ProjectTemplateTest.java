package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.localcloud.function.FunctionDefinition;
import com.alphacast.localcloud.function.http.HttpApiRoute;
import com.alphacast.localcloud.function.sqs.SqsEventSource;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.template.ResourceDeclaration;
import com.alphacast.localcloud.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The project's real template.yaml, storage only (the handlers live in the functions module): every table and queue
 * it declares is created as declared, and every function's environment resolves to the local names.
 */
class ProjectTemplateTest {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate().withoutFunctions().build();

    private static final Template TEMPLATE = Template.load(LocalCloudExtension.projectTemplate());

    private static List<ResourceDeclaration> declared(String type) {
        return TEMPLATE.resources().values().stream().filter(r -> r.type().equals(type)).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void createsEveryDeclaredTableWithItsKeysIndexesAndTtl() {
        LocalCloud cloud = CLOUD.get();
        assertThat(declared("AWS::DynamoDB::Table")).isNotEmpty();
        for (ResourceDeclaration table : declared("AWS::DynamoDB::Table")) {
            TableDescription description = cloud.dynamoDb()
                    .describeTable(b -> b.tableName(cloud.tableName(table.logicalId()))).table();
            List<String> declaredKeys = ((List<Map<String, Object>>) table.properties().get("KeySchema")).stream()
                    .map(k -> k.get("AttributeName") + ":" + k.get("KeyType")).toList();
            assertThat(description.keySchema()).as(table.logicalId())
                    .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                    .containsExactlyElementsOf(declaredKeys);
            List<Map<String, Object>> indexes = (List<Map<String, Object>>) table.properties()
                    .getOrDefault("GlobalSecondaryIndexes", List.of());
            assertThat(description.globalSecondaryIndexes()).as(table.logicalId())
                    .extracting(i -> i.indexName())
                    .containsExactlyInAnyOrderElementsOf(indexes.stream().map(i -> (String) i.get("IndexName")).toList());
            Map<String, Object> ttl = (Map<String, Object>) table.properties().get("TimeToLiveSpecification");
            TimeToLiveStatus status = cloud.dynamoDb().describeTimeToLive(b -> b.tableName(description.tableName()))
                    .timeToLiveDescription().timeToLiveStatus();
            assertThat(status).as(table.logicalId() + " TTL")
                    .isEqualTo(ttl != null && Boolean.TRUE.equals(ttl.get("Enabled")) ? TimeToLiveStatus.ENABLED
                            : TimeToLiveStatus.DISABLED);
        }
    }

    @Test
    void listsTheWorkersFargateServiceAsNotRunLocallyInsteadOfIgnoringIt() {
        assertThat(CLOUD.get().plan().notRunLocally()).containsExactlyInAnyOrder(
                "WorkerCluster (AWS::ECS::Cluster)", "WorkerTaskDefinition (AWS::ECS::TaskDefinition)",
                "WorkerService (AWS::ECS::Service)");
    }

    @Test
    void createsEveryDeclaredQueueWithItsRedrivePolicy() {
        LocalCloud cloud = CLOUD.get();
        assertThat(declared("AWS::SQS::Queue")).isNotEmpty();
        for (ResourceDeclaration queue : declared("AWS::SQS::Queue")) {
            Map<String, String> attributes = cloud.sqs().getQueueAttributes(b -> b.queueUrl(cloud.queueUrl(queue.logicalId()))
                    .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
            assertThat(attributes.get("QueueArn")).isEqualTo(cloud.queueArn(queue.logicalId()));
            if (queue.properties().containsKey("VisibilityTimeout")) {
                assertThat(attributes.get("VisibilityTimeout")).as(queue.logicalId()).isEqualTo(
                        cloud.plan().queues().get(queue.logicalId()).attributes().get("VisibilityTimeout"));
            }
            cloud.deadLetterQueueOf(queue.logicalId()).ifPresent(dlq ->
                    assertThat(attributes.get("RedrivePolicy")).as(queue.logicalId()).contains(cloud.queueArn(dlq)));
        }
        Set<String> sources = declared("AWS::SQS::Queue").stream().map(ResourceDeclaration::logicalId)
                .filter(id -> !cloud.plan().deadLetterQueues().contains(id))
                .filter(id -> !scheduleDeadLetterQueues().contains(id)).collect(Collectors.toSet());
        // The issue asks for a DLQ behind every queue.
        for (String source : sources) {
            assertThat(cloud.deadLetterQueueOf(source)).as(source + " has a dead-letter queue").isPresent();
        }
    }

    @Test
    void everyFunctionWithSnapStartOnItsPublishedAliasIsInitializedAsSnapStartBeforeAnyEvent() {
        LocalCloud cloud = CLOUD.get();
        // The template's Globals enable SnapStart on PublishedVersions with AutoPublishAlias live for every function.
        for (FunctionDefinition function : cloud.plan().functions().values()) {
            assertThat(function.snapStart()).as(function.logicalId()).isTrue();
            assertThat(cloud.functionEnvironment(function.logicalId()))
                    .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
    }

    @Test
    void buildsAheadOfTrafficOneEnvironmentPerBatchItsSnapStartFunctionRunsAtOnce() {
        LocalCloud cloud = CLOUD.get();
        // DeliveriesQueue's mapping runs five batches at once: with SnapStart each restores primed, none inits late.
        assertThat(cloud.plan().functions().get("DistributionFunction").environmentsAheadOfTraffic()).isEqualTo(5);
        // A function driven only from outside (an HTTP route) starts with the one environment its first request uses.
        assertThat(cloud.plan().functions().get("TelegramWebhookFunction").environmentsAheadOfTraffic()).isEqualTo(1);
    }

    @Test
    void resolvesEveryFunctionEnvironmentToLocalNamesAndRunsEachOnAnSqsQueueWithPartialBatchFailuresOrAPostRoute() {
        LocalCloud cloud = CLOUD.get();
        assertThat(cloud.plan().functions()).isNotEmpty();
        Set<String> tableNames = cloud.plan().tables().keySet().stream().map(cloud::tableName).collect(Collectors.toSet());
        Set<String> queueUrls = cloud.plan().queues().keySet().stream().map(cloud::queueUrl).collect(Collectors.toSet());
        for (FunctionDefinition function : cloud.plan().functions().values()) {
            Map<String, String> environment = cloud.functionEnvironment(function.logicalId());
            environment.forEach((name, value) -> {
                if (name.endsWith("_TABLE")) {
                    assertThat(tableNames).as(function.logicalId() + " " + name).contains(value);
                }
                if (name.endsWith("_QUEUE_URL")) {
                    assertThat(queueUrls).as(function.logicalId() + " " + name).contains(value);
                }
            });
            if (scheduledOnly(function.logicalId())) {
                continue; // fed by its schedule, not by a queue (SubscriptionSweepFunction)
            }
            // Queue consumers report partial batch failures; the chat webhooks are HTTP routes.
            assertThat(function.events()).as(function.logicalId()).isNotEmpty()
                    .allSatisfy(event -> {
                        if (event instanceof HttpApiRoute route) {
                            assertThat(route.pattern().method()).as(function.logicalId()).isEqualTo("POST");
                        } else {
                            assertThat(event).isInstanceOfSatisfying(SqsEventSource.class,
                                    sqs -> assertThat(sqs.reportBatchItemFailures()).isTrue());
                        }
                    });
        }
    }

    /** The template's events of a function, by name, as declared ({@code Events.<name>}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> events(ResourceDeclaration function) {
        return (Map<String, Map<String, Object>>) function.properties().getOrDefault("Events", Map.of());
    }

    private static boolean scheduledOnly(String functionLogicalId) {
        Map<String, Map<String, Object>> events = events(TEMPLATE.resources().get(functionLogicalId));
        return !events.isEmpty() && events.values().stream()
                .allMatch(event -> String.valueOf(event.get("Type")).startsWith("Schedule"));
    }

    /** Queues named by a schedule's {@code DeadLetterConfig.Arn}: dead-letter queues themselves, with none behind them. */
    @SuppressWarnings("unchecked")
    private static Set<String> scheduleDeadLetterQueues() {
        return declared("AWS::Serverless::Function").stream().flatMap(function -> events(function).values().stream())
                .map(event -> (Map<String, Object>) event.getOrDefault("Properties", Map.of()))
                .map(properties -> (Map<String, Object>) properties.getOrDefault("DeadLetterConfig", Map.of()))
                .map(config -> config.get("Arn")).filter(Map.class::isInstance)
                .map(arn -> (List<Object>) ((Map<String, Object>) arn).get("Fn::GetAtt")).filter(java.util.Objects::nonNull)
                .map(getAtt -> (String) getAtt.get(0)).collect(Collectors.toSet());
    }
}
