package com.alphacast.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.fakes.chat.LocalChatPlatforms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloud up}'s banner for a template with an HttpApi route (beside the template's own chat webhooks) and a ScheduleV2 schedule: the route with its full
 * loopback URL on port-base + 2 and its function, the schedule with its zone and next fire time.
 */
class CloudUpEventSourcesIT {

    /** A probe route (a path no function of the template uses) and a weekday schedule, given to the project's risk check function (events only). */
    private static final String PROBE_EVENTS = """
                    Webhook:
                      Type: HttpApi
                      Properties: {Path: /probe/webhook, Method: POST}
                    Morning:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 8 ? * MON-FRI *)
                        ScheduleExpressionTimezone: America/New_York
            """;

    @TempDir
    Path home;

    @Test
    void printsEveryHttpRouteAndScheduleWithWhereAndWhenTheyRun() throws Exception {
        Path project = StackHome.copyInto(home);
        Path template = project.resolve("template.yaml");
        Files.writeString(template, withProbeEvents(Files.readString(template)));
        int base = StackHome.freePortBase();
        CloudUpOptions options = new CloudUpOptions(base, Optional.empty(), "demo", project);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (LocalChatPlatforms chat = LocalChatPlatforms.start();
             CloudStack stack = CloudStack.start(options, chat.functionEnvironment(), (function, line) -> { })) {
            new StackGuide(new PrintStream(printed, true, StandardCharsets.UTF_8), Clock.systemUTC())
                    .print(stack.cloud(), options, project.resolve("outbox"), chat, 1);
        }

        String banner = printed.toString(StandardCharsets.UTF_8);
        assertThat(banner).contains("HTTP routes (API Gateway payload format 2.0, on http://127.0.0.1:" + (base + 2) + ")");
        assertThat(banner).containsPattern("  POST +http://127\\.0\\.0\\.1:" + (base + 2) + "/probe/webhook +-> RiskCheckFunction");
        assertThat(banner).containsPattern("  cron\\(0 8 \\? \\* MON-FRI \\*\\) +America/New_York +next "
                + "\\d{4}-\\d{2}-\\d{2}T1[23]:00:00Z +-> RiskCheckFunction/Morning");
        assertThat(banner).containsPattern("RiskCheckFunction +<- POST /probe/webhook, cron\\(0 8 \\? \\* MON-FRI \\*\\), SignalsQueue");
    }

    /** Adds the probe events at the top of RiskCheckFunction's Events mapping. */
    private static String withProbeEvents(String template) {
        int function = template.indexOf("\n  RiskCheckFunction:");
        int events = template.indexOf("      Events:\n", function);
        assertThat(function).as("template.yaml declares RiskCheckFunction with Events").isPositive();
        assertThat(events).isPositive();
        int insertAt = events + "      Events:\n".length();
        return template.substring(0, insertAt) + PROBE_EVENTS + template.substring(insertAt);
    }
}
