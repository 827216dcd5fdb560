package com.alphacast.bots.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.RouterFixture;
import com.alphacast.bots.inbound.SeenRequestsFixture;
import com.alphacast.bots.discord.DiscordCommandRegistration;
import com.alphacast.bots.telegram.TelegramCommandRegistration;
import com.alphacast.bots.telegram.TelegramPollingBot;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationAndPollingTest {

    @Test
    void registersSlashCommandsBuiltWithJdaAsASpecValidBulkOverwrite() throws Exception {
        try (FakeDiscord discord = new FakeDiscord(Clock.systemUTC(), "bot-token")) {
            String summary = DiscordCommandRegistration.create(discord.apiBase(), "bot-token", Duration.ofSeconds(5))
                    .register("1100", new CommandCatalog());
            assertThat(summary).isEqualTo("registered 14 Discord slash commands");
            assertThat(discord.invalidRequests()).isEmpty();
            assertThat(discord.registeredCommands().findValuesAsText("name")).contains("pnl", "closeall", "days", "grant", "refund");
            assertThat(discord.requests().get(0).method()).isEqualTo("PUT");
        }
    }

    @Test
    void publishesSubscriberCommandsWithSetMyCommands() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot")) {
            String summary = new TelegramCommandRegistration(TelegramTransport.client("1:t", telegram.baseUri(), Duration.ofSeconds(5)))
                    .register(new CommandCatalog());
            assertThat(summary).isEqualTo("registered 8 Telegram commands");
            assertThat(telegram.invalidRequests()).isEmpty();
            assertThat(telegram.publishedCommands().findValuesAsText("command")).contains("start", "pnl").doesNotContain("halt");
        }
    }

    @Test
    void pollingBotAnswersQueuedUpdatesOnce() throws Exception {
        try (FakeTelegram telegram = new FakeTelegram(Clock.systemUTC(), "1:t", "AlphacastBot")) {
            ObjectNode update = (ObjectNode) new ObjectMapper().readTree(Fixtures.testData().resolve("telegram/updates/command.json").toFile());
            ObjectNode message = (ObjectNode) update.get("message");
            message.put("text", "/help");
            ((ObjectNode) message.get("entities").get(0)).put("length", 5);
            telegram.enqueueUpdate(update);
            List<String> log = new ArrayList<>();
            TelegramPollingBot bot = new TelegramPollingBot(TelegramTransport.client("1:t", telegram.baseUri(), Duration.ofSeconds(10)),
                    new TelegramUpdateHandler(new CommandParser("AlphacastBot"), new RouterFixture().router, SeenRequestsFixture.fresh()), 0, log::add);
            bot.start();
            assertThat(bot.pollOnce()).isEqualTo(1);
            assertThat(bot.pollOnce()).isZero();
            assertThat(telegram.sentMessages()).singleElement().satisfies(sent -> {
                assertThat(sent.chatId()).isEqualTo("10081232");
                assertThat(sent.text()).contains("Commands you can use:", "/subscribe");
            });
            assertThat(log).singleElement().asString().contains("handled /help");
            assertThat(telegram.invalidRequests()).isEmpty();
        }
    }
}
