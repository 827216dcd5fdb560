package com.alphacast.functions.risk;

import com.alphacast.aws.risk.DynamoExitProgress;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.aws.sqs.QueueForwardPublisher;
import com.alphacast.aws.sqs.QueuePublisher;
import com.alphacast.core.risk.RiskCheck;
import com.alphacast.core.risk.RiskDecision;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.usecase.approval.SignalApproval;
import com.alphacast.functions.FunctionResources;
import com.alphacast.functions.SnapStartPriming;
import com.alphacast.functions.sqs.DeadLetterForward;
import com.alphacast.functions.sqs.FailedRecordRetry;
import com.alphacast.functions.sqs.PartialBatch;
import com.alphacast.functions.sqs.QueueStamps;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Lambda: candidate signals (SignalsQueue) → risk decision → orders and deliveries queues. */
public final class RiskCheckHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /**
     * Requests a decision makes beside the handler's thread: two of its three first reads (while the handler's thread
     * makes the third), and the order's send beside the tiers' (premium) release. They mostly wait on the network, so
     * two threads cost little CPU even on a fraction of a vCPU. Daemon threads that end after a minute idle: nothing
     * shuts a handler down (Lambda freezes or drops its environment; the local cloud and the tests build many).
     */
    private final ThreadPoolExecutor requestsBeside = requestsBeside();

    private static ThreadPoolExecutor requestsBeside() {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), request -> {
            Thread thread = new Thread(request, "risk-check-request-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final FunctionResources resources;
    /** Held here because the CRaC context keeps its resources only weakly. */
    private final SnapStartPriming priming;
    private final SignalApproval approval;
    /** A failed signal blocks SignalsQueue's one FIFO group: it is retried in seconds, not the visibility timeout. */
    private final FailedRecordRetry retry;
    /** An unreadable signal never becomes readable: it goes to the dead-letter queue at once, not after its retries. */
    private final DeadLetterForward unreadable;
    /**
     * Time kept for one decision's reads, attempts and sends: a decision is started only while the batch has this
     * left, and an exit wait ends while the batch still has twice this left (room for the decision that waited and
     * for the next to start). So a batch of signals shares the invocation's time instead of running into the
     * function's timeout (which would leave the whole batch hidden, and the group blocked, until the visibility
     * timeout): under a stalled position function its later signals wait less for exits, and are decided on counts
     * that can only be too high, never too low. A request on a dead connection is given up after 2 s of silence and
     * retried on a new one (the clients' {@code RequestTimeouts}), so one hung request still fits.
     */
    static final Duration DECISION_ROOM = Duration.ofSeconds(10);
    /** The longest exit wait the template allows (ExitCheckWaitSeconds' MaxValue). */
    static final Duration LONGEST_EXIT_WAIT = Duration.ofSeconds(20);

    /**
     * When the batch in hand must be decided by (System.nanoTime): the invocation's deadline (Lambda requires the
     * queue's visibility timeout to be at least the function's timeout, so the records stay hidden until then). Set as
     * each invocation starts; an environment runs one invocation at a time.
     */
    private volatile long batchDeadline = Long.MAX_VALUE;

    /** Used by the Lambda runtime. */
    public RiskCheckHandler() {
        this(System.getenv());
    }

    /** Used by the local cloud, which gives each function the environment template.yaml declares. */
    public RiskCheckHandler(Map<String, String> environment) {
        this(new FunctionResources(environment), Clock.systemUTC());
    }

    /** Used by tests and benches, which build the resources (clients, environment) themselves. */
    public RiskCheckHandler(FunctionResources resources, Clock clock) {
        this.resources = resources;
        DynamoRiskLedger ledger = new DynamoRiskLedger(resources.dynamoDb(), resources.require("SIGNALS_TABLE"),
                resources.require("CONTROL_TABLE"), resources.json(), requestsBeside);
        QueueForwardPublisher forwards = new QueueForwardPublisher(
                new QueuePublisher(resources.sqs(), resources.require("ORDERS_QUEUE_URL"), resources.json()),
                new QueuePublisher(resources.sqs(), resources.require("DELIVERIES_QUEUE_URL"), resources.json()),
                requestsBeside);
        String visibilityTimeout = resources.require("SIGNALS_QUEUE_VISIBILITY_TIMEOUT");
        this.retry = new FailedRecordRetry(resources.sqs(), resources.require("SIGNALS_QUEUE_URL"),
                FailedRecordRetry.retryWithin(visibilityTimeout), FailedRecordRetry.ceilingOf(visibilityTimeout));
        this.unreadable = new DeadLetterForward(resources.sqs(), resources.require("SIGNALS_DEAD_LETTER_QUEUE_URL"));
        DynamoExitProgress exits = new DynamoExitProgress(resources.dynamoDb(), resources.require("CONTROL_TABLE"),
                exitCheckWait(resources.require("EXIT_CHECK_WAIT_SECONDS")), clock,
                () -> exitWaitAllowed(batchTimeLeft()));
        this.approval = new SignalApproval(new RiskCheck(resources.settings().risk()), ledger, forwards, exits,
                resources.settings().market().session(), resources.settings().distribution().tiers(), clock);
        // The reads every decision makes and the forwards' checks, for a signal on no record: nothing written or sent.
        Signal sample = SnapStartPriming.sample();
        this.priming = new SnapStartPriming(resources, "SIGNALS_TABLE", () -> {
            ledger.inputsFor(sample, resources.settings().market().session().tradingDay(sample.marketTime()));
            exits.lastCheck(sample.underlying());
            approval.forwardsOf(sample, RiskDecision.approve(sample.id(), sample.marketTime()))
                    .forEach(forwards::refusals);
        }, List.of("ORDERS_QUEUE_URL", "DELIVERIES_QUEUE_URL", "SIGNALS_DEAD_LETTER_QUEUE_URL")).register();
    }

    /**
     * How long a decision waits at most for the position function to catch up (0 to 20 s; the template gives the
     * function time for that and two decisions' room, and a batch's later decisions wait only what the batch has left).
     */
    static Duration exitCheckWait(String seconds) {
        int value;
        try {
            value = Integer.parseInt(seconds.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EXIT_CHECK_WAIT_SECONDS must be a whole number of seconds, was '"
                    + seconds + "'");
        }
        if (value < 0 || value > LONGEST_EXIT_WAIT.toSeconds()) {
            throw new IllegalArgumentException("EXIT_CHECK_WAIT_SECONDS must be within 0.." + LONGEST_EXIT_WAIT.toSeconds()
                    + ", was " + value);
        }
        return Duration.ofSeconds(value);
    }

    /**
     * Decides a batch's signals in market-time order (senders' sends can reach the FIFO queue in another order than
     * their signals' market times), so limits fill up in the order the market produced the signals. Each body is decoded once, here; an
     * unreadable one sorts first and is moved to the dead-letter queue when it is processed. A batch is what queued
     * up while the previous one was decided (a burst of signals): deciding it in one invocation spares each signal
     * behind the first a receive, an invocation and a delete.
     */
    private static List<SQSEvent.SQSMessage> inMarketTimeOrder(List<SQSEvent.SQSMessage> records,
                                                                Map<String, Signal> decoded) {
        List<SQSEvent.SQSMessage> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparing(message -> {
            Signal signal = decoded.get(message.getMessageId());
            return signal == null ? Instant.MIN : signal.marketTime();
        }));
        return ordered;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSEvent.SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        Map<String, Signal> decoded = new HashMap<>();
        Map<String, String> unreadableBecause = new HashMap<>();
        for (SQSEvent.SQSMessage message : records) {
            try {
                decoded.put(message.getMessageId(), resources.json().read(message.getBody(), Signal.class));
            } catch (RuntimeException e) {
                unreadableBecause.put(message.getMessageId(), "unreadable signal: " + e.getMessage());
            }
        }
        SQSEvent ordered = new SQSEvent();
        ordered.setRecords(inMarketTimeOrder(records, decoded));
        batchDeadline = System.nanoTime() + Duration.ofMillis(context.getRemainingTimeInMillis()).toNanos();
        PartialBatch.Outcome outcome;
        try {
            outcome = PartialBatch.processWhileTimeLeft(ordered, context, this::batchTimeLeft, DECISION_ROOM,
                    message -> decide(message, decoded, unreadableBecause, context));
        } finally {
            batchDeadline = Long.MAX_VALUE;
        }
        return retry.retrySoon(ordered, outcome, context);
    }

    private void decide(SQSEvent.SQSMessage message, Map<String, Signal> decoded, Map<String, String> unreadableBecause,
                        Context context) {
        String reason = unreadableBecause.get(message.getMessageId());
        if (reason != null) {
            // Throws when the dead-letter queue cannot take it: the record then fails and is retried instead.
            unreadable.forward(message, reason);
            context.getLogger().log("moved record " + message.getMessageId() + " to the dead-letter queue: "
                    + reason + "\n");
            return;
        }
        Signal signal = decoded.get(message.getMessageId());
        RiskDecision decision = approval.decide(signal, QueueStamps.of(message));
        context.getLogger().log((decision.approved() ? "approved " : "rejected ") + signal.id()
                + (decision.approved() ? "" : ": " + String.join("; ", decision.reasons())) + "\n");
    }

    /**
     * How long an exit wait may take with {@code batchLeft} of the batch's time left: all but two decisions' room (the
     * one that waits and the next), zero or less meaning no wait.
     */
    static Duration exitWaitAllowed(Duration batchLeft) {
        return batchLeft.minus(DECISION_ROOM.multipliedBy(2));
    }

    /** What is left of the batch's time; unbounded outside an invocation (priming). */
    private Duration batchTimeLeft() {
        long deadline = batchDeadline;
        return deadline == Long.MAX_VALUE ? ChronoUnit.FOREVER.getDuration()
                : Duration.ofNanos(deadline - System.nanoTime());
    }
}
