package com.alphacast.localcloud.function.schedule;

import com.alphacast.localcloud.function.EventSourceDefinition;
import com.alphacast.localcloud.function.EventSourceType;
import com.alphacast.localcloud.function.FunctionEvent;
import com.alphacast.localcloud.function.PlanningContext;
import com.alphacast.localcloud.sqs.QueueDefinition;
import com.alphacast.localcloud.template.Properties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

/**
 * SAM {@code Type: ScheduleV2} events (an EventBridge Scheduler schedule invoking the function): expression, time
 * zone, state, input, retry policy, dead-letter queue, start and end dates. Every value is checked the way the
 * Scheduler API checks it (the service model's limits), so a template that would fail to deploy fails here first.
 */
public final class ScheduleV2EventSourceType implements EventSourceType {

    public static final Set<String> HONOURED = Set.of("ScheduleExpression", "ScheduleExpressionTimezone", "State",
            "Input", "RetryPolicy", "DeadLetterConfig", "FlexibleTimeWindow", "StartDate", "EndDate", "Name");
    /** Grouping, encryption and permissions of the schedule: nothing to apply to an in-process invocation. */
    public static final Set<String> IGNORED = Set.of("Description", "GroupName", "KmsKeyArn", "PermissionsBoundary",
            "RoleArn", "OmitName");
    /** The Scheduler's defaults when a RetryPolicy leaves a limit out. */
    static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
    static final int DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String type() {
        return "ScheduleV2";
    }

    @Override
    public Optional<EventSourceDefinition> define(FunctionEvent event, Properties properties, PlanningContext context) {
        properties.allowOnly(HONOURED, IGNORED);
        String zoneName = properties.string("ScheduleExpressionTimezone").orElse("UTC");
        // IANA names only, as the Scheduler takes them (java.time alone would also accept offsets such as +02:00).
        if (!ZoneId.getAvailableZoneIds().contains(zoneName) && !zoneName.equals("UTC")) {
            throw properties.refuse("ScheduleExpressionTimezone", "'" + zoneName + "' is not an IANA time zone"
                    + " (e.g. America/New_York, Europe/London, UTC)");
        }
        ZoneId zone = ZoneId.of(zoneName);
        String expression = properties.requiredString("ScheduleExpression");
        if (expression.length() > 256) {
            throw properties.refuse("ScheduleExpression", "longer than the 256 characters the Scheduler accepts");
        }
        try {
            ScheduleExpression.parse(expression, zone, Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            throw properties.refuse("ScheduleExpression", e.getMessage());
        }
        String state = properties.string("State").orElse("ENABLED");
        if (!state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw properties.refuse("State", "'" + state + "' is not ENABLED or DISABLED");
        }
        String input = properties.string("Input").orElse("{}");
        try {
            JSON.readTree(input);
        } catch (JacksonException e) {
            throw properties.refuse("Input", "is not JSON (a Lambda target's input is its event): " + e.getOriginalMessage());
        }
        int retries = DEFAULT_MAXIMUM_RETRY_ATTEMPTS;
        int maximumAge = DEFAULT_MAXIMUM_EVENT_AGE_SECONDS;
        Optional<Properties> retryPolicy = properties.object("RetryPolicy");
        if (retryPolicy.isPresent()) {
            retryPolicy.get().allowOnly(Set.of("MaximumRetryAttempts", "MaximumEventAgeInSeconds"), Set.of());
            retries = retryPolicy.get().integer("MaximumRetryAttempts", 0, 185).orElse(retries);
            maximumAge = retryPolicy.get().integer("MaximumEventAgeInSeconds", 60, 86_400).orElse(maximumAge);
        }
        Optional<String> deadLetterQueue = properties.object("DeadLetterConfig").map(config -> deadLetterQueue(config, context));
        properties.object("FlexibleTimeWindow").ifPresent(window -> {
            window.allowOnly(Set.of("Mode", "MaximumWindowInMinutes"), Set.of());
            String mode = window.requiredString("Mode");
            if (!mode.equals("OFF") && !mode.equals("FLEXIBLE")) {
                throw window.refuse("Mode", "'" + mode + "' is not OFF or FLEXIBLE");
            }
            Optional<Integer> minutes = window.integer("MaximumWindowInMinutes", 1, 1440);
            if (mode.equals("FLEXIBLE") != minutes.isPresent()) {
                throw window.refuse("MaximumWindowInMinutes", mode.equals("FLEXIBLE")
                        ? "is required with Mode FLEXIBLE" : "is only allowed with Mode FLEXIBLE");
            }
        });
        Optional<Instant> start = properties.string("StartDate").map(text -> instant(properties, "StartDate", text));
        Optional<Instant> end = properties.string("EndDate").map(text -> instant(properties, "EndDate", text));
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw properties.refuse("EndDate", end.get() + " is not after StartDate " + start.get());
        }
        String name = properties.string("Name").orElse(event.functionLogicalId() + event.eventName());
        return Optional.of(new ScheduleV2Source(event.functionLogicalId(), event.eventName(), name, expression, zone,
                state.equals("ENABLED"), input, retries, maximumAge, deadLetterQueue, start, end));
    }

    private static String deadLetterQueue(Properties config, PlanningContext context) {
        config.allowOnly(Set.of("Arn", "Type", "QueueLogicalId"), Set.of());
        if (!config.has("Arn")) {
            throw config.refuse(config.has("Type") ? "Type" : "Arn", "give Arn: !GetAtt <Queue>.Arn of a queue"
                    + " of this template (a queue SAM would create with Type: SQS does not exist locally)");
        }
        if (config.has("Type") || config.has("QueueLogicalId")) {
            throw config.refuse(config.has("Type") ? "Type" : "QueueLogicalId", "goes with a queue SAM creates; with"
                    + " Arn the queue is the template's own, so leave it out");
        }
        String arn = config.requiredString("Arn");
        QueueDefinition queue = context.queueByArn(arn).orElseThrow(() -> config.refuse("Arn", "'" + arn
                + "' is not a queue of this template (use !GetAtt <Queue>.Arn)"));
        return queue.logicalId();
    }

    private static Instant instant(Properties properties, String key, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException again) {
                throw properties.refuse(key, "'" + text + "' is not an ISO-8601 date-time (e.g. 2026-03-09T13:00:00Z)");
            }
        }
    }
}
