package com.alphacast.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.localcloud.function.schedule.ScheduleFiring;
import com.alphacast.localcloud.function.schedule.ScheduleListing;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

class ScheduleV2Test {

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forTemplate(TestTemplates.path("schedule-stack.yaml"))
            .functionLog((function, line) -> { })
            .loadHandlersFrom(ScheduleV2Test.class.getClassLoader())
            .build();

    private static List<Instant> times(List<ScheduleFiring> fired, String eventName) {
        return fired.stream().filter(f -> f.eventName().equals(eventName)).map(ScheduleFiring::scheduledAt).toList();
    }

    private static List<String> recordedPayloads() {
        LocalCloud cloud = CLOUD.get();
        return cloud.dynamoDb().scan(b -> b.tableName(cloud.tableName("EventsTable"))).items().stream()
                .map(item -> item.get("payload").s()).toList();
    }

    @Test
    void firesWeekdayMorningsAtEightNewYorkTimeAcrossBothDaylightSavingChanges() {
        LocalCloud cloud = CLOUD.get();
        cloud.scheduleClock().setTo(Instant.parse("2026-03-05T00:00:00Z"));
        List<ScheduleFiring> march = cloud.scheduleClock().advanceTo(Instant.parse("2026-03-12T00:00:00Z"));
        cloud.scheduleClock().setTo(Instant.parse("2026-10-29T00:00:00Z"));
        List<ScheduleFiring> november = cloud.scheduleClock().advanceTo(Instant.parse("2026-11-04T00:00:00Z"));

        assertThat(times(march, "PreMarket")).containsExactly(Instant.parse("2026-03-05T13:00:00Z"),
                Instant.parse("2026-03-06T13:00:00Z"), Instant.parse("2026-03-09T12:00:00Z"),
                Instant.parse("2026-03-10T12:00:00Z"), Instant.parse("2026-03-11T12:00:00Z"));
        assertThat(times(november, "PreMarket")).containsExactly(Instant.parse("2026-10-29T12:00:00Z"),
                Instant.parse("2026-10-30T12:00:00Z"), Instant.parse("2026-11-02T13:00:00Z"),
                Instant.parse("2026-11-03T13:00:00Z"));
        assertThat(march).allMatch(ScheduleFiring::succeeded);
        assertThat(times(march, "Paused")).as("State: DISABLED never fires").isEmpty();
        assertThat(recordedPayloads()).contains("{\"kind\":\"pre-market briefing\"}");
    }

    @Test
    void retriesAFailedInvocationThenDeadLettersTheInputWithTheError() {
        LocalCloud cloud = CLOUD.get();
        cloud.scheduleClock().setTo(Instant.parse("2026-05-31T00:00:00Z"));
        List<ScheduleFiring> fired = cloud.scheduleClock().advanceTo(Instant.parse("2026-06-02T00:00:00Z"));

        ScheduleFiring broken = fired.stream().filter(f -> f.eventName().equals("Broken")).findFirst().orElseThrow();
        assertThat(broken.scheduledAt()).isEqualTo(Instant.parse("2026-06-01T09:00:00Z"));
        assertThat(broken.attempts()).as("first attempt + MaximumRetryAttempts 2").isEqualTo(3);
        assertThat(broken.error()).hasValueSatisfying(e -> assertThat(e).contains("market data source unavailable"));
        assertThat(broken.deadLetterQueueLogicalId()).hasValue("FailedBriefingsQueue");
        assertThat(times(fired, "PreMarket")).as("fired in time order around it")
                .containsExactly(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(fired.indexOf(broken)).isZero();
        assertThat(recordedPayloads().stream().filter(p -> p.contains("\"fail\":true"))).hasSize(3);

        List<Message> deadLetters = cloud.sqs().receiveMessage(b -> b.queueUrl(cloud.queueUrl("FailedBriefingsQueue"))
                .messageAttributeNames("All").maxNumberOfMessages(10)).messages();
        assertThat(deadLetters).hasSize(1);
        Message deadLetter = deadLetters.get(0);
        assertThat(deadLetter.body()).isEqualTo("{\"kind\":\"recap\",\"fail\":true}");
        assertThat(deadLetter.messageAttributes().get("ERROR_MESSAGE").stringValue())
                .contains("market data source unavailable");
        assertThat(deadLetter.messageAttributes().get("ERROR_CODE").stringValue()).isEqualTo("Lambda.FunctionError");
        assertThat(deadLetter.messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("2");
        assertThat(deadLetter.messageAttributes().get("TARGET_ARN").stringValue())
                .endsWith(":function:" + cloud.stackName() + "-BriefingFunction");
    }

    @Test
    void fillsInSchedulersContextAttributesSoTheFunctionSeesTheOccurrencesTimeNotTheWallClock() {
        LocalCloud cloud = CLOUD.get();
        cloud.scheduleClock().setTo(Instant.parse("2026-04-03T00:00:00Z"));
        List<ScheduleFiring> fired = cloud.scheduleClock().advanceTo(Instant.parse("2026-04-04T00:00:00Z"));

        assertThat(times(fired, "Stamped")).containsExactly(Instant.parse("2026-04-03T12:00:00Z"));
        assertThat(recordedPayloads())
                .contains("{\"kind\":\"stamped\",\"time\":\"2026-04-03T12:00:00Z\",\"attempt\":\"1\"}")
                .noneMatch(payload -> payload.contains("<aws.scheduler."));
    }

    @Test
    void listsRunningSchedulesWithTheirNextFireTime() {
        LocalCloud cloud = CLOUD.get();
        cloud.scheduleClock().setTo(Instant.parse("2026-11-27T14:00:00Z"));

        assertThat(cloud.schedules()).contains(new ScheduleListing("BriefingFunction", "PreMarket",
                "cron(0 8 ? * MON-FRI *)", ZoneId.of("America/New_York"),
                Optional.of(Instant.parse("2026-11-30T13:00:00Z"))));
        assertThat(cloud.schedules()).extracting(ScheduleListing::eventName).doesNotContain("Paused");
    }

    @Test
    void refusesToMoveBackwardsWhenAdvancing() {
        LocalCloud cloud = CLOUD.get();
        cloud.scheduleClock().setTo(Instant.parse("2026-07-01T00:00:00Z"));

        assertThatThrownBy(() -> cloud.scheduleClock().advanceTo(Instant.parse("2026-06-30T00:00:00Z")))
                .hasMessageContaining("moves forward only");
        assertThat(cloud.scheduleClock().instant()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    }
}
