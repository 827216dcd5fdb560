package com.alphacast.bots.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.bots.ManualTime;
import com.alphacast.bots.command.CommandAccess;
import com.alphacast.bots.command.CommandCatalog;
import com.alphacast.bots.command.CommandParser;
import com.alphacast.bots.command.CommandRouter;
import com.alphacast.bots.command.DeskQueries;
import com.alphacast.bots.command.InMemoryPendingConfirmations;
import com.alphacast.bots.command.InMemorySubscriberRegistry;
import com.alphacast.bots.command.OperatorActions;
import com.alphacast.bots.command.OperatorAudit;
import com.alphacast.bots.command.ReplyStyle;
import com.alphacast.bots.command.Role;
import com.alphacast.bots.command.Routing;
import com.alphacast.bots.command.data.InMemoryTradingDesk;
import com.alphacast.bots.inbound.InMemorySeenRequests;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.bots.telegram.TelegramCommandRegistration;
import com.alphacast.bots.telegram.TelegramTransport;
import com.alphacast.bots.telegram.TelegramUpdateHandler;
import com.alphacast.core.distribution.Channel;
import com.alphacast.core.distribution.Tier;
import com.alphacast.core.settings.SubscriptionSettings;
import com.alphacast.core.settings.TierAccess;
import com.alphacast.core.subscription.Plan;
import com.alphacast.core.subscription.PriceList;
import com.alphacast.core.subscription.Subscriber;
import com.alphacast.core.usecase.subscription.ExpirySweep;
import com.alphacast.core.usecase.subscription.InMemorySubscriptionLedger;
import com.alphacast.core.usecase.subscription.SubscriptionGrants;
import com.alphacast.fakes.discord.FakeDiscord;
import com.alphacast.fakes.telegram.FakeTelegram;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.AnswerPreCheckoutQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Stars path on the real Telegram update fixtures ({@code testdata/telegram/updates}), every Bot API call
 * executed against the spec-validating fake Telegram.
 */
class StarsSubscriptionTest {

    private static final String TOKEN = "123:stars";
    private static final String PREMIUM_CHAT = "-1001000000001";
    private static final String BASIC_CHAT = "-1001000000002";
    private static final String OPERATOR = "1";

    private final ManualTime time = new ManualTime(Instant.parse("2026-12-02T05:00:00Z"));
    private final FakeTelegram telegram = new FakeTelegram(time, TOKEN, "AlphacastBot");
    private final TelegramClient client = TelegramTransport.client(TOKEN, telegram.baseUri(), Duration.ofSeconds(5));
    private final SubscriptionSettings settings = new SubscriptionSettings(
            new PriceList(List.of(new Plan(Tier.PREMIUM, 30, 500), new Plan(Tier.BASIC, 30, 150))),
            Map.of(Tier.PREMIUM, new TierAccess(Optional.of(PREMIUM_CHAT), Optional.of("1184000000000000101")),
                    Tier.BASIC, new TierAccess(Optional.of(BASIC_CHAT), Optional.empty())),
            Duration.ofHours(24), Optional.of("1184000000000000000"), Optional.of("-1001000000009"));
    private final InMemorySubscriptionLedger ledger = new InMemorySubscriptionLedger();
    private final SubscriptionGrants grants = new SubscriptionGrants(ledger, time);
    private final PremiumChats chats = new PremiumChats(client);
    private final SubscriptionUpdates updates = new SubscriptionUpdates(settings, grants, chats, time);
    private final ExpirySweep sweep = new ExpirySweep(ledger,
            new PlatformAccessWithdrawal(settings, Optional.of(chats), Optional.empty()), time, 50);
    private final InMemorySubscriberRegistry operators = new InMemorySubscriberRegistry().assign(Channel.TELEGRAM, OPERATOR, Role.ADMIN);
    private final InMemoryTradingDesk desk = new InMemoryTradingDesk(time);
    private final CommandRouter router = new CommandRouter(
            new CommandAccess(new CommandCatalog(), new SubscriptionRoles(operators, ledger, time)),
            new DeskQueries(desk, desk, desk, Optional.empty()),
            new OperatorActions(desk, new InMemoryPendingConfirmations(), new SplittableRandom(1),
                    new SubscriptionAdministration(settings, grants, ledger, sweep, Optional.of(updates), Optional.of(chats),
                            Optional.of(new StarRefunds(client)), Optional.empty()),
                    OperatorAudit.none()),
            new ReplyStyle(BriefingComposer.standard(), "https://alphacast.example/subscribe", ZoneId.of("America/New_York")),
            time);
    private final TelegramUpdateHandler handler = new TelegramUpdateHandler(new CommandParser("AlphacastBot"), router,
            new InMemorySeenRequests(Duration.ofDays(1), 10_000, time), Optional.of(updates));
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void noCallBrokeTheSpec() {
        assertThat(telegram.invalidRequests()).isEmpty();
        telegram.close();
    }

