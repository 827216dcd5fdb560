package com.alphacast.aws.sqs;

import com.alphacast.aws.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Sends JSON messages to one SQS queue, and says beforehand whether SQS would ever accept one. To a FIFO queue (its
 * URL ends in {@code .fifo}) every message carries the {@link FifoOrdering}'s group and a deduplication id, and no
 * per-message delay, which FIFO queues refuse.
 */
public final class QueuePublisher {

    /** SendMessageBatch's limit on entries. */
    public static final int MAX_BATCH = 10;
    private static final int MAX_FAILED_ROUNDS = 3;

    /** SQS's per-message delay ceiling. */
    public static final int MAX_DELAY_SECONDS = SqsMessageRules.MAX_DELAY_SECONDS;

    private final SqsClient sqs;
    private final String queueUrl;
    private final JsonCodec json;
    private final Optional<FifoOrdering> fifo;

    /** For a standard queue; a FIFO queue's URL is refused (it needs a {@link FifoOrdering}). */
    public QueuePublisher(SqsClient sqs, String queueUrl, JsonCodec json) {
        this(sqs, queueUrl, json, Optional.empty());
        if (isFifo(queueUrl)) {
            throw new IllegalArgumentException(queueUrl + " is a FIFO queue: its publisher needs a message group and"
                    + " deduplication ids (FifoOrdering)");
        }
    }

    /** For a FIFO queue; a standard queue's URL is refused. */
    public QueuePublisher(SqsClient sqs, String queueUrl, JsonCodec json, FifoOrdering ordering) {
        this(sqs, queueUrl, json, Optional.of(ordering));
        if (!isFifo(queueUrl)) {
            throw new IllegalArgumentException(queueUrl + " is not a FIFO queue (a FIFO queue's name ends in .fifo)");
        }
    }

