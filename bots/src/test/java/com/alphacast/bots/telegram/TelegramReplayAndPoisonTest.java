package com.alphacast.bots.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.command.Routing.Verdict;
import com.alphacast.bots.inbound.SeenRequestsFixture;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telegram updates run at most once, and an update nobody can handle is skipped, never fatal. */
class TelegramReplayAndPoisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouterFixture fixture = new RouterFixture();
    private final TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser("AlphacastBot"), fixture.router,
            SeenRequestsFixture.fresh());
    private final TelegramWebhook webhook = new TelegramWebhook(Optional.empty(), handler);

    private static String update(long updateId, long userId, String text, int entityOffset, int entityLength) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":" + updateId + ",\"from\":{\"id\":" + userId
                + ",\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":" + userId + ",\"type\":\"private\"},"
                + "\"date\":1700000000,\"text\":\"" + text + "\",\"entities\":[{\"offset\":" + entityOffset + ",\"length\":"
                + entityLength + ",\"type\":\"bot_command\"}]}}";
    }

    private TelegramWebhook.Response deliver(String update) {
        return webhook.handle(null, update.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void redeliveredHaltIsNotExecutedAgainAfterResume() {
        String halt = update(500, 1, "/halt", 0, 5);
        assertThat(deliver(halt).handling().routing().verdict()).isEqualTo(Verdict.HANDLED);
        assertThat(deliver(update(501, 1, "/resume", 0, 7)).handling().routing().verdict()).isEqualTo(Verdict.HANDLED);

        TelegramWebhook.Response replay = deliver(halt);

        assertThat(replay.status()).as("answered 200 so Telegram stops redelivering").isEqualTo(200);
        assertThat(replay.handling().routing().explanation()).contains("update 500 was already handled");
        assertThat(fixture.desk.status().halted()).isFalse();
    }

    @Test
    void aPaymentChargeIsHandledOnceEvenUnderAnotherUpdateId() {
        String payment = "\"successful_payment\":{\"currency\":\"USD\",\"total_amount\":500,\"invoice_payload\":\"p\","
                + "\"telegram_payment_charge_id\":\"tg-charge-1\",\"provider_payment_charge_id\":\"pv-1\"}";
        String first = "{\"update_id\":600,\"message\":{\"message_id\":1,\"from\":{\"id\":2,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"chat\":{\"id\":2,\"type\":\"private\"},\"date\":1700000000," + payment + "}}";
        assertThat(deliver(first).handling().routing().explanation()).contains("successful_payment");
        TelegramWebhook.Response again = deliver(first.replace("\"update_id\":600", "\"update_id\":601"));
        assertThat(again.handling().routing().explanation()).contains("payment charge tg-charge-1 was already handled");
    }

    @Test
    void commandEntitiesOutsideTheTextAreAnsweredAsNotACommand() {
        int[][] entities = {{0, 0}, {0, -3}, {0, 99}, {-1, 5}, {0, Integer.MAX_VALUE}, {Integer.MIN_VALUE, 2}};
        long id = 700;
        for (int[] entity : entities) {
            TelegramWebhook.Response response = deliver(update(id++, 1, "/halt", entity[0], entity[1]));
            assertThat(response.status()).as("entity %d/%d", entity[0], entity[1]).isEqualTo(200);
            assertThat(response.handling().routing().verdict()).as("entity %d/%d", entity[0], entity[1]).isEqualTo(Verdict.NOT_A_COMMAND);
        }
        assertThat(fixture.desk.status().halted()).isFalse();
    }

    @Test
    void messageWithoutAChatIsSkipped() {
        String noChat = "{\"update_id\":800,\"message\":{\"message_id\":1,\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},"
                + "\"date\":1700000000,\"text\":\"/halt\",\"entities\":[{\"offset\":0,\"length\":5,\"type\":\"bot_command\"}]}}";
        TelegramWebhook.Response response = deliver(noChat);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.handling().routing().explanation()).contains("without a chat");
    }

    @Test
    void pollingSkipsAPoisonUpdateAdvancesTheOffsetAndAnswersTheNext() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot")) {
            telegram.enqueueUpdate((ObjectNode) JSON.readTree(update(900, 1, "/halt", 0, 0)));
            telegram.enqueueUpdate((ObjectNode) JSON.readTree(update(901, 3, "/help", 0, 5)));
            List<String> log = new ArrayList<>();
            TelegramPollingBot bot = new TelegramPollingBot(TelegramTransport.client("1:t", telegram.baseUri(), Duration.ofSeconds(10)),
                    handler, 0, log::add);

            assertThat(bot.pollOnce()).isEqualTo(2);

            assertThat(bot.offset()).isEqualTo(902);
            assertThat(bot.pollOnce()).as("nothing is re-read").isZero();
            assertThat(log).hasSize(2);
            assertThat(log.get(0)).contains("update 900", "length 0");
            assertThat(telegram.sentMessages()).singleElement().satisfies(sent -> assertThat(sent.chatId()).isEqualTo("3"));
        }
    }

    @Test
    void pollingSkipsAnUpdateNobodyCanReadInsteadOfFailingEveryPoll() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot")) {
            ObjectNode unreadable = (ObjectNode) JSON.readTree(update(950, 1, "/halt", 0, 5));
            ((ObjectNode) unreadable.get("message")).put("from", "not a user object");
            telegram.enqueueUpdate(unreadable);
            telegram.enqueueUpdate((ObjectNode) JSON.readTree(update(951, 3, "/help", 0, 5)));
            List<String> log = new ArrayList<>();
            TelegramPollingBot bot = new TelegramPollingBot(TelegramTransport.client("1:t", telegram.baseUri(), Duration.ofSeconds(10)),
                    handler, 0, log::add);

            assertThat(bot.pollOnce()).isEqualTo(2);

            assertThat(bot.offset()).isEqualTo(952);
            assertThat(log.get(0)).contains("update 950: skipped", "not a Telegram update");
            assertThat(telegram.sentMessages()).singleElement().satisfies(sent -> assertThat(sent.chatId()).isEqualTo("3"));
            assertThat(fixture.desk.status().halted()).isFalse();
        }
    }
}
