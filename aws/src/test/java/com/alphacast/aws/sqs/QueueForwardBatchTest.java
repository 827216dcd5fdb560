package com.alphacast.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.usecase.approval.Forward;
import com.alphacast.core.usecase.approval.ForwardPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

/**
 * An approval's forwards as SendMessageBatch requests, on an SQS stand-in that records every request and fails the
 * entries it is told to: one request per queue, each entry with its own delay, and on a partial failure exactly the
 * entries SQS accepted reported sent.
 */
class QueueForwardBatchTest {

    private static final Instant MARKET = Instant.parse("2011-07-31T22:10:00Z");
    private static final String ORDERS = "http://127.0.0.1:1/000000000000/OrdersQueue";
    private static final String DELIVERIES = "http://127.0.0.1:1/000000000000/DeliveriesQueue";

    private final ScriptedSqs sqs = new ScriptedSqs();
    private final JsonCodec json = new JsonCodec();
    private final QueueForwardPublisher publisher = new QueueForwardPublisher(
            new QueuePublisher(sqs, ORDERS, json), new QueuePublisher(sqs, DELIVERIES, json));
    /** The thread a publisher given an executor sends its later queues' batches on. */
    private final ExecutorService beside = Executors.newSingleThreadExecutor(task -> new Thread(task, "beside"));

    @AfterEach
    void stopTheThreadBeside() {
        beside.shutdownNow();
    }

    private QueueForwardPublisher sendingBesideOn(Executor executor) {
        return new QueueForwardPublisher(new QueuePublisher(sqs, ORDERS, json), new QueuePublisher(sqs, DELIVERIES, json),
                executor);
    }

    private static Signal signal(String rationale) {
        return new Signal("volume-spike:ESU1:2011-07-31T22:10:00Z", "volume-spike", "ES", "ESU1", Direction.LONG,
                1300.0, 1298.5, 1303.0, 1, 0.7, rationale, MARKET, MARKET);
    }

    private static List<Forward> forwardsOf(Signal signal) {
        // As SignalApproval lists them: the tiers, premium first, then the order.
        return List.of(new Forward.ToTier(new TierDispatch(signal, Tier.PREMIUM, MARKET), 0),
                new Forward.ToTier(new TierDispatch(signal, Tier.BASIC, MARKET), 120),
                new Forward.ToTier(new TierDispatch(signal, Tier.FREE, MARKET), 600),
                new Forward.ToOrders(signal));
    }