    @Test
    void preCheckoutFixtureForAForeignInvoiceIsRefusedWithAReason() throws Exception {
        TelegramUpdateHandler.Handling handling = handle(fixture("pre_checkout_query.json"));
        AnswerPreCheckoutQuery answer = (AnswerPreCheckoutQuery) handling.replies().get(0);
        assertThat(answer.getOk()).isFalse();
        assertThat(answer.getErrorMessage()).contains("not one of ours");
        execute(handling);
        assertThat(telegram.calls("answerPreCheckoutQuery")).singleElement()
                .satisfies(call -> assertThat(call.text("ok")).isEqualTo("false"));
    }

    @Test
    void preCheckoutIsAcceptedOnlyAtTodaysPriceInStars() throws Exception {
        ObjectNode current = fixture("pre_checkout_query.json");
        starsQuery(current, "sub:v1:premium:30d:500", 500);
        AnswerPreCheckoutQuery ok = (AnswerPreCheckoutQuery) handle(current).replies().get(0);
        assertThat(ok.getOk()).isTrue();

        ObjectNode stale = fixture("pre_checkout_query.json");
        stale.put("update_id", 3);
        starsQuery(stale, "sub:v1:premium:30d:400", 400);
        AnswerPreCheckoutQuery changed = (AnswerPreCheckoutQuery) handle(stale).replies().get(0);
        assertThat(changed.getOk()).isFalse();
        assertThat(changed.getErrorMessage()).contains("now 500 stars, not 400");

        ObjectNode unknown = fixture("pre_checkout_query.json");
        unknown.put("update_id", 4);
        starsQuery(unknown, "sub:v1:gold:30d:500", 500);
        assertThat(((AnswerPreCheckoutQuery) handle(unknown).replies().get(0)).getErrorMessage()).contains("unknown tier 'gold'");
    }

    @Test
    void fixturePaymentInUsdForAForeignPayloadGrantsNothing() throws Exception {
        TelegramUpdateHandler.Handling handling = handle(fixture("successful_payment.json"));
        assertThat(handling.replies()).isEmpty();
        assertThat(handling.routing().explanation()).contains("not granted");
        assertThat(ledger.find(new Subscriber(Channel.TELEGRAM, "456"))).isEmpty();
    }

    @Test
    void paymentWhoseAmountDiffersFromItsInvoiceGrantsNothing() throws Exception {
        ObjectNode payment = starsPayment(fixture("successful_payment.json"));
        ((ObjectNode) payment.get("message").get("successful_payment")).put("total_amount", 5);
        TelegramUpdateHandler.Handling handling = handle(payment);
        assertThat(handling.routing().explanation()).contains("5 XTR paid for an invoice of 500");
        assertThat(ledger.find(new Subscriber(Channel.TELEGRAM, "456"))).isEmpty();
    }

