package com.alphacast.localcloud.function.schedule;

import com.alphacast.localcloud.function.EventSourceRunner;
import com.alphacast.localcloud.function.LocalFunction;
import com.alphacast.localcloud.function.RunnerServices;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One ScheduleV2 event of one function, driven by the stack's {@link ScheduleClock}: at each due occurrence it invokes
 * the function with the schedule's input (its context attributes filled in), retries a failed invocation up to MaximumRetryAttempts times (at once: the
 * clock is the only time there is, so MaximumEventAgeInSeconds never ends the retries locally), then sends the input to
 * the dead-letter queue with EventBridge Scheduler's error attributes.
 */
final class ScheduleRunner implements EventSourceRunner {

    private final ScheduleV2Source source;
    private final LocalFunction function;
    private final RunnerServices services;
    private final ScheduleClock clock;
    private final AtomicLong activity = new AtomicLong();
    private volatile boolean busy;
    private ScheduleExpression expression;
    private volatile Optional<Instant> nextDue = Optional.empty();

    ScheduleRunner(ScheduleV2Source source, LocalFunction function, RunnerServices services) {
        this.source = source;
        this.function = function;
        this.services = services;
        this.clock = services.scheduleClock();
    }

    ScheduleV2Source source() {
        return source;
    }

    @Override
    public String description() {
        return source.functionLogicalId() + "/" + source.eventName() + " (ScheduleV2 " + source.expression() + " "
                + source.zone() + ")";
    }

    @Override
    public void start() {
        // A rate counts from StartDate, else from when the schedule was created: now on the schedule clock.
        expression = ScheduleExpression.parse(source.expression(), source.zone(),
                source.startDate().orElse(clock.instant()));
        clock.register(this);
    }

    /** Recomputes the next occurrence after {@code now} (the clock was started, set or has just fired this schedule). */
    void scheduleAfter(Instant now) {
        Instant after = source.startDate().filter(start -> start.isAfter(now)).map(start -> start.minusNanos(1))
                .orElse(now);
        nextDue = expression.nextAfter(after).filter(due -> source.endDate().map(end -> !due.isAfter(end)).orElse(true));
    }

    Optional<Instant> nextDue() {
        return nextDue;
    }

    /** Invokes the function for the occurrence due at {@code due} (the clock reads {@code due} meanwhile). */
    ScheduleFiring fire(Instant due) {
        busy = true;
        activity.incrementAndGet();
        try {
            String executionId = UUID.randomUUID().toString();
            int attempts = 0;
            Optional<String> error = Optional.empty();
            String input = source.input();
            while (attempts <= source.maximumRetryAttempts()) {
                attempts++;
                input = withContextAttributes(source.input(), due, executionId, attempts);
                LocalFunction.Invocation invocation = function.invoke(input.getBytes(StandardCharsets.UTF_8));
                error = invocation.failure();
                if (error.isEmpty() || Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
            Optional<String> deadLettered = Optional.empty();
            if (error.isPresent() && !Thread.currentThread().isInterrupted()) {
                function.log("ScheduleV2 " + source.eventName() + " at " + due + ": failed after " + attempts
                        + " attempt(s): " + error.get());
                deadLettered = source.deadLetterQueueLogicalId();
                String reason = error.get();
                String lastInput = input;
                deadLettered.ifPresent(queue -> deadLetter(queue, lastInput, errorCode(reason), reason));
            }
            scheduleAfter(due);
            return new ScheduleFiring(source.functionLogicalId(), source.eventName(), due, attempts, error, deadLettered);
        } finally {
            busy = false;
            activity.incrementAndGet();
        }
    }

    /**
     * The input with EventBridge Scheduler's context attributes filled in, as Scheduler does before each invocation:
     * {@code <aws.scheduler.scheduled-time>} (the occurrence's time, ISO-8601 UTC to the second), {@code
     * <aws.scheduler.execution-id>}, {@code <aws.scheduler.attempt-number>} and {@code <aws.scheduler.schedule-arn>}.
     * A function that must know which day it runs for reads the scheduled time, never its own clock.
     */
    private String withContextAttributes(String input, Instant due, String executionId, int attempt) {
        return input.replace("<aws.scheduler.scheduled-time>", due.truncatedTo(ChronoUnit.SECONDS).toString())
                .replace("<aws.scheduler.execution-id>", executionId)
                .replace("<aws.scheduler.attempt-number>", Integer.toString(attempt))
                .replace("<aws.scheduler.schedule-arn>", scheduleArn());
    }

    private String scheduleArn() {
        String account = services.queueArns().values().stream().findFirst().map(arn -> arn.split(":")[4])
                .orElse("000000000000");
        return "arn:aws:scheduler:" + services.region() + ":" + account + ":schedule/default/" + source.scheduleName();
    }

    private static String errorCode(String failure) {
        return failure.startsWith("Task timed out") ? "Lambda.TimeoutError" : "Lambda.FunctionError";
    }

    /** What EventBridge Scheduler puts in a dead-letter queue: the target's input, the error in message attributes. */
    private void deadLetter(String queueLogicalId, String input, String errorCode, String errorMessage) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "ERROR_CODE", text(errorCode),
                "ERROR_MESSAGE", text(errorMessage),
                "EXHAUSTED_RETRY_CONDITION", text("MaximumRetryAttempts"),
                "RETRY_ATTEMPTS", text(Integer.toString(source.maximumRetryAttempts())),
                "SCHEDULE_ARN", text(scheduleArn()),
                "TARGET_ARN", text(function.definition().functionArn()));
        try {
            services.sqs().sendMessage(b -> b.queueUrl(services.queueUrls().get(queueLogicalId))
                    .messageBody(input).messageAttributes(attributes));
        } catch (SdkException e) {
            function.log("ScheduleV2 " + source.eventName() + ": could not dead-letter to " + queueLogicalId + ": " + e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    @Override
    public boolean isBusy() {
        return busy;
    }

    @Override
    public long activity() {
        return activity.get();
    }

    @Override
    public void close() {
        clock.unregister(this);
    }
}
