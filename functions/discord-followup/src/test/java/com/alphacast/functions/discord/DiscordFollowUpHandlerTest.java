package com.alphacast.functions.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.aws.json.JsonCodec;
import com.alphacast.aws.risk.DynamoRiskLedger;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.functions.FakeContext;
import com.alphacast.localcloud.LocalCloud;
import com.alphacast.localcloud.junit.LocalCloudExtension;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Discord follow-up function on the template's tables: a deferred interaction is routed against the tables and
 * its original response edited at a loopback Discord API that checks calls against Discord's OpenAPI spec.
 */
class DiscordFollowUpHandlerTest {

    private static final String OPERATOR = "900000000000000009";
    private static final FakeDiscord DISCORD = FakeDiscord.start("bot-token-not-used");

    @RegisterExtension
    static final LocalCloudExtension CLOUD = LocalCloudExtension.forProjectTemplate()
            .parameter("Profile", "demo")
            .withoutFunctions()
            .build();

    @AfterAll
    static void stopDiscord() {
        DISCORD.close();
    }

    private DiscordFollowUpHandler handler(LocalCloud cloud) {
        Map<String, String> environment = new HashMap<>(cloud.functionEnvironment("DiscordFollowUpFunction"));
        environment.put("ALPHACAST_CONFIG_DIR", LocalCloudExtension.projectRoot().resolve("config").toString());
        environment.put("DISCORD_API_BASE", DISCORD.apiBase());
        environment.put("ALPHACAST_ROLES", "discord:" + OPERATOR + "=admin");
        return new DiscordFollowUpHandler(environment);
    }

    private static String interaction(String id, String user, String name, String option) {
        DISCORD.expectInteraction("tok-" + id);
        return "{\"id\":\"" + id + "\",\"type\":2,\"application_id\":\"1184000000000000100\",\"token\":\"tok-" + id + "\","
                + "\"channel_id\":\"1184000000000000001\",\"member\":{\"user\":{\"id\":\"" + user + "\"}},"
                + "\"data\":{\"name\":\"" + name + "\"" + (option == null ? "" : ",\"options\":[{\"name\":\"reason\",\"type\":3,\"value\":\""
                + option + "\"}]") + "}}";
    }

    private SQSBatchResponse deliver(DiscordFollowUpHandler handler, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-" + body.hashCode());
        message.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return handler.handleRequest(event, new FakeContext("DiscordFollowUpFunction"));
    }

    @Test
    void operatorHaltFromDiscordEditsTheDeferredResponseAndSetsTheKillSwitch(LocalCloud cloud) {
        DiscordFollowUpHandler handler = handler(cloud);

        SQSBatchResponse response = deliver(handler, interaction("1300000000000000011", OPERATOR, "halt", "CPI print"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(new DynamoRiskLedger(cloud.dynamoDb(), cloud.tableName("SignalsTable"), cloud.tableName("ControlTable"),
                new JsonCodec()).killSwitch().reason()).isEqualTo("CPI print");
        assertThat(DISCORD.posted()).filteredOn(posted -> posted.target().startsWith("original:"))
                .singleElement().satisfies(posted -> {
                    assertThat(posted.body().get("content").asText())
                            .isEqualTo("Trading halted: no new orders. Reason: CPI print. Send /resume to allow orders again.");
                    assertThat(posted.body().get("flags").asInt()).isEqualTo(64);
                });
        assertThat(DISCORD.invalidRequests()).isEmpty();
        deliver(handler, interaction("1300000000000000012", OPERATOR, "resume", null));
    }

    @Test
    void unreadableFollowUpFailsItsRecordForTheDeadLetterQueue(LocalCloud cloud) {
        SQSBatchResponse response = deliver(handler(cloud), "{\"type\":2}");

        assertThat(response.getBatchItemFailures()).hasSize(1);
    }
}