    private QueuePublisher(SqsClient sqs, String queueUrl, JsonCodec json, Optional<FifoOrdering> fifo) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("queue URL must be set");
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.json = json;
        this.fifo = fifo;
    }

    /** A FIFO queue's name, and so its URL, ends in {@code .fifo}. */
    public static boolean isFifo(String queueUrl) {
        return queueUrl != null && queueUrl.endsWith(".fifo");
    }

    /** Every reason SQS would refuse {@code message} as {@link #publish} would send it; empty when it would be accepted. */
    public List<String> refusals(Object message, int delaySeconds, Map<String, String> attributes) {
        return refusals(json.write(message), attributes, delaySeconds);
    }

    private List<String> refusals(String body, Map<String, String> attributes, int delaySeconds) {
        List<String> refusals = new ArrayList<>(SqsMessageRules.refusals(body, attributes, delaySeconds));
        if (fifo.isPresent() && delaySeconds != 0) {
            refusals.add("a delay of " + delaySeconds + " s on FIFO queue " + queueUrl
                    + ", which takes no per-message delay");
        }
        return refusals;
    }

    /**
     * Sends {@code message} as JSON, delayed by {@code delaySeconds}, with string attributes (used for
     * routing and for tracing a message back to its signal without parsing the body).
     *
     * @return the SQS message id
     * @throws IllegalArgumentException naming every reason when SQS would refuse the message for good
     */
    public String publish(Object message, int delaySeconds, Map<String, String> attributes) {
        String body = json.write(message);
        List<String> refusals = refusals(body, attributes, delaySeconds);
        if (!refusals.isEmpty()) {
            throw new IllegalArgumentException("SQS would refuse this " + message.getClass().getSimpleName()
                    + ": " + String.join("; ", refusals));
        }
        SendMessageRequest.Builder request = SendMessageRequest.builder()
                .queueUrl(queueUrl)
                .messageBody(body);
        if (fifo.isPresent()) {
            request.messageGroupId(fifo.get().messageGroupId())
                    .messageDeduplicationId(fifo.get().deduplicationId(message, body));
        } else {
            request.delaySeconds(delaySeconds);
        }
        if (!attributes.isEmpty()) {
            request.messageAttributes(attributeValues(attributes));
        }
        return sqs.sendMessage(request.build()).messageId();
    }

    /** One message of a batch: the payload and its string attributes, sent without delay. */
    public record Outgoing(Object message, Map<String, String> attributes) {
    }

    /** One message of a batch with its own delay (SendMessageBatch holds a delay per entry). */
    public record Delayed(Object message, int delaySeconds, Map<String, String> attributes) {
    }

    /**
     * What {@link #sendBatched} sent: the positions (in the list given) of the messages SQS accepted, and why the
     * others were not sent, if any was not.
     */
    public record Batched(List<Integer> sent, Optional<RuntimeException> failure) {

        public Batched {
            sent = List.copyOf(sent);
        }
    }

    /**
     * Sends messages with SendMessageBatch: up to 10 per request and never more than SQS's 256 KiB per request,
     * in order. Entries SQS reports failed for a reason on its side are resent (up to 3 rounds); a message SQS
     * would refuse for good is refused before anything is sent.
     *
     * @throws IllegalArgumentException naming the message SQS would refuse
     * @throws IllegalStateException    when entries still fail after the retries, with SQS's codes
     */
    public void publishAll(List<Outgoing> messages) {
        Batched result = sendBatched(messages.stream()
                .map(outgoing -> new Delayed(outgoing.message(), 0, outgoing.attributes())).toList());
        result.failure().ifPresent(failure -> {
            throw failure;
        });
    }

    /**
     * Like {@link #publishAll}, each message with its own delay, and reporting instead of throwing which messages were
     * sent when some were not: a caller that must record what was sent (an approval marking its forwards) learns it
     * from the result. After a request with failures none of the later ones is sent (the caller's retry sends them).
     *
     * @throws IllegalArgumentException naming the message SQS would refuse for good, before anything is sent
     */
    public Batched sendBatched(List<Delayed> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        List<Integer> sizes = new ArrayList<>(messages.size());
        for (Delayed delayed : messages) {
            String body = json.write(delayed.message());
            List<String> refusals = refusals(body, delayed.attributes(), delayed.delaySeconds());
            if (!refusals.isEmpty()) {
                throw new IllegalArgumentException("SQS would refuse this " + delayed.message().getClass().getSimpleName()
                        + ": " + String.join("; ", refusals));
            }
            SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size())).messageBody(body);
            if (delayed.delaySeconds() > 0) {
                entry.delaySeconds(delayed.delaySeconds());
            }
            fifo.ifPresent(ordering -> entry.messageGroupId(ordering.messageGroupId())
                    .messageDeduplicationId(ordering.deduplicationId(delayed.message(), body)));
            if (!delayed.attributes().isEmpty()) {
                entry.messageAttributes(attributeValues(delayed.attributes()));
            }
            entries.add(entry.build());
            sizes.add(body.getBytes(StandardCharsets.UTF_8).length + attributeBytes(delayed.attributes()));
        }
        List<Integer> sent = new ArrayList<>();
        RuntimeException failure = null;
        int from = 0;
        while (from < entries.size() && failure == null) {
            int to = from;
            int bytes = 0;
            while (to < entries.size() && to - from < MAX_BATCH
                    && (to == from || bytes + sizes.get(to) <= SqsMessageRules.MAX_MESSAGE_BYTES)) {
                bytes += sizes.get(to);
                to++;
            }
            List<SendMessageBatchRequestEntry> batch = entries.subList(from, to);
            Set<String> accepted = new HashSet<>();
            try {
                List<BatchResultErrorEntry> failed = sendBatch(batch, accepted);
                if (!failed.isEmpty()) {
                    failure = new IllegalStateException(failed.size() + " of " + batch.size()
                            + " messages to " + queueUrl + " failed: "
                            + failed.stream().map(f -> f.code() + " " + f.message()).distinct().toList());
                }
            } catch (RuntimeException requestFailed) {
                failure = requestFailed;
            }
            // Also those accepted in an earlier round of a request whose resend then failed.
            batch.stream().filter(e -> accepted.contains(e.id())).forEach(e -> sent.add(Integer.parseInt(e.id())));
            from = to;
        }
        return new Batched(sent, Optional.ofNullable(failure));
    }

    /**
     * Sends one request's entries, resending those SQS failed on its side; adds the ids SQS accepted to
     * {@code accepted} as they come and returns the entries still failed.
     */
    private List<BatchResultErrorEntry> sendBatch(List<SendMessageBatchRequestEntry> batch, Set<String> accepted) {
        List<SendMessageBatchRequestEntry> pending = batch;
        List<BatchResultErrorEntry> failed = List.of();
        for (int round = 0; round < MAX_FAILED_ROUNDS && !pending.isEmpty(); round++) {
            List<SendMessageBatchRequestEntry> request = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(request));
            response.successful().forEach(entry -> accepted.add(entry.id()));
            failed = response.failed();
            List<String> retry = failed.stream().filter(f -> !Boolean.TRUE.equals(f.senderFault()))
                    .map(BatchResultErrorEntry::id).toList();
            if (retry.size() < failed.size()) {
                break; // a sender fault will not change on a resend
            }
            pending = request.stream().filter(e -> retry.contains(e.id())).toList();
        }
        return failed;
    }

    private static Map<String, MessageAttributeValue> attributeValues(Map<String, String> attributes) {
        Map<String, MessageAttributeValue> values = new HashMap<>();
        attributes.forEach((k, v) -> values.put(k,
                MessageAttributeValue.builder().dataType("String").stringValue(v).build()));
        return values;
    }

    private static int attributeBytes(Map<String, String> attributes) {
        int bytes = 0;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + "String".length()
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
