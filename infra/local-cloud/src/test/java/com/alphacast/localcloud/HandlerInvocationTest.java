package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.alphacast.localcloud.template.TemplateRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class HandlerInvocationTest {

    private static final CopyOnWriteArrayList<String> FUNCTION_LOG = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.path("handlers-stack.yaml"))
            .functionLog((function, line) -> FUNCTION_LOG.add(function + ": " + line))
            .loadHandlersFrom(HandlerInvocationTest.class.getClassLoader())
            .build();

    @Test
    void streamHandlersReceiveTheJsonDocumentLambdaSends() throws Exception {
        LocalCloud cloud = CLOUD.get();
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("StreamQueue")).messageBody("hello")
                .messageAttributes(Map.of("tier", MessageAttributeValue.builder().dataType("String").stringValue("basic").build())));
        cloud.awaitIdle(Duration.ofSeconds(20));

        String event = cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName("RecordsTable"))
                .key(Map.of("pk", AttributeValue.fromS("stream")))).item().get("event").s();
        JsonNode record = new ObjectMapper().readTree(event).get("Records").get(0);
        assertThat(record.get("body").asText()).isEqualTo("hello");
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:sqs");
        assertThat(record.get("eventSourceARN").asText()).isEqualTo(cloud.queueArn("StreamQueue"));
        assertThat(record.get("awsRegion").asText()).isEqualTo(cloud.region());
        assertThat(record.get("attributes").get("ApproximateReceiveCount").asText()).isEqualTo("1");
        assertThat(record.get("messageAttributes").get("tier").get("stringValue").asText()).isEqualTo("basic");
        assertThat(record.get("messageAttributes").get("tier").get("dataType").asText()).isEqualTo("String");
        assertThat(record.has("messageId")).isTrue();
        assertThat(record.has("receiptHandle")).isTrue();
        assertThat(record.has("md5OfBody")).isTrue();
        assertThat(cloud.functionStats("StreamFunction").failedRecords()).isZero();
    }

    @Test
    void cutsOffAnInvocationAtTheFunctionTimeoutAndFailsItsBatch() {
        LocalCloud cloud = CLOUD.get();
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SlowQueue")).messageBody("3000"));
        cloud.awaitIdle(Duration.ofSeconds(20));

        assertThat(cloud.functionStats("SlowFunction").lastError()).hasValueSatisfying(
                e -> assertThat(e).isEqualTo("Task timed out after 1 seconds"));
        assertThat(cloud.deadLetterCount("SlowQueue")).isEqualTo(1);
        assertThat(FUNCTION_LOG).anyMatch(line -> line.startsWith("SlowFunction: Task timed out"));
    }

    @Test
    void gathersBatchesLargerThanOneReceiveWithinTheBatchingWindow() {
        LocalCloud cloud = CLOUD.get();
        for (int from = 0; from < 25; from += 10) {
            int start = from;
            cloud.sqs().sendMessageBatch(b -> b.queueUrl(cloud.queueUrl("BulkQueue")).entries(
                    java.util.stream.IntStream.range(start, Math.min(25, start + 10))
                            .mapToObj(i -> software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                                    .id("e" + i).messageBody("{\"id\":\"bulk-" + i + "\"}").build())
                            .toList()));
        }
        cloud.awaitIdle(Duration.ofSeconds(20));

        assertThat(cloud.functionStats("BulkFunction").invocations()).isEqualTo(1);
        assertThat(cloud.functionStats("BulkFunction").records()).isEqualTo(25);
        assertThat(cloud.dynamoDb().getItem(b -> b.tableName(cloud.tableName("RecordsTable"))
                .key(Map.of("pk", AttributeValue.fromS("bulk-24")))).item().get("batchSize").n()).isEqualTo("25");
    }

    @Test
    void neverDeliversARecordAboveTheQueuesMaximumMessageSizeButDeadLettersIt() {
        LocalCloud cloud = CLOUD.get();
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SmallQueue")).messageBody("1" + "0".repeat(1100)));
        cloud.sqs().sendMessage(b -> b.queueUrl(cloud.queueUrl("SmallQueue")).messageBody("1"));
        cloud.awaitIdle(Duration.ofSeconds(20));

        assertThat(cloud.functionStats("SmallFunction").records()).isEqualTo(2);
        assertThat(cloud.functionStats("SmallFunction").failedRecords()).isEqualTo(1);
        assertThat(cloud.deadLetterCount("SmallQueue")).isEqualTo(1);
        assertThat(FUNCTION_LOG).anyMatch(line -> line.startsWith("SmallFunction: ") && line.contains("MaximumMessageSize 1024"));
    }

    @Test
    void refusesAHandlerThatIsNotOnTheClasspathAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        LocalCloud cloud = CLOUD.get();
        Path template = handlerTemplate(dir, "com.example.Missing::handle");

        assertThatThrownBy(() -> LocalCloud.start(LocalCloudOptions.forTemplate(template).stackName("missing")
                        .loadHandlersFrom(HandlerInvocationTest.class.getClassLoader()).build(),
                cloud.backends()))
                .isInstanceOf(TemplateRefusedException.class)
                .hasMessageContaining("'Fn'")
                .hasMessageContaining("'Handler'")
                .hasMessageContaining("com.example.Missing");
        assertThat(cloud.sqs().listQueues(b -> b.queueNamePrefix("missing-")).queueUrls()).isEmpty();
    }

    @Test
    void refusesAHandlerWithoutAnEnvironmentOrNoArgumentConstructor(@TempDir Path dir) throws Exception {
        Path template = handlerTemplate(dir, "com.alphacast.localcloud.testing.NoUsableConstructorHandler::handle");
        assertThatThrownBy(() -> LocalCloud.start(LocalCloudOptions.forTemplate(template).stackName("noctor")
                        .loadHandlersFrom(HandlerInvocationTest.class.getClassLoader()).build(),
                CLOUD.get().backends()))
                .isInstanceOf(TemplateRefusedException.class)
                .hasMessageContaining("'Handler'")
                .hasMessageContaining("Map<String,String>");
    }

    @Test
    void refusesAStackNameAlreadyInUseOnTheSameServers() {
        LocalCloud cloud = CLOUD.get();
        LocalCloudOptions sameName = LocalCloudOptions.forTemplate(TestTemplates.path("handlers-stack.yaml"))
                .stackName(cloud.stackName()).withoutFunctions().build();
        assertThatThrownBy(() -> LocalCloud.start(sameName, cloud.backends()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(cloud.stackName());
        // The failed attempt must not delete the running stack's resources.
        assertThat(cloud.messageCount("StreamQueue")).isZero();
    }

    private static Path handlerTemplate(Path dir, String handler) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Q: {Type: AWS::SQS::Queue}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: %s
                      Events:
                        E: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                """.formatted(handler));
        return template;
    }
}
