package com.alphacast.cli.chat;

import com.alphacast.fakes.telegram.FakeTelegram;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person talking to the local stack's Telegram webhook: each line becomes a Telegram update (a private-chat
 * message from the user, a {@code bot_command} entity when it starts with {@code /}) posted to the webhook route
 * with the secret header, and the answer is what the loopback Bot API received for that chat meanwhile.
 */
public final class TelegramChatSession {

    /** One exchange: what was said, the webhook's HTTP status, and the bot's answers in the user's chat. */
    public record Exchange(String said, int status, List<String> answers) {}

    private final HttpClient http;
    private final URI webhook;
    private final String secret;
    private final FakeTelegram telegram;
    private final long userId;
    private final Clock clock;
    private final AtomicLong updateIds;
    private final AtomicLong messageIds = new AtomicLong(1);
    private final ObjectMapper json = new ObjectMapper();

    /** @param firstUpdateId distinct per session on one stack: the webhook handles each update id once */
    public TelegramChatSession(HttpClient http, URI webhook, String secret, FakeTelegram telegram, long userId, Clock clock,
                               long firstUpdateId) {
        this.http = Objects.requireNonNull(http, "http");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.telegram = Objects.requireNonNull(telegram, "telegram");
        this.userId = userId;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.updateIds = new AtomicLong(firstUpdateId);
    }

    public Exchange say(String text) throws IOException, InterruptedException {
        int before = telegram.sentMessages().size();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update(text).toString())).build(), HttpResponse.BodyHandlers.ofString());
        List<FakeTelegram.SentMessage> sent = telegram.sentMessages();
        List<String> answers = sent.subList(before, sent.size()).stream()
                .filter(message -> message.chatId().equals(Long.toString(userId)))
                .map(FakeTelegram.SentMessage::text).toList();
        return new Exchange(text, response.statusCode(), answers);
    }

    /**
     * Buys a plan with Telegram Stars the way a person would: {@code /subscribe}, then the invoice whose payload starts
     * with {@code sub:v1:<tier>:} is paid (Telegram's pre-checkout query, then the successful payment), each posted to
     * the webhook. Returns the steps with what the bot answered (invoices, the pre-checkout verdict, messages).
     */
    public List<Exchange> buy(String tier) throws IOException, InterruptedException {
        int invoicesBefore = telegram.calls("sendInvoice").size();
        Exchange subscribe = say("/subscribe");
        List<FakeTelegram.Call> invoices = telegram.calls("sendInvoice");
        List<FakeTelegram.Call> ours = invoices.subList(invoicesBefore, invoices.size()).stream()
                .filter(call -> Long.toString(userId).equals(call.text("chat_id"))).toList();
        FakeTelegram.Call invoice = ours.stream().filter(call -> call.text("payload").startsWith("sub:v1:" + tier + ":"))
                .findFirst().orElseThrow(() -> new IllegalStateException("/subscribe sent no " + tier + " invoice"));
        String payload = invoice.text("payload");
        int amount = invoice.parameters().get("prices").get(0).get("amount").asInt();
        List<String> offered = ours.stream().map(call -> "invoice: " + call.text("title")).toList();
        Exchange subscribed = new Exchange(subscribe.said(), subscribe.status(),
                java.util.stream.Stream.concat(subscribe.answers().stream(), offered.stream()).toList());

        int verdictsBefore = telegram.calls("answerPreCheckoutQuery").size();
        ObjectNode preCheckout = json.createObjectNode();
        preCheckout.put("update_id", updateIds.getAndIncrement());
        ObjectNode query = preCheckout.putObject("pre_checkout_query");
        query.put("id", "local-" + userId + "-" + updateIds.get());
        query.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Local");
        query.put("currency", "XTR").put("total_amount", amount).put("invoice_payload", payload);
        int preCheckoutStatus = post(preCheckout);
        List<FakeTelegram.Call> verdicts = telegram.calls("answerPreCheckoutQuery");
        List<String> verdict = verdicts.subList(verdictsBefore, verdicts.size()).stream()
                .map(call -> Boolean.parseBoolean(call.text("ok")) ? "pre-checkout: ok"
                        : "pre-checkout refused: " + call.text("error_message")).toList();
        Exchange checkedOut = new Exchange("(pays " + amount + " XTR for " + invoice.text("title") + ")", preCheckoutStatus,
                verdict);

        int before = telegram.sentMessages().size();
        ObjectNode payment = json.createObjectNode();
        payment.put("update_id", updateIds.getAndIncrement());
        ObjectNode message = payment.putObject("message");
        message.put("message_id", messageIds.getAndIncrement());
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Local");
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "Local");
        message.put("date", clock.instant().getEpochSecond());
        message.putObject("successful_payment").put("currency", "XTR").put("total_amount", amount)
                .put("invoice_payload", payload).put("telegram_payment_charge_id", "local-charge-" + userId + "-" + clock.millis())
                .put("provider_payment_charge_id", "");
        int paymentStatus = post(payment);
        Exchange paid = new Exchange("(Telegram confirms the payment)", paymentStatus, answersSince(before));
        return List.of(subscribed, checkedOut, paid);
    }

    private int post(ObjectNode update) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", secret)
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private List<String> answersSince(int before) {
        List<FakeTelegram.SentMessage> sent = telegram.sentMessages();
        return sent.subList(before, sent.size()).stream()
                .filter(message -> message.chatId().equals(Long.toString(userId)))
                .map(FakeTelegram.SentMessage::text).toList();
    }

    private ObjectNode update(String text) {
        ObjectNode update = json.createObjectNode();
        update.put("update_id", updateIds.getAndIncrement());
        ObjectNode message = update.putObject("message");
        message.put("message_id", messageIds.getAndIncrement());
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "Local");
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "Local");
        message.put("date", clock.instant().getEpochSecond());
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        return update;
    }
}