    @Test
    void sendsAnApprovalsForwardsInOneRequestPerQueueEachEntryWithItsTiersDelay() {
        ForwardPublisher.Published published = publisher.publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.failure()).isEmpty();
        assertThat(published.sent()).extracting(Forward::key)
                .containsExactly("tier:premium", "tier:basic", "tier:free", "orders");
        assertThat(sqs.requests).extracting(SendMessageBatchRequest::queueUrl).containsExactly(DELIVERIES, ORDERS);
        assertThat(sqs.requests.get(0).entries()).extracting(SendMessageBatchRequestEntry::delaySeconds)
                .containsExactly(null, 120, 600);
        assertThat(sqs.requests.get(0).entries()).extracting(e -> e.messageAttributes().get("tier").stringValue())
                .containsExactly("premium", "basic", "free");
    }

    @Test
    void reportsOnlyTheEntriesSqsAcceptedWhenItFailsPartOfABatch() {
        sqs.failOnTheirSide(DELIVERIES, 1, 3); // tier:basic fails in every round, SQS's side

        ForwardPublisher.Published published = publisher.publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.sent()).extracting(Forward::key).containsExactly("tier:premium", "tier:free", "orders");
        assertThat(published.failure()).get().extracting(Throwable::getMessage).asString()
                .startsWith("1 of 3 messages to " + DELIVERIES + " failed");
        // The entry SQS failed on its side was resent twice more before giving up; the order went out all the same.
        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(3, 1, 1, 1);
        assertThat(sqs.requests).extracting(SendMessageBatchRequest::queueUrl)
                .containsExactly(DELIVERIES, DELIVERIES, DELIVERIES, ORDERS);
    }

    @Test
    void anEntryFailedOnceIsResentAndCountsAsSent() {
        sqs.failOnTheirSide(DELIVERIES, 2, 1);

        ForwardPublisher.Published published = publisher.publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.failure()).isEmpty();
        assertThat(published.sent()).hasSize(4);
    }

    @Test
    void entriesAcceptedBeforeTheResendOfTheirRequestFailedStillCountAsSent() {
        sqs.failOnTheirSide(DELIVERIES, 1, 1);
        sqs.unreachableFrom(DELIVERIES, 2); // the resend of tier:basic never reaches SQS

        ForwardPublisher.Published published = publisher.publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.sent()).extracting(Forward::key).containsExactly("tier:premium", "tier:free", "orders");
        assertThat(published.failure()).get().isInstanceOf(SdkClientException.class);
    }

    @Test
    void aQueueThatCannotBeReachedLeavesOnlyItsOwnForwardsUnsent() {
        sqs.unreachable(DELIVERIES);

        ForwardPublisher.Published published = publisher.publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.sent()).extracting(Forward::key).containsExactly("orders");
        assertThat(published.failure()).get().isInstanceOf(SdkClientException.class);
        assertThat(sqs.requests).extracting(SendMessageBatchRequest::queueUrl).containsExactly(DELIVERIES, ORDERS);
    }

    @Test
    void whenEveryQueueFailsTheFirstFailureCarriesTheOthers() {
        sqs.unreachable(DELIVERIES);
        sqs.unreachable(ORDERS);

        ForwardPublisher.Published published = publisher.publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.sent()).isEmpty();
        assertThat(published.failure()).get().satisfies(failure -> {
            assertThat(failure).isInstanceOf(SdkClientException.class);
            assertThat(failure.getSuppressed()).hasSize(1);
        });
    }

    @Test
    void givenAnExecutorSendsTheOrderBesideTheTiersBatchWhichStaysOnTheCallersThread() {
        ForwardPublisher.Published published = sendingBesideOn(beside).publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.failure()).isEmpty();
        assertThat(published.sent()).extracting(Forward::key)
                .containsExactly("tier:premium", "tier:basic", "tier:free", "orders");
        assertThat(sqs.senderThreads).containsEntry(DELIVERIES, Thread.currentThread().getName())
                .containsEntry(ORDERS, "beside");
    }

    @Test
    void anOrderSentBesideThatFailsIsReportedAndTheTiersStillCountAsSent() {
        sqs.unreachable(ORDERS);

        ForwardPublisher.Published published = sendingBesideOn(beside).publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.sent()).extracting(Forward::key).containsExactly("tier:premium", "tier:basic", "tier:free");
        assertThat(published.failure()).get().isInstanceOf(SdkClientException.class);
    }

    @Test
    void anErrorOnTheCallersThreadIsThrownAsRaisedOnlyOnceTheSendBesideHasEnded() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor(task -> new Thread(task, "caller"));
        CountDownLatch orderStarted = new CountDownLatch(1);
        CountDownLatch releaseOrder = new CountDownLatch(1);
        try {
            sqs.errorOn(DELIVERIES, new OutOfMemoryError("no room for the tiers' batch"));
            sqs.blockOn(ORDERS, orderStarted, releaseOrder);
            QueueForwardPublisher concurrent = sendingBesideOn(beside);

            Future<Throwable> outcome = caller.submit(() -> {
                try {
                    concurrent.publishAll(forwardsOf(signal("volume 4x")));
                    return null;
                } catch (Throwable thrown) {
                    return thrown;
                }
            });
            assertThat(orderStarted.await(10, TimeUnit.SECONDS)).isTrue();

            // The tiers' batch failed at once; the order's send is still under way, so nothing may come back yet.
            assertThatThrownBy(() -> outcome.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            releaseOrder.countDown();
            assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(OutOfMemoryError.class)
                    .hasMessage("no room for the tiers' batch");
            assertThat(sqs.requests).extracting(SendMessageBatchRequest::queueUrl)
                    .containsExactlyInAnyOrder(DELIVERIES, ORDERS);
        } finally {
            releaseOrder.countDown();
            caller.shutdownNow();
        }
    }

    @Test
    void anErrorInTheSendBesideIsThrownAsRaised() {
        sqs.errorOn(ORDERS, new OutOfMemoryError("no room for the order's batch"));

        assertThatThrownBy(() -> sendingBesideOn(beside).publishAll(forwardsOf(signal("volume 4x"))))
                .isExactlyInstanceOf(OutOfMemoryError.class).hasMessage("no room for the order's batch");
    }

    @Test
    void anExecutorThatRefusesTheOrdersSendLeavesItToTheCallerAfterTheTiers() {
        ExecutorService shutDown = Executors.newSingleThreadExecutor();
        shutDown.shutdown();
        ForwardPublisher.Published published = sendingBesideOn(shutDown).publishAll(forwardsOf(signal("volume 4x")));

        assertThat(published.failure()).isEmpty();
        assertThat(published.sent()).extracting(Forward::key)
                .containsExactly("tier:premium", "tier:basic", "tier:free", "orders");
        assertThat(sqs.requests).extracting(SendMessageBatchRequest::queueUrl).containsExactly(DELIVERIES, ORDERS);
        assertThat(sqs.senderThreads).containsEntry(ORDERS, Thread.currentThread().getName());
    }

    @Test
    void splitsABatchAtTenEntriesAndAt256KiB() {
        QueuePublisher queue = new QueuePublisher(sqs, DELIVERIES, json);
        List<QueuePublisher.Delayed> twelveSmall = IntStream.range(0, 12)
                .mapToObj(i -> new QueuePublisher.Delayed(signal("small " + i), i, Map.of())).toList();
        assertThat(queue.sendBatched(twelveSmall).sent()).hasSize(12);
        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(10, 2);

        sqs.requests.clear();
        // Three messages of 100 KiB each: two fit in 256 KiB, the third goes in a second request.
        List<QueuePublisher.Delayed> threeLarge = IntStream.range(0, 3)
                .mapToObj(i -> new QueuePublisher.Delayed(signal("x".repeat(100 * 1024)), 0, Map.of())).toList();
        assertThat(queue.sendBatched(threeLarge).sent()).containsExactly(0, 1, 2);
        assertThat(sqs.requests).extracting(r -> r.entries().size()).containsExactly(2, 1);
    }

    /** Records SendMessageBatch requests; fails chosen entries (by position in the first request to a queue). */
    private static final class ScriptedSqs implements SqsClient {

        final List<SendMessageBatchRequest> requests = new ArrayList<>();
        /** Queue URL → the thread that sent to it last. */
        final Map<String, String> senderThreads = new HashMap<>();
        private final Map<String, Map<String, Integer>> failuresLeft = new HashMap<>();
        /** Queue URL → the first request to it (1 = every request) that fails as an unreachable endpoint. */
        private final Map<String, Integer> unreachableFrom = new HashMap<>();
        private final Map<String, Integer> requestsTo = new HashMap<>();

        /** The entry at {@code position} of requests to {@code queueUrl} fails {@code times} times on SQS's side. */
        void failOnTheirSide(String queueUrl, int position, int times) {
            failuresLeft.computeIfAbsent(queueUrl, q -> new HashMap<>()).put(Integer.toString(position), times);
        }

        private final Map<String, Error> errors = new HashMap<>();
        /** Queue URL → {started, release}: a send to it says it started, then waits to be released. */
        private final Map<String, CountDownLatch[]> blocks = new ConcurrentHashMap<>();

        void blockOn(String queueUrl, CountDownLatch started, CountDownLatch release) {
            blocks.put(queueUrl, new CountDownLatch[] {started, release});
        }

        /** Every request to {@code queueUrl} throws {@code error} (as the JVM would throw one mid-request). */
        void errorOn(String queueUrl, Error error) {
            errors.put(queueUrl, error);
        }

        void unreachable(String queueUrl) {
            unreachableFrom(queueUrl, 1);
        }

        void unreachableFrom(String queueUrl, int request) {
            unreachableFrom.put(queueUrl, request);
        }

        /** Called from several threads when the publisher sends beside its caller. */
        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            CountDownLatch[] block = blocks.get(request.queueUrl());
            if (block != null) {
                // Outside the lock, so the other queue's send goes on meanwhile.
                block[0].countDown();
                awaitQuietly(block[1]);
            }
            return answer(request);
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized SendMessageBatchResponse answer(SendMessageBatchRequest request) {
            requests.add(request);
            senderThreads.put(request.queueUrl(), Thread.currentThread().getName());
            if (errors.containsKey(request.queueUrl())) {
                throw errors.get(request.queueUrl());
            }
            int number = requestsTo.merge(request.queueUrl(), 1, Integer::sum);
            if (number >= unreachableFrom.getOrDefault(request.queueUrl(), Integer.MAX_VALUE)) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
            Map<String, Integer> failures = failuresLeft.getOrDefault(request.queueUrl(), Map.of());
            List<SendMessageBatchResultEntry> successful = new ArrayList<>();
            List<BatchResultErrorEntry> failed = new ArrayList<>();
            for (SendMessageBatchRequestEntry entry : request.entries()) {
                int left = failures.getOrDefault(entry.id(), 0);
                if (left > 0) {
                    failures.put(entry.id(), left - 1);
                    failed.add(BatchResultErrorEntry.builder().id(entry.id()).code("InternalError")
                            .message("try again").senderFault(false).build());
                } else {
                    successful.add(SendMessageBatchResultEntry.builder().id(entry.id()).messageId("m-" + entry.id())
                            .build());
                }
            }
            return SendMessageBatchResponse.builder().successful(successful).failed(failed).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }
}
