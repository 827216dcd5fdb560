package com.alphacast.functions.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.latency.QueueArrival;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueStampsTest {

    private static SQSEvent.SQSMessage message(Map<String, String> attributes) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setAttributes(attributes);
        return message;
    }

    @Test
    void readsSentAndFirstReceiveTimestampsAsEpochMillis() {
        var stamps = QueueStamps.of(message(Map.of("SentTimestamp", "1764676800123",
                "ApproximateFirstReceiveTimestamp", "1764676800150", "ApproximateReceiveCount", "1")));

        assertThat(stamps).contains(new QueueArrival(Instant.ofEpochMilli(1764676800123L),
                Instant.ofEpochMilli(1764676800150L)));
    }

    @Test
    void hasNoStampsWhenEitherIsMissingOrNotANumber() {
        assertThat(QueueStamps.of(message(Map.of("SentTimestamp", "1764676800123")))).isEmpty();
        assertThat(QueueStamps.of(message(Map.of("SentTimestamp", "soon",
                "ApproximateFirstReceiveTimestamp", "1764676800150")))).isEmpty();
        assertThat(QueueStamps.of(message(null))).isEmpty();
    }
}