    @Test
    void starsPaymentGrantsPremiumUntilPeriodEndsWithASingleUseInviteAndTheSweepRevokesItAfterExpiry() throws Exception {
        Instant paidAt = time.instant();
        ObjectNode payment = starsPayment(fixture("successful_payment.json"));
        TelegramUpdateHandler.Handling first = handle(payment);
        execute(first);
        handle(payment);
        handle(payment); // Telegram retried the same update: handled once
        ObjectNode sameChargeNewUpdate = payment.deepCopy().put("update_id", 99);
        assertThat(handle(sameChargeNewUpdate).replies()).isEmpty();

        Subscriber mario = new Subscriber(Channel.TELEGRAM, "456");
        assertThat(ledger.find(mario).orElseThrow().expiresAt()).isEqualTo(paidAt.plus(Duration.ofDays(30)));
        assertThat(router.route(new com.alphacast.bots.command.Caller(Channel.TELEGRAM, "456", "456"),
                new CommandParser("AlphacastBot").parse("/tier", null)).role()).isEqualTo(Role.PREMIUM);
        FakeTelegram.Call invite = telegram.calls("createChatInviteLink").get(0);
        assertThat(telegram.calls("createChatInviteLink")).hasSize(1);
        assertThat(invite.text("chat_id")).isEqualTo(PREMIUM_CHAT);
        assertThat(invite.text("member_limit")).isEqualTo("1");
        assertThat(Long.parseLong(invite.text("expire_date"))).isEqualTo(paidAt.plus(Duration.ofHours(24)).getEpochSecond());
        SendMessage thanks = (SendMessage) first.replies().get(0);
        assertThat(thanks.getChatId()).isEqualTo("456");
        assertThat(thanks.getText()).contains("premium until 2027-01-01 05:00 UTC").contains("https://t.me/+fake1");

        time.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(sweep.run().swept()).isZero();
        assertThat(telegram.calls("banChatMember")).isEmpty();

        time.advance(Duration.ofSeconds(1));
        assertThat(new SubscriptionRoles(operators, ledger, time).roleOf(Channel.TELEGRAM, "456")).isEqualTo(Role.FREE);
        assertThat(sweep.run().swept()).isEqualTo(1);
        assertThat(telegram.calls("banChatMember")).singleElement().satisfies(call -> {
            assertThat(call.text("chat_id")).isEqualTo(PREMIUM_CHAT);
            assertThat(call.text("user_id")).isEqualTo("456");
        });
        assertThat(telegram.calls("unbanChatMember")).singleElement()
                .satisfies(call -> assertThat(call.text("only_if_banned")).isEqualTo("true"));
        assertThat(telegram.sentMessages()).anySatisfy(message -> {
            assertThat(message.chatId()).isEqualTo("456");
            assertThat(message.text()).contains("subscription ended").contains("/subscribe");
        });
        assertThat(sweep.run().swept()).as("the next scheduled run").isZero();
        assertThat(telegram.calls("banChatMember")).hasSize(1);
    }

    @Test
    void joinRequestsAreApprovedOnlyForCurrentSubscribersOfThatChatsTier() {
        grants.grant(new Subscriber(Channel.TELEGRAM, "20"), Tier.PREMIUM, 30);
        grants.grant(new Subscriber(Channel.TELEGRAM, "30"), Tier.BASIC, 30);
        assertThat(join(PREMIUM_CHAT, 20)).isEqualTo("approveChatJoinRequest");
        assertThat(join(PREMIUM_CHAT, 30)).isEqualTo("declineChatJoinRequest");
        assertThat(join(BASIC_CHAT, 20)).isEqualTo("approveChatJoinRequest");
        assertThat(join(BASIC_CHAT, 77)).isEqualTo("declineChatJoinRequest");
        time.advance(Duration.ofDays(31));
        assertThat(join(PREMIUM_CHAT, 20)).as("expired").isEqualTo("declineChatJoinRequest");
    }

    @Test
    void chatMemberFixtureOutsideThePremiumChatsIsOnlyNoted() throws Exception {
        TelegramUpdateHandler.Handling handling = handle(fixture("chat_member.json"));
        assertThat(handling.replies()).isEmpty();
        assertThat(handling.routing().explanation()).contains("no tier guards");
        assertThat(telegram.calls("banChatMember")).isEmpty();
    }

