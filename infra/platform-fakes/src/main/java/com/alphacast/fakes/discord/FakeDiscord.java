package com.alphacast.fakes.discord;

import com.alphacast.fakes.Fault;
import com.alphacast.fakes.LoopbackServer;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.multipart.FormPart;
import com.alphacast.fakes.multipart.MultipartForm;
import com.alphacast.fakes.spec.ApiSpecs;
import com.alphacast.fakes.spec.OpenApiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Discord HTTP API v10 ({@code /api/v10/...}). Every request is checked against the official
 * OpenAPI document ({@code discord/openapi.json}) plus the limits it cannot express (6000 characters across
 * a message's embeds); webhooks need their token, bot routes need {@code Authorization: Bot <token>};
 * unknown channels and webhooks answer 404 with Discord's error codes; 429s carry {@code retry_after} and
 * the {@code X-RateLimit-*} headers. A message with files is multipart/form-data: the message JSON in the
 * {@code payload_json} part (checked against the spec's multipart schema for the route), each file in a
 * {@code files[n]} part; {@code attachments[].id} must name an uploaded {@code files[n]}, and every
 * {@code attachment://<name>} an embed uses must name an uploaded file (Discord would silently show no image).
 */
public final class FakeDiscord extends LoopbackServer {

    public static final String API_PREFIX = "/api/v10";
    /** Discord's upload limit per file for a server without boosts. */
    static final int FILE_MAX_BYTES = 10 * 1024 * 1024;
    private static final Pattern FILE_FIELD = Pattern.compile("files\\[(\\d)]");
    private static final String ATTACHMENT_SCHEME = "attachment://";

    private final OpenApiSpec spec;
    private final String botToken;
    private final Map<String, String> webhooks = new ConcurrentHashMap<>();
    private final Set<String> knownChannels = ConcurrentHashMap.newKeySet();
    private final Set<String> forbiddenChannels = ConcurrentHashMap.newKeySet();
    private final Set<String> interactionTokens = ConcurrentHashMap.newKeySet();
    private final List<Posted> posted = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Set<String>> memberRoles = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> recentPerRoute = new HashMap<>();
    private final AtomicLong snowflakes = new AtomicLong(1_300_000_000_000_000_000L);
    private volatile int perWebhookLimit;
    private volatile long perWebhookWindowMillis = 2000;
    private volatile JsonNode registeredCommands;

    /**
     * A message Discord accepted. {@code target} is {@code webhook:<id>}, {@code channel:<id>} or
     * {@code followup:<app id>}; {@code body} is the message JSON ({@code payload_json} of a multipart message);
     * {@code files} the files uploaded with it.
     */
    public record Posted(String target, String messageId, JsonNode body, List<UploadedFile> files) {
        public Posted {
            files = List.copyOf(files);
        }

        Posted(String target, String messageId, JsonNode body) {
            this(target, messageId, body, List.of());
        }
    }

    /** A file part of a multipart message: its field ({@code files[0]}), file name, content type and bytes. */
    public record UploadedFile(String field, String filename, String contentType, byte[] bytes) {
        public UploadedFile {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** Checks requests against the bundled Discord OpenAPI spec ({@link ApiSpecs#discord()}). */
    public FakeDiscord(Clock clock, String botToken) {
        super(clock);
        this.spec = ApiSpecs.discord();
        this.botToken = botToken;
    }

    public static FakeDiscord start(String botToken) {
        return new FakeDiscord(Clock.systemUTC(), botToken);
    }

    /** {@code http://127.0.0.1:<port>/api/v10} */
    public String apiBase() {
        return baseUri() + API_PREFIX;
    }

    public OpenApiSpec spec() {
        return spec;
    }

    /** Registers a webhook and returns its execute URL (what Discord shows as "Copy Webhook URL"). */
    public String addWebhook(String webhookId, String webhookToken) {
        webhooks.put(webhookId, webhookToken);
        return apiBase() + "/webhooks/" + webhookId + "/" + webhookToken;
    }

    public FakeDiscord addChannel(String channelId) {
        knownChannels.add(channelId);
        return this;
    }

    /** The bot sees the channel but lacks access (403, code 50001). */
    public FakeDiscord forbidChannel(String channelId) {
        knownChannels.add(channelId);
        forbiddenChannels.add(channelId);
        return this;
    }

    /** Allows follow-ups and callbacks for an interaction token. */
    public FakeDiscord expectInteraction(String interactionToken) {
        interactionTokens.add(interactionToken);
        return this;
    }

    /** Each webhook accepts at most {@code requests} per {@code windowMillis} (Discord: about 5 per 2 s). */
    public FakeDiscord limitPerWebhook(int requests, long windowMillis) {
        this.perWebhookLimit = requests;
        this.perWebhookWindowMillis = windowMillis;
        return this;
    }

    /** The role ids a guild member holds now (granted with PUT, removed with DELETE on the member's role). */
    public Set<String> rolesOf(String guildId, String userId) {
        return Set.copyOf(memberRoles.getOrDefault(guildId + "/" + userId, Set.of()));
    }

    public List<Posted> posted() {
        synchronized (posted) {
            return List.copyOf(posted);
        }
    }

    public JsonNode registeredCommands() {
        return registeredCommands;
    }

    @Override
    protected List<String> validate(RecordedRequest request) {
        if (!request.path().startsWith(API_PREFIX + "/")) {
            return List.of("not a Discord API v10 path: " + request.path());
        }
        if (!request.bodyProblem().isEmpty()) {
            return List.of(request.bodyProblem());
        }
        if (!request.body().isEmpty() && request.json() == null) {
            return List.of("body is not JSON");
        }
        String path = request.path().substring(API_PREFIX.length());
        List<String> violations = new ArrayList<>();
        JsonNode body = request.json();
        if (request.form().isPresent()) {
            Optional<JsonNode> payload = payloadJson(request.form().get(), violations);
            if (payload.isEmpty()) {
                return violations;
            }
            body = payload.get();
            violations.addAll(spec.validate(request.method(), path, request.query(), body, "multipart/form-data"));
            violations.addAll(fileViolations(request.form().get(), body));
        } else {
            violations.addAll(spec.validate(request.method(), path, request.query(), body));
        }
        if (body != null && body.has("embeds") && body.get("embeds").isArray()) {
            int total = 0;
            for (JsonNode embed : body.get("embeds")) {
                total += length(embed, "title") + length(embed, "description") + length(embed.path("footer"), "text")
                        + length(embed.path("author"), "name");
                for (JsonNode field : embed.path("fields")) {
                    total += length(field, "name") + length(field, "value");
                }
            }
            if (total > 6000) {
                violations.add("$.embeds: " + total + " characters across embeds exceed 6000");
            }
        }
        if (body != null && body.isObject() && request.form().map(form -> files(form).isEmpty()).orElse(true)
                && emptyMessage(request, body)) {
            violations.add("$: cannot send an empty message (no content, embeds, components, poll or files)");
        }
        return violations;
    }

    /** The message JSON of a multipart body: its {@code payload_json} part; any other field but a file is refused. */
    private Optional<JsonNode> payloadJson(MultipartForm form, List<String> violations) {
        for (FormPart part : form.parts()) {
            if (!part.name().equals("payload_json") && !FILE_FIELD.matcher(part.name()).matches()) {
                violations.add("multipart part '" + part.name() + "' is neither payload_json nor files[n]");
            }
        }
        Optional<FormPart> payload = form.part("payload_json");
        if (payload.isEmpty() || payload.get().isFile()) {
            violations.add("a multipart message needs its JSON in a payload_json field");
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(payload.get().text()));
        } catch (IOException e) {
            violations.add("payload_json is not JSON");
            return Optional.empty();
        }
    }

    /** The file parts, by their index n in {@code files[n]}. */
    private static Map<Integer, FormPart> files(MultipartForm form) {
        Map<Integer, FormPart> files = new LinkedHashMap<>();
        for (FormPart part : form.parts()) {
            Matcher field = FILE_FIELD.matcher(part.name());
            if (field.matches()) {
                files.put(Integer.parseInt(field.group(1)), part);
            }
        }
        return files;
    }

    /**
     * Files Discord would refuse or not show: a {@code files[n]} part that is not a file or is over the upload limit, an
     * {@code attachments[].id} naming no uploaded file, an {@code attachment://} URL in an embed naming no file.
     */
    private static List<String> fileViolations(MultipartForm form, JsonNode payload) {
        List<String> violations = new ArrayList<>();
        Map<Integer, FormPart> files = files(form);
        Set<String> filenames = new java.util.HashSet<>();
        files.forEach((index, part) -> {
            if (!part.isFile()) {
                violations.add("files[" + index + "] is not a file part (it has no filename)");
            } else if (part.size() > FILE_MAX_BYTES) {
                violations.add("files[" + index + "] is " + part.size() + " bytes, more than Discord's 10 MB upload limit");
            }
            filenames.add(part.filename());
        });
        for (JsonNode attachment : payload.path("attachments")) {
            String id = attachment.path("id").asText("");
            if (!id.matches("\\d") || !files.containsKey(Integer.parseInt(id))) {
                violations.add("$.attachments: id " + id + " names no uploaded files[n] part");
            } else if (attachment.path("filename").isTextual()) {
                filenames.add(attachment.path("filename").asText());
            }
        }
        int index = 0;
        for (JsonNode embed : payload.path("embeds")) {
            for (JsonNode url : List.of(embed.path("image").path("url"), embed.path("thumbnail").path("url"),
                    embed.path("author").path("icon_url"), embed.path("footer").path("icon_url"))) {
                String value = url.asText("");
                if (value.startsWith(ATTACHMENT_SCHEME) && !filenames.contains(value.substring(ATTACHMENT_SCHEME.length()))) {
                    violations.add("$.embeds[" + index + "]: " + value + " names no uploaded file");
                }
            }
            index++;
        }
        return violations;
    }

    /** The message JSON of a request: the body, or a multipart body's {@code payload_json}. */
    private JsonNode messageJson(RecordedRequest request) {
        if (request.form().isEmpty()) {
            return request.json();
        }
        try {
            return json.readTree(request.form().get().part("payload_json").orElseThrow().text());
        } catch (IOException e) {
            throw new IllegalStateException("payload_json was validated as JSON", e);
        }
    }

    private static List<UploadedFile> uploaded(RecordedRequest request) {
        return request.form().map(form -> files(form).entrySet().stream()
                .map(file -> new UploadedFile("files[" + file.getKey() + "]", file.getValue().filename(),
                        file.getValue().contentType(), file.getValue().bytes()))
                .toList()).orElse(List.of());
    }

    private static boolean emptyMessage(RecordedRequest request, JsonNode body) {
        if (!request.method().equals("POST") || !(request.path().endsWith("/messages") || request.path().matches(".*/webhooks/\\d+/[^/]+"))) {
            return false;
        }
        boolean content = body.path("content").isTextual() && !body.path("content").asText().isEmpty();
        boolean embeds = body.path("embeds").isArray() && body.path("embeds").size() > 0;
        boolean components = body.path("components").isArray() && body.path("components").size() > 0;
        return !content && !embeds && !components && !body.path("poll").isObject();
    }

    private static int length(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText().codePointCount(0, value.asText().length()) : 0;
    }

    @Override
    protected Response invalid(RecordedRequest request, List<String> violations) {
        ObjectNode body = json.createObjectNode();
        body.put("message", "Invalid Form Body");
        body.put("code", 50035);
        ObjectNode errors = body.putObject("errors");
        for (int i = 0; i < violations.size(); i++) {
            errors.putObject("violation_" + i).putArray("_errors").addObject()
                    .put("code", "BASE_TYPE_INVALID").put("message", violations.get(i));
        }
        return Response.json(400, write(body));
    }

    @Override
    protected Response fault(Fault fault, RecordedRequest request) {
        return switch (fault.kind()) {
            case RATE_LIMITED -> rateLimited(fault.retryAfterSeconds(), "injected");
            case FORBIDDEN -> error(403, "Missing Access", 50001);
            default -> Response.json(fault.status(), "{\"message\": \"" + (fault.status() == 502 ? "Bad Gateway" : "Internal Server Error")
                    + "\", \"code\": 0}");
        };
    }

    @Override
    protected Response serve(RecordedRequest request) {
        String path = request.path().substring(API_PREFIX.length());
        OpenApiSpec.Match match = spec.match(request.method(), path).orElseThrow();
        Map<String, String> parameters = match.pathParameters();
        String template = match.template();
        if (template.startsWith("/webhooks/{webhook_id}/{webhook_token}")) {
            String id = parameters.get("webhook_id");
            String token = parameters.get("webhook_token");
            boolean interaction = interactionTokens.contains(token);
            if (!interaction) {
                if (!webhooks.containsKey(id)) {
                    return error(404, "Unknown Webhook", 10015);
                }
                if (!webhooks.get(id).equals(token)) {
                    return error(401, "Invalid Webhook Token", 50027);
                }
                if (!admit("webhook:" + id)) {
                    countThrottledByLimit();
                    return rateLimited(perWebhookWindowMillis / 1000.0, "shared");
                }
            }
            if (template.equals("/webhooks/{webhook_id}/{webhook_token}") && request.method().equals("POST")) {
                boolean wait = "true".equalsIgnoreCase(request.query().get("wait")) || interaction;
                JsonNode body = messageJson(request);
                ObjectNode message = message(id, body);
                posted.add(new Posted((interaction ? "followup:" : "webhook:") + id, message.get("id").asText(), body,
                        uploaded(request)));
                return wait ? Response.json(200, write(message)) : new Response(204, Map.of(), null);
            }
            if (template.endsWith("/messages/@original") && request.method().equals("PATCH")) {
                ObjectNode message = message(id, request.json());
                posted.add(new Posted("original:" + id, message.get("id").asText(), request.json()));
                return Response.json(200, write(message));
            }
            return new Response(204, Map.of(), null);
        }
        if (template.equals("/interactions/{interaction_id}/{interaction_token}/callback")) {
            if (!interactionTokens.contains(parameters.get("interaction_token"))) {
                return error(404, "Unknown interaction", 10062);
            }
            posted.add(new Posted("callback:" + parameters.get("interaction_id"), "", request.json()));
            return new Response(204, Map.of(), null);
        }
        String authorization = request.headers().getOrDefault("authorization", "");
        if (!authorization.equals("Bot " + botToken)) {
            return error(401, "401: Unauthorized", 0);
        }
        if (template.equals("/channels/{channel_id}/messages") && request.method().equals("POST")) {
            String channel = parameters.get("channel_id");
            if (!knownChannels.contains(channel)) {
                return error(404, "Unknown Channel", 10003);
            }
            if (forbiddenChannels.contains(channel)) {
                return error(403, "Missing Access", 50001);
            }
            JsonNode body = messageJson(request);
            ObjectNode message = message(channel, body);
            posted.add(new Posted("channel:" + channel, message.get("id").asText(), body, uploaded(request)));
            return Response.json(200, write(message));
        }
        if (template.equals("/applications/{application_id}/commands") && request.method().equals("PUT")) {
            ArrayNode commands = json.createArrayNode();
            for (JsonNode command : request.json()) {
                ObjectNode copy = ((ObjectNode) command).deepCopy();
                copy.put("id", Long.toString(snowflakes.incrementAndGet()));
                copy.put("application_id", parameters.get("application_id"));
                copy.put("version", Long.toString(snowflakes.incrementAndGet()));
                commands.add(copy);
            }
            registeredCommands = commands;
            return Response.json(200, write(commands));
        }
        if (template.equals("/guilds/{guild_id}/members/{user_id}/roles/{role_id}")) {
            String member = parameters.get("guild_id") + "/" + parameters.get("user_id");
            if (request.method().equals("PUT")) {
                memberRoles.computeIfAbsent(member, m -> ConcurrentHashMap.newKeySet()).add(parameters.get("role_id"));
            } else if (request.method().equals("DELETE")) {
                memberRoles.getOrDefault(member, Set.of()).remove(parameters.get("role_id"));
            }
            return new Response(204, Map.of(), null);
        }
        if (template.equals("/users/@me")) {
            return Response.json(200, "{\"id\":\"1100000000000000001\",\"username\":\"alphacast\",\"discriminator\":\"0\",\"bot\":true}");
        }
        return error(404, "404: Not Found", 0);
    }

    private ObjectNode message(String channelId, JsonNode request) {
        ObjectNode message = json.createObjectNode();
        message.put("id", Long.toString(snowflakes.incrementAndGet()));
        message.put("type", 0);
        message.put("channel_id", channelId);
        message.put("content", request.path("content").asText(""));
        message.set("embeds", request.has("embeds") && request.get("embeds").isArray() ? request.get("embeds") : json.createArrayNode());
        message.put("timestamp", clock.instant().toString());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.set("mentions", json.createArrayNode());
        message.set("attachments", json.createArrayNode());
        message.put("pinned", false);
        ObjectNode author = message.putObject("author");
        author.put("id", "1100000000000000001");
        author.put("username", "Alphacast");
        author.put("discriminator", "0000");
        author.put("bot", true);
        return message;
    }

    private synchronized boolean admit(String route) {
        if (perWebhookLimit <= 0) {
            return true;
        }
        long now = clock.millis();
        Deque<Long> recent = recentPerRoute.computeIfAbsent(route, key -> new ArrayDeque<>());
        while (!recent.isEmpty() && recent.peekFirst() <= now - perWebhookWindowMillis) {
            recent.pollFirst();
        }
        if (recent.size() >= perWebhookLimit) {
            return false;
        }
        recent.addLast(now);
        return true;
    }

    private Response rateLimited(double retryAfter, String scope) {
        ObjectNode body = json.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", retryAfter);
        body.put("global", false);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Retry-After", Long.toString((long) Math.ceil(retryAfter)));
        headers.put("X-RateLimit-Limit", Integer.toString(Math.max(1, perWebhookLimit)));
        headers.put("X-RateLimit-Remaining", "0");
        headers.put("X-RateLimit-Reset-After", Double.toString(retryAfter));
        headers.put("X-RateLimit-Reset", Double.toString(clock.millis() / 1000.0 + retryAfter));
        headers.put("X-RateLimit-Bucket", "fake-bucket");
        headers.put("X-RateLimit-Scope", scope);
        return new Response(429, headers, write(body));
    }

    private Response error(int status, String message, int code) {
        ObjectNode body = json.createObjectNode();
        body.put("message", message);
        body.put("code", code);
        return Response.json(status, write(body));
    }

    Optional<String> webhookToken(String id) {
        return Optional.ofNullable(webhooks.get(id));
    }
}
