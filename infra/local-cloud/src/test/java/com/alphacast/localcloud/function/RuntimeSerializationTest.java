package com.alphacast.localcloud.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event JSON into a function's own classes and results back, through the Java runtime's serialization library: the
 * names Lambda uses ({@code Records}, {@code eventSourceARN}, {@code detail-type}), Joda dates of the function's own
 * joda-time, base64 binary attributes and {@code batchItemFailures} come out exactly as Lambda writes them.
 */
class RuntimeSerializationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private URLClassLoader function;
    private RuntimeSerialization serialization;

    @BeforeEach
    void openFunction() throws Exception {
        List<URL> jars = List.of(location(Context.class), location(SQSEvent.class), location(org.joda.time.DateTime.class));
        function = new URLClassLoader("function-under-test", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        serialization = new RuntimeSerialization(function);
    }

    @AfterEach
    void closeFunction() throws Exception {
        serialization.close();
        function.close();
    }

    @Test
    void readsAScheduledEventWithItsDateIntoTheFunctionsJodaTimeAndWritesItBackUnchanged() throws Exception {
        Class<?> type = function.loadClass("com.amazonaws.services.lambda.runtime.events.ScheduledEvent");
        String sent = """
                {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
                 "source":"aws.events","account":"123456789012","time":"2015-10-08T16:53:06Z","region":"us-east-1",
                 "resources":["arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule"],"detail":{}}""";

        RuntimeSerialization.Codec codec = serialization.codecFor(type);
        Object event = codec.read(sent.getBytes(StandardCharsets.UTF_8));

        assertThat(event.getClass()).isSameAs(type);
        Object time = type.getMethod("getTime").invoke(event);
        assertThat(time.getClass().getClassLoader()).isSameAs(function);
        assertThat(time.getClass().getMethod("getMillis").invoke(time))
                .isEqualTo(Instant.parse("2015-10-08T16:53:06Z").toEpochMilli());
        assertThat(type.getMethod("getDetailType").invoke(event)).isEqualTo("Scheduled Event");

        JsonNode written = JSON.readTree(codec.write(event));
        assertThat(Instant.parse(written.get("time").asText())).isEqualTo(Instant.parse("2015-10-08T16:53:06Z"));
        assertThat(written.get("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(written.get("resources").get(0).asText()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule");
    }

    @Test
    void readsSqsRecordsWithLambdasFieldNamesAndBase64BinaryAttributes() throws Exception {
        Class<?> type = function.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent");
        String sent = """
                {"Records":[{"messageId":"m-1","receiptHandle":"r-1","body":"hello",
                  "attributes":{"ApproximateReceiveCount":"2","SentTimestamp":"1700000000000"},
                  "messageAttributes":{"digest":{"binaryValue":"AAH+/w==","stringListValues":[],"binaryListValues":[],
                    "dataType":"Binary"}},
                  "md5OfBody":"5d41402abc4b2a76b9719d911017c592","eventSource":"aws:sqs",
                  "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:q","awsRegion":"us-east-1"}]}""";

        Object event = serialization.codecFor(type).read(sent.getBytes(StandardCharsets.UTF_8));

        Object record = ((List<?>) type.getMethod("getRecords").invoke(event)).get(0);
        Class<?> message = record.getClass();
        assertThat(message.getMethod("getEventSourceArn").invoke(record)).isEqualTo("arn:aws:sqs:us-east-1:000000000000:q");
        assertThat(message.getMethod("getAttributes").invoke(record)).isEqualTo(Map.of("ApproximateReceiveCount", "2",
                "SentTimestamp", "1700000000000"));
        Object digest = ((Map<?, ?>) message.getMethod("getMessageAttributes").invoke(record)).get("digest");
        java.nio.ByteBuffer binary = (java.nio.ByteBuffer) digest.getClass().getMethod("getBinaryValue").invoke(digest);
        byte[] bytes = new byte[binary.remaining()];
        binary.get(bytes);
        assertThat(bytes).containsExactly(0, 1, 0xfe, 0xff);
    }

    @Test
    void readsSqsEventsForAFunctionWhosePackageLeavesJodaTimeOut() throws Exception {
        try (URLClassLoader withoutJoda = new URLClassLoader("function-without-joda", new URL[] {location(Context.class),
                location(SQSEvent.class)}, ClassLoader.getPlatformClassLoader());
             RuntimeSerialization runtime = new RuntimeSerialization(withoutJoda)) {
            Class<?> type = withoutJoda.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent");

            Object event = runtime.codecFor(type).read("{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"hi\"}]}"
                    .getBytes(StandardCharsets.UTF_8));

            assertThat(event.getClass()).isSameAs(type);
            assertThat((List<?>) type.getMethod("getRecords").invoke(event)).hasSize(1);
        }
    }

    @Test
    void writesTheFunctionsBatchResponseAsLambdaReadsIt() throws Exception {
        Class<?> response = function.loadClass("com.amazonaws.services.lambda.runtime.events.SQSBatchResponse");
        Class<?> failure = function.loadClass("com.amazonaws.services.lambda.runtime.events.SQSBatchResponse$BatchItemFailure");
        Object value = response.getConstructor(List.class).newInstance(List.of(
                failure.getConstructor(String.class).newInstance("m-2")));

        byte[] written = serialization.codecFor(response).write(value);

        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}"));
    }

    @Test
    void namesTheTargetTypeWhenTheEventJsonDoesNotFitIt() throws Exception {
        Class<?> type = function.loadClass("com.amazonaws.services.lambda.runtime.events.SQSEvent");
        assertThatThrownBy(() -> serialization.codecFor(type).read("{\"Records\": 7".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SQSEvent");
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