    @Test
    void aNonSubscriberWhoTurnsUpInThePremiumChatIsRemoved() throws Exception {
        ObjectNode update = fixture("chat_member.json");
        ObjectNode member = (ObjectNode) update.get("chat_member");
        ((ObjectNode) member.get("chat")).put("id", Long.parseLong(PREMIUM_CHAT)).put("type", "supergroup");
        ObjectNode joined = (ObjectNode) member.get("new_chat_member");
        joined.put("status", "member");
        joined.remove("custom_title");
        joined.remove("is_anonymous");
        ((ObjectNode) joined.get("user")).put("id", 555).put("is_bot", false);
        TelegramUpdateHandler.Handling handling = handle(update);
        assertThat(handling.routing().explanation()).contains("removed 555 from the premium chat");
        assertThat(telegram.calls("banChatMember")).hasSize(1);
    }

    @Test
    void subscribeSendsOneStarsInvoicePerPlan() throws Exception {
        ObjectNode command = fixture("command.json");
        ObjectNode message = (ObjectNode) command.get("message");
        message.put("text", "/subscribe");
        ((ObjectNode) message.get("entities").get(0)).put("length", 10);
        TelegramUpdateHandler.Handling handling = handle(command);
        execute(handling);
        assertThat(telegram.calls("sendInvoice")).hasSize(2).allSatisfy(call -> {
            assertThat(call.text("currency")).isEqualTo("XTR");
            assertThat(call.text("provider_token")).isEmpty();
        });
        assertThat(telegram.calls("sendInvoice")).extracting(call -> call.text("payload"))
                .containsExactly("sub:v1:basic:30d:150", "sub:v1:premium:30d:500");
        assertThat(telegram.calls("sendInvoice").get(1).parameters().get("prices").get(0).get("amount").asLong()).isEqualTo(500);
    }

    @Test
    void operatorGrantsRevokesAndRefundsAndOthersAreRefused() {
        Routing refused = command("3", "/grant telegram:3 premium 30");
        assertThat(refused.verdict()).isEqualTo(Routing.Verdict.UNAUTHORIZED);

        Routing granted = command(OPERATOR, "/grant telegram:20 premium 7");
        assertThat(granted.reply().orElseThrow().text()).startsWith("Granted premium to telegram:20 until 2026-12-09 05:00 UTC")
                .contains("Invite link sent");
        assertThat(command(OPERATOR, "/grant telegram:20 gold 7").reply().orElseThrow().text()).contains("unknown tier 'gold'");
        assertThat(command(OPERATOR, "/grant telegram:20 premium").verdict()).isEqualTo(Routing.Verdict.INVALID_ARGUMENTS);

        Routing revoked = command(OPERATOR, "/revoke telegram:20");
        assertThat(revoked.reply().orElseThrow().text()).isEqualTo("Revoked premium of telegram:20; access withdrawn.");
        assertThat(telegram.calls("banChatMember")).hasSize(1);

        grants.pay(new Subscriber(Channel.TELEGRAM, "456"), new Plan(Tier.PREMIUM, 30, 500), "thepaymentid");
        Routing refunded = command(OPERATOR, "/refund thepaymentid");
        assertThat(refunded.reply().orElseThrow().text()).isEqualTo("Refunded thepaymentid to telegram:456; access withdrawn.");
        assertThat(telegram.calls("refundStarPayment")).singleElement().satisfies(call -> {
            assertThat(call.text("user_id")).isEqualTo("456");
            assertThat(call.text("telegram_payment_charge_id")).isEqualTo("thepaymentid");
        });
        assertThat(grants.tierOf(new Subscriber(Channel.TELEGRAM, "456"))).isEqualTo(Tier.FREE);
        assertThat(command(OPERATOR, "/refund nosuchcharge").reply().orElseThrow().text()).contains("No payment with charge id");
    }

