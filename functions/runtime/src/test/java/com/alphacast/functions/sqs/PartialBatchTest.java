package com.alphacast.functions.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartialBatchTest {

    private final List<String> log = new ArrayList<>();
    private final List<String> processed = new ArrayList<>();

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "3"));
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }

    @Test
    void onlyTheFailingRecordIsReportedAndTheRestAreProcessed() {
        SQSBatchResponse response = PartialBatch.process(event(message("m1", "ok"), message("m2", "bad"),
                message("m3", "ok")), new LoggingContext(log), message -> {
            if (message.getBody().equals("bad")) {
                throw new IllegalArgumentException("half a signal");
            }
            processed.add(message.getMessageId());
        });

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2");
        assertThat(processed).containsExactly("m1", "m3");
        assertThat(log).singleElement().asString().contains("m2").contains("receive 3").contains("half a signal");
    }

    @Test
    void eventWithoutRecordsReportsNoFailures() {
        SQSBatchResponse response = PartialBatch.process(new SQSEvent(), new LoggingContext(log),
                message -> processed.add(message.getMessageId()));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(processed).isEmpty();
    }

    /** A Lambda context whose logger writes into a list. */
    private record LoggingContext(List<String> lines) implements Context {

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    lines.add(message);
                }

                @Override
                public void log(byte[] message) {
                    lines.add(new String(message, StandardCharsets.UTF_8));
                }
            };
        }

        @Override
        public String getAwsRequestId() {
            return "request";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/test";
        }

        @Override
        public String getLogStreamName() {
            return "test";
        }

        @Override
        public String getFunctionName() {
            return "test";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:test";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }
    }
}
