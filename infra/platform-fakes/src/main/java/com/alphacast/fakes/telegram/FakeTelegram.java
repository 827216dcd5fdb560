package com.alphacast.fakes.telegram;

import com.alphacast.fakes.Fault;
import com.alphacast.fakes.LoopbackServer;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.multipart.FormPart;
import com.alphacast.fakes.spec.ApiSpecs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Telegram Bot API ({@code /bot<token>/<method>}). Every call is checked against
 * {@code telegram/bot-api-spec.json}; {@code sendMessage} creates real-shaped {@code Message}s, the
 * broadcast limits answer 429 with {@code parameters.retry_after}, blocked and kicked chats answer 403,
 * unknown tokens 401, and {@code getUpdates} serves queued updates for long polling.
 */
public final class FakeTelegram extends LoopbackServer {

    private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z]+)$");
    private static final Set<String> SENDING = Set.of("sendmessage", "sendphoto", "senddocument", "copymessage",
            "forwardmessage", "editmessagetext");

    private final TelegramBotApiSpec spec;
    private final String token;
    private final String botUsername;
    private final long botId = 7_000_000_001L;
    private final Map<String, String> forbiddenChats = new ConcurrentHashMap<>();
    private final Set<String> missingChats = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> messageIds = new ConcurrentHashMap<>();
    private final List<SentMessage> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<SentPhoto> photos = Collections.synchronizedList(new ArrayList<>());
    private final Deque<Long> recentSends = new ArrayDeque<>();
    private final Map<String, Deque<Long>> recentSendsPerChat = new HashMap<>();
    private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>();
    private final AtomicLong nextUpdateId = new AtomicLong(100_000);
    private volatile int globalPerSecond;
    private volatile int perChatPerSecond;
    private volatile long retryAfterSeconds = 1;
    private volatile JsonNode publishedCommands;
    private final Map<String, JsonNode> commandsByScope = new ConcurrentHashMap<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong inviteLinks = new AtomicLong();

    /** A call the fake accepted (valid against the spec, right token), with its parameters. */
    public record Call(String method, Map<String, JsonNode> parameters) {
        public String text(String name) {
            JsonNode value = parameters.get(name);
            return value == null ? null : value.asText();
        }
    }

    /** A message the fake accepted: the chat, the text after entity parsing and the raw request text. */
    /**
     * A photo sent with {@code sendPhoto} as a new file.
     *
     * @param caption the caption after entity parsing; empty when none
     * @param photo   the uploaded file as received
     */
    public record SentPhoto(String chatId, long messageId, String caption, byte[] photo) {
        public SentPhoto {
            photo = photo.clone();
        }

        @Override
        public byte[] photo() {
            return photo.clone();
        }
    }

    /** Telegram's limits for an uploaded photo and its caption (Bot API, sendPhoto). */
    public static final int PHOTO_MAX_BYTES = 10 * 1024 * 1024;
    public static final int CAPTION_MAX_CHARACTERS = 1024;

    public record SentMessage(String chatId, long messageId, String text, String rawText) {
    }

    /**
     * Checks calls against the bundled Bot API spec ({@link ApiSpecs#telegram()}).
     *
     * @param token the only bot token accepted
     */
    public FakeTelegram(Clock clock, String token, String botUsername) {
        super(clock);
        this.spec = ApiSpecs.telegram();
        this.token = token;
        this.botUsername = botUsername;
    }

    /** System clock, bot {@code @AlphacastTestBot}. */
    public static FakeTelegram start(String token) {
        return new FakeTelegram(Clock.systemUTC(), token, "AlphacastTestBot");
    }

    public TelegramBotApiSpec spec() {
        return spec;
    }

    /** Enforce Telegram's broadcast limit: more than {@code messagesPerSecond} sends in any second get 429. */
    public FakeTelegram limitGlobalPerSecond(int messagesPerSecond) {
        this.globalPerSecond = messagesPerSecond;
        return this;
    }

    /** Enforce the per-chat limit (about one message per second in the real API). */
    public FakeTelegram limitPerChatPerSecond(int messagesPerSecond) {
        this.perChatPerSecond = messagesPerSecond;
        return this;
    }

    public FakeTelegram retryAfterSeconds(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public FakeTelegram blockedBy(String chatId) {
        forbiddenChats.put(chatId, "Forbidden: bot was blocked by the user");
        return this;
    }

    public FakeTelegram kickedFrom(String chatId) {
        forbiddenChats.put(chatId, "Forbidden: bot was kicked from the group chat");
        return this;
    }

    public FakeTelegram missingChat(String chatId) {
        missingChats.add(chatId);
        return this;
    }

    /** Queues an update for {@code getUpdates}; its {@code update_id} is assigned if absent. */
    public synchronized long enqueueUpdate(ObjectNode update) {
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId.incrementAndGet());
        }
        pendingUpdates.add(update);
        notifyAll();
        return update.get("update_id").asLong();
    }

    public List<SentPhoto> sentPhotos() {
        synchronized (photos) {
            return List.copyOf(photos);
        }
    }

    public List<SentMessage> sentMessages() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Every accepted call of {@code method} (case-insensitive), in order: invoices, invite links, bans, refunds, ... */
    public List<Call> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
        }
    }

    /**
     * The commands published for a scope: {@code default}, {@code all_private_chats}, {@code chat:<chat_id>}, ...
     * (the scope's type, and its chat id when it has one).
     */
    public Optional<JsonNode> publishedCommands(String scope) {
        return Optional.ofNullable(commandsByScope.get(scope));
    }

    /** The commands last published with {@code setMyCommands}, or null. */
    public JsonNode publishedCommands() {
        return publishedCommands;
    }

    @Override
    protected List<String> validate(RecordedRequest request) {
        Matcher matcher = PATH.matcher(request.path());
        if (!matcher.matches()) {
            return List.of("not a Bot API path: " + request.path());
        }
        if (!request.method().equals("POST") && !request.method().equals("GET")) {
            return List.of("Bot API calls use GET or POST, not " + request.method());
        }
        if (!request.bodyProblem().isEmpty()) {
            return List.of(request.bodyProblem());
        }
        if (matcher.group(2).equalsIgnoreCase("sendPhoto")) {
            List<String> violations = new ArrayList<>(photoViolations(request));
            if (request.json() != null) {
                violations.addAll(spec.validateCall(matcher.group(2), parameters(request)));
            }
            return violations;
        }
        if (!request.body().isEmpty() && request.json() == null) {
            return List.of("body is neither JSON nor form-encoded: content-type " + request.headers().get("content-type"));
        }
        if (spec.method(matcher.group(2)).isEmpty()) {
            return List.of(); // answered 404 like the real API, not a spec violation of the parameters
        }
        return spec.validateCall(matcher.group(2), parameters(request));
    }

    /**
     * What the Bot API refuses in a {@code sendPhoto} upload: no multipart body, no {@code photo} file part, a file
     * that is not a PNG or JPEG, one over 10 MB, or a caption over 1024 characters after entity parsing.
     */
    private static List<String> photoViolations(RecordedRequest request) {
        if (request.form().isEmpty()) {
            return request.json() != null && request.json().path("photo").isTextual()
                    && !request.json().path("photo").asText().startsWith("attach://")
                    ? List.of() // a file id or URL, sent as JSON: no upload to check
                    : List.of("sendPhoto with a new file must be multipart/form-data, was " + request.headers().get("content-type"));
        }
        List<String> violations = new ArrayList<>();
        Optional<FormPart> photo = uploadedPhoto(request);
        if (photo.isEmpty() || !photo.get().isFile()) {
            violations.add("sendPhoto has no file part named photo");
        } else {
            byte[] bytes = photo.get().bytes();
            if (bytes.length > PHOTO_MAX_BYTES) {
                violations.add("photo is " + bytes.length + " bytes, more than the 10 MB a photo may have");
            }
            if (!isPng(bytes) && !isJpeg(bytes)) {
                violations.add("photo " + photo.get().filename() + " is neither a PNG nor a JPEG image");
            }
        }
        request.form().get().part("caption").ifPresent(caption -> {
            String parseMode = request.form().get().part("parse_mode").map(FormPart::text).orElse("");
            String text = parseMode.equalsIgnoreCase("HTML") ? TelegramHtml.parse(caption.text()) : caption.text();
            int length = text.codePointCount(0, text.length());
            if (length > CAPTION_MAX_CHARACTERS) {
                violations.add("caption is " + length + " characters after entity parsing, more than 1024");
            }
        });
        return violations;
    }

    /** The file part of {@code photo}: the part itself, or the part {@code photo=attach://<name>} names. */
    private static Optional<FormPart> uploadedPhoto(RecordedRequest request) {
        return request.form().flatMap(form -> {
            Optional<FormPart> direct = form.part("photo");
            if (direct.isPresent() && !direct.get().isFile() && direct.get().text().startsWith("attach://")) {
                return form.part(direct.get().text().substring("attach://".length()));
            }
            return direct;
        });
    }

    private static boolean isPng(byte[] bytes) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (bytes[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xD8 && bytes[2] == (byte) 0xFF;
    }

    @Override
    protected Response invalid(RecordedRequest request, List<String> violations) {
        return error(400, "Bad Request: " + String.join("; ", violations), null);
    }

    @Override
    protected Response fault(Fault fault, RecordedRequest request) {
        return switch (fault.kind()) {
            case RATE_LIMITED -> tooManyRequests((long) Math.ceil(fault.retryAfterSeconds()));
            case FORBIDDEN -> error(403, "Forbidden: bot was blocked by the user", null);
            default -> error(fault.status(), fault.status() == 502 ? "Bad Gateway" : "Internal Server Error", null);
        };
    }

    @Override
    protected Response serve(RecordedRequest request) {
        Matcher matcher = PATH.matcher(request.path());
        matcher.matches();
        if (!matcher.group(1).equals(token)) {
            return error(401, "Unauthorized", null);
        }
        Optional<String> method = spec.method(matcher.group(2));
        if (method.isEmpty()) {
            return error(404, "Not Found", null);
        }
        Map<String, JsonNode> parameters = parameters(request);
        String name = method.get().toLowerCase(Locale.ROOT);
        if (SENDING.contains(name)) {
            String chatId = parameters.get("chat_id").asText();
            if (missingChats.contains(chatId)) {
                return error(400, "Bad Request: chat not found", null);
            }
            if (forbiddenChats.containsKey(chatId)) {
                return error(403, forbiddenChats.get(chatId), null);
            }
            if (!admit(chatId)) {
                countThrottledByLimit();
                return tooManyRequests(retryAfterSeconds);
            }
        }
        if (!name.startsWith("get")) {
            calls.add(new Call(method.get(), Map.copyOf(parameters)));
        }
        return switch (name) {
            case "getme" -> ok(botUser());
            case "sendinvoice" -> ok(invoiceMessage(parameters));
            case "createchatinvitelink" -> ok(inviteLink(parameters));
            case "sendmessage" -> ok(sendMessage(parameters));
            case "sendphoto" -> ok(sendPhoto(parameters, request));
            case "setmycommands" -> {
                publishedCommands = parameters.get("commands");
                JsonNode scope = parameters.get("scope");
                String key = scope == null ? "default" : scope.path("type").asText()
                        + (scope.has("chat_id") ? ":" + scope.get("chat_id").asText() : "");
                commandsByScope.put(key, parameters.get("commands"));
                yield ok(json.getNodeFactory().booleanNode(true));
            }
            case "getmycommands" -> ok(publishedCommands == null ? json.createArrayNode() : publishedCommands);
            case "getupdates" -> ok(updates(parameters));
            default -> ok(json.getNodeFactory().booleanNode(true));
        };
    }

    private ObjectNode sendMessage(Map<String, JsonNode> parameters) {
        String chatId = parameters.get("chat_id").asText();
        String raw = parameters.get("text").asText();
        String parseMode = parameters.containsKey("parse_mode") ? parameters.get("parse_mode").asText() : "";
        String text = parseMode.equalsIgnoreCase("HTML") ? TelegramHtml.parse(raw) : raw;
        long messageId = messageIds.computeIfAbsent(chatId, id -> new AtomicLong()).incrementAndGet();
        sent.add(new SentMessage(chatId, messageId, text, raw));
        ObjectNode message = json.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chat(chatId));
        message.put("date", clock.instant().getEpochSecond());
        message.put("text", text);
        return message;
    }

    private ObjectNode sendPhoto(Map<String, JsonNode> parameters, RecordedRequest request) {
        String chatId = parameters.get("chat_id").asText();
        String raw = parameters.containsKey("caption") ? parameters.get("caption").asText() : "";
        String parseMode = parameters.containsKey("parse_mode") ? parameters.get("parse_mode").asText() : "";
        String caption = parseMode.equalsIgnoreCase("HTML") ? TelegramHtml.parse(raw) : raw;
        byte[] file = uploadedPhoto(request).map(FormPart::bytes).orElse(new byte[0]);
        long messageId = messageIds.computeIfAbsent(chatId, id -> new AtomicLong()).incrementAndGet();
        photos.add(new SentPhoto(chatId, messageId, caption, file));
        ObjectNode message = json.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chat(chatId));
        message.put("date", clock.instant().getEpochSecond());
        ObjectNode size = message.putArray("photo").addObject();
        size.put("file_id", "photo-" + chatId + "-" + messageId);
        size.put("file_unique_id", "u" + messageId);
        size.put("width", 1200);
        size.put("height", 800);
        size.put("file_size", file.length);
        if (!caption.isEmpty()) {
            message.put("caption", caption);
        }
        return message;
    }

    private ObjectNode invoiceMessage(Map<String, JsonNode> parameters) {
        String chatId = parameters.get("chat_id").asText();
        long messageId = messageIds.computeIfAbsent(chatId, id -> new AtomicLong()).incrementAndGet();
        ObjectNode message = json.createObjectNode();
        message.put("message_id", messageId);
        message.set("from", botUser());
        message.set("chat", chat(chatId));
        message.put("date", clock.instant().getEpochSecond());
        ObjectNode invoice = message.putObject("invoice");
        invoice.put("title", parameters.get("title").asText());
        invoice.put("description", parameters.get("description").asText());
        invoice.put("start_parameter", "");
        invoice.put("currency", parameters.get("currency").asText());
        long total = 0;
        for (JsonNode price : parameters.get("prices")) {
            total += price.path("amount").asLong();
        }
        invoice.put("total_amount", total);
        return message;
    }

    /** A {@code ChatInviteLink} as the real API answers it, unique per call. */
    private ObjectNode inviteLink(Map<String, JsonNode> parameters) {
        ObjectNode link = json.createObjectNode();
        link.put("invite_link", "https://t.me/+fake" + inviteLinks.incrementAndGet());
        link.set("creator", botUser());
        link.put("creates_join_request", parameters.containsKey("creates_join_request")
                && parameters.get("creates_join_request").asBoolean());
        link.put("is_primary", false);
        link.put("is_revoked", false);
        if (parameters.containsKey("name")) {
            link.put("name", parameters.get("name").asText());
        }
        if (parameters.containsKey("expire_date")) {
            link.put("expire_date", parameters.get("expire_date").asLong());
        }
        if (parameters.containsKey("member_limit")) {
            link.put("member_limit", parameters.get("member_limit").asInt());
        }
        return link;
    }

    private synchronized ArrayNode updates(Map<String, JsonNode> parameters) {
        long offset = parameters.containsKey("offset") ? parameters.get("offset").asLong() : 0;
        long timeoutSeconds = parameters.containsKey("timeout") ? parameters.get("timeout").asLong() : 0;
        pendingUpdates.removeIf(update -> update.get("update_id").asLong() < offset);
        long deadline = System.currentTimeMillis() + Math.min(timeoutSeconds, 2) * 1000;
        while (pendingUpdates.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ArrayNode result = json.createArrayNode();
        int limit = parameters.containsKey("limit") ? parameters.get("limit").asInt() : 100;
        Iterator<ObjectNode> iterator = pendingUpdates.iterator();
        while (iterator.hasNext() && result.size() < limit) {
            result.add(iterator.next());
        }
        return result;
    }

    /** Sliding one-second windows, global and per chat. */
    private synchronized boolean admit(String chatId) {
        long now = clock.millis();
        if (globalPerSecond > 0) {
            while (!recentSends.isEmpty() && recentSends.peekFirst() <= now - 1000) {
                recentSends.pollFirst();
            }
            if (recentSends.size() >= globalPerSecond) {
                return false;
            }
        }
        Deque<Long> chat = recentSendsPerChat.computeIfAbsent(chatId, id -> new ArrayDeque<>());
        if (perChatPerSecond > 0) {
            while (!chat.isEmpty() && chat.peekFirst() <= now - 1000) {
                chat.pollFirst();
            }
            if (chat.size() >= perChatPerSecond) {
                return false;
            }
        }
        recentSends.addLast(now);
        if (perChatPerSecond > 0) {
            chat.addLast(now);
        }
        return true;
    }

    private ObjectNode botUser() {
        ObjectNode user = json.createObjectNode();
        user.put("id", botId);
        user.put("is_bot", true);
        user.put("first_name", "Alphacast");
        user.put("username", botUsername);
        return user;
    }

    private ObjectNode chat(String chatId) {
        ObjectNode chat = json.createObjectNode();
        if (chatId.startsWith("@")) {
            chat.put("id", -1_001_000_000_000L - Math.abs((long) chatId.hashCode()));
            chat.put("type", "channel");
            chat.put("title", chatId.substring(1));
            chat.put("username", chatId.substring(1));
        } else if (chatId.startsWith("-")) {
            chat.put("id", Long.parseLong(chatId));
            chat.put("type", "supergroup");
            chat.put("title", "Group " + chatId);
        } else {
            chat.put("id", Long.parseLong(chatId));
            chat.put("type", "private");
            chat.put("first_name", "Subscriber");
        }
        return chat;
    }

    private Response ok(JsonNode result) {
        ObjectNode body = json.createObjectNode();
        body.put("ok", true);
        body.set("result", result);
        return Response.json(200, write(body));
    }

    private Response tooManyRequests(long retryAfter) {
        ObjectNode parameters = json.createObjectNode();
        parameters.put("retry_after", retryAfter);
        return error(429, "Too Many Requests: retry after " + retryAfter, parameters);
    }

    private Response error(int code, String description, ObjectNode parameters) {
        ObjectNode body = json.createObjectNode();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (parameters != null) {
            body.set("parameters", parameters);
        }
        return Response.json(code, write(body));
    }

    private static Map<String, JsonNode> parameters(RecordedRequest request) {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        request.query().forEach((name, value) -> parameters.put(name, com.fasterxml.jackson.databind.node.TextNode.valueOf(value)));
        if (request.json() != null && request.json().isObject()) {
            // A file uploaded under its own name and referenced as attach://<name> is not a method parameter.
            Set<String> attached = new java.util.HashSet<>();
            request.json().fields().forEachRemaining(field -> {
                if (field.getValue().isTextual() && field.getValue().asText().startsWith("attach://")) {
                    attached.add(field.getValue().asText().substring("attach://".length()));
                }
            });
            request.json().fields().forEachRemaining(field -> {
                if (!field.getValue().isNull() && !(request.form().isPresent() && attached.contains(field.getKey()))) {
                    parameters.put(field.getKey(), field.getValue());
                }
            });
        }
        return parameters;
    }
}