    @Test
    void commandMenusPerAudienceArePublishedWithScopes() throws Exception {
        String summary = new TelegramCommandRegistration(client).registerPerAudience(new CommandCatalog(), settings.operatorChat());
        assertThat(summary).contains("3 Telegram command menus");
        assertThat(telegram.publishedCommands("default").orElseThrow().findValuesAsText("command"))
                .contains("subscribe", "pnl").doesNotContain("halt", "grant");
        assertThat(telegram.publishedCommands("all_private_chats").orElseThrow().findValuesAsText("command")).contains("subscribe");
        assertThat(telegram.publishedCommands("chat:-1001000000009").orElseThrow().findValuesAsText("command"))
                .contains("halt", "grant", "revoke", "refund", "subscribe");
    }

    @Test
    void discordTierRolesAreGrantedAndRemovedThroughRest() {
        try (FakeDiscord discord = new FakeDiscord(time, "discord-bot-token")) {
            DiscordTierRoles roles = new DiscordTierRoles(HttpClient.newHttpClient(), discord.baseUri() + "/api/v10",
                    "discord-bot-token", "1184000000000000000", Duration.ofSeconds(5));
            SubscriptionAdministration admin = new SubscriptionAdministration(settings, grants, ledger,
                    new ExpirySweep(ledger, new PlatformAccessWithdrawal(settings, Optional.empty(), Optional.of(roles)), time, 10),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(roles));
            com.alphacast.bots.command.Caller op = new com.alphacast.bots.command.Caller(Channel.DISCORD, "900", "chan");
            assertThat(admin.answer(op, "grant", List.of("discord:42", "premium", "30")).text()).contains("Discord role granted");
            assertThat(discord.rolesOf("1184000000000000000", "42")).containsExactly("1184000000000000101");
            admin.answer(op, "revoke", List.of("discord:42"));
            assertThat(discord.rolesOf("1184000000000000000", "42")).isEmpty();
            assertThat(discord.invalidRequests()).isEmpty();
        }
    }

    private String join(String chat, long user) {
        ObjectNode update = json.createObjectNode();
        update.put("update_id", 5000 + user * 7 + Math.abs(chat.hashCode() % 5));
        ObjectNode request = update.putObject("chat_join_request");
        request.putObject("chat").put("id", Long.parseLong(chat)).put("type", "supergroup").put("title", "premium");
        request.putObject("from").put("id", user).put("is_bot", false).put("first_name", "U");
        request.put("user_chat_id", user);
        request.put("date", time.instant().getEpochSecond());
        TelegramUpdateHandler.Handling handling = handler.handle(handler.parse(update.toString().getBytes()));
        execute(handling);
        return handling.replies().get(0).getMethod();
    }

    private Routing command(String user, String text) {
        return router.route(new com.alphacast.bots.command.Caller(Channel.TELEGRAM, user, user),
                new CommandParser("AlphacastBot").parse(text, List.of(new CommandParser.Entity("bot_command", 0, text.split(" ")[0].length()))));
    }

    private ObjectNode fixture(String name) throws Exception {
        return (ObjectNode) json.readTree(Files.readAllBytes(Fixtures.testData().resolve("telegram/updates/" + name)));
    }

    private static void starsQuery(ObjectNode update, String payload, int amount) {
        ObjectNode query = (ObjectNode) update.get("pre_checkout_query");
        query.put("currency", "XTR").put("total_amount", amount).put("invoice_payload", payload);
    }

    private static ObjectNode starsPayment(ObjectNode update) {
        ObjectNode payment = (ObjectNode) update.get("message").get("successful_payment");
        payment.put("currency", "XTR").put("total_amount", 500).put("invoice_payload", "sub:v1:premium:30d:500");
        payment.remove("provider_payment_charge_id");
        return update;
    }

    private TelegramUpdateHandler.Handling handle(ObjectNode update) throws Exception {
        return handler.handle(handler.parse(json.writeValueAsBytes(update)));
    }

    private void execute(TelegramUpdateHandler.Handling handling) {
        for (BotApiMethod<?> method : handling.replies()) {
            try {
                client.execute(method);
            } catch (Exception e) {
                throw new AssertionError("the fake Telegram refused " + method.getMethod() + ": " + e.getMessage(), e);
            }
        }
    }
}
