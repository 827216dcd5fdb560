package com.alphacast.fakes.x;

import com.alphacast.fakes.Fault;
import com.alphacast.fakes.LoopbackServer;
import com.alphacast.fakes.RecordedRequest;
import com.alphacast.fakes.multipart.FormPart;
import com.alphacast.fakes.spec.ApiSpecs;
import com.alphacast.fakes.spec.OpenApiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback X API v2. {@code POST /2/tweets} is checked against the official OpenAPI document
 * ({@code x/openapi.json}) and the 280-character weighted limit; {@code POST /2/media/upload} (the one-shot upload,
 * multipart {@code media} + {@code media_category}, or JSON with the media in base64) against the same document plus
 * what it cannot say (the media is a PNG, JPEG, GIF or WebP image of at most 5 MB for {@code tweet_image}); a post's
 * {@code media.media_ids} must name media this fake received (else 400, as X answers); OAuth 1.0a signatures are verified with
 * the configured consumer and token secrets; duplicate text answers 403; the posting window answers 429
 * with {@code x-rate-limit-limit/remaining/reset} (reset in epoch seconds).
 */
public final class FakeX extends LoopbackServer {

    /**
     * X's detail for a post whose text the account already posted. The whole 403 body is
     * {@code {"detail":..., "type":"about:blank", "title":"Forbidden", "status":403}}: the fields of the
     * spec's problem objects, with the generic {@code about:blank} type X really sends for this case.
     */
    public static final String DUPLICATE_CONTENT = "You are not allowed to create a Tweet with duplicate content.";

    private static final Pattern LINK = Pattern.compile("(https?://)\\S+"
            + "|(?<![\\w@$#./-])(?:[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?\\.)+[a-z]{2,63}(?![\\w@+-])(?:/\\S*)?",
            Pattern.CASE_INSENSITIVE);

    private final OpenApiSpec spec;
    private final Credentials credentials;
    private final Set<String> texts = ConcurrentHashMap.newKeySet();
    private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Upload> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Deque<Long> window = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(1_860_000_000_000_000_000L);
    private volatile int postsPerWindow;
    private volatile long windowSeconds = 86_400;

    /** OAuth 1.0a credentials the fake accepts, and an optional OAuth 2 user token. */
    public record Credentials(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret,
                              String oauth2UserToken) {
    }

    /** A post X accepted, with the media ids it carries (empty: text only). */
    public record Post(String id, String text, List<String> mediaIds) {
        public Post {
            mediaIds = List.copyOf(mediaIds);
        }
    }

    /** A media file X accepted: its id, category and bytes exactly as received. */
    public record Upload(String id, String category, byte[] bytes) {
        public Upload {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** X's size limit for an image upload ({@code tweet_image}). */
    static final int IMAGE_MAX_BYTES = 5 * 1024 * 1024;
    static final String MEDIA_UPLOAD_PATH = "/2/media/upload";

    /** Checks requests against the bundled X OpenAPI spec ({@link ApiSpecs#x()}). */
    public FakeX(Clock clock, Credentials credentials) {
        super(clock);
        this.spec = ApiSpecs.x();
        this.credentials = credentials;
    }

    public static FakeX start(Credentials credentials) {
        return new FakeX(Clock.systemUTC(), credentials);
    }

    public OpenApiSpec spec() {
        return spec;
    }

    /** At most {@code posts} per {@code seconds} (X Basic: 100 per 24 h per user). */
    public FakeX limitPosts(int posts, long seconds) {
        this.postsPerWindow = posts;
        this.windowSeconds = seconds;
        return this;
    }

    public List<Post> posts() {
        synchronized (posts) {
            return List.copyOf(posts);
        }
    }

    /** Every media upload accepted, in arrival order. */
    public List<Upload> uploads() {
        synchronized (uploads) {
            return List.copyOf(uploads.values());
        }
    }

    @Override
    protected List<String> validate(RecordedRequest request) {
        if (!request.bodyProblem().isEmpty()) {
            return List.of(request.bodyProblem());
        }
        boolean multipart = request.form().isPresent();
        if (!multipart && !request.body().isEmpty() && request.json() == null) {
            return List.of("body is not JSON");
        }
        List<String> violations = new ArrayList<>(spec.validate(request.method(), request.path(), request.query(),
                request.json(), multipart ? "multipart/form-data" : "application/json"));
        if (request.path().equals(MEDIA_UPLOAD_PATH) && request.method().equals("POST") && request.json() != null) {
            violations.addAll(mediaViolations(request));
            return violations;
        }
        if (multipart) {
            violations.add(request.method() + " " + request.path() + " is JSON only here, was multipart/form-data");
            return violations;
        }
        if (request.path().equals("/2/tweets") && request.method().equals("POST") && request.json() != null) {
            String text = request.json().path("text").asText("");
            if (text.isEmpty() && !request.json().has("media")) {
                violations.add("$.text: required unless media is provided");
            }
            int length = weightedLength(text);
            if (length > 280) {
                violations.add("$.text: " + length + " weighted characters exceed 280");
            }
        }
        return violations;
    }

    @Override
    protected Response invalid(RecordedRequest request, List<String> violations) {
        ObjectNode body = json.createObjectNode();
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        var errors = body.putArray("errors");
        violations.forEach(violation -> errors.addObject().put("message", violation));
        return Response.json(400, write(body));
    }

    @Override
    protected Response fault(Fault fault, RecordedRequest request) {
        return switch (fault.kind()) {
            case RATE_LIMITED -> tooManyRequests(clock.instant().getEpochSecond() + (long) Math.ceil(fault.retryAfterSeconds()));
            case FORBIDDEN -> problem(403, "Forbidden", "You are not permitted to perform this action.");
            default -> problem(fault.status(), "Service Unavailable", "Service Unavailable");
        };
    }

    @Override
    protected Response serve(RecordedRequest request) {
        String authorization = request.headers().get("authorization");
        if (!authorized(request, authorization)) {
            return problem(401, "Unauthorized", "Unauthorized");
        }
        if (request.path().equals(MEDIA_UPLOAD_PATH) && request.method().equals("POST")) {
            return upload(request);
        }
        if (!(request.path().equals("/2/tweets") && request.method().equals("POST"))) {
            return problem(404, "Not Found Error", "Not found");
        }
        List<String> mediaIds = new ArrayList<>();
        request.json().path("media").path("media_ids").forEach(id -> mediaIds.add(id.asText()));
        for (String mediaId : mediaIds) {
            if (!uploads.containsKey(mediaId)) {
                return problem(400, "Invalid Request", "Your media IDs are invalid: " + mediaId + " was never uploaded");
            }
        }
        Long reset = admit();
        if (reset != null) {
            countThrottledByLimit();
            return tooManyRequests(reset);
        }
        String text = request.json().path("text").asText("");
        if (!texts.add(text)) {
            return problem(403, "Forbidden", DUPLICATE_CONTENT);
        }
        String id = Long.toString(ids.incrementAndGet());
        posts.add(new Post(id, text, mediaIds));
        ObjectNode body = json.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.put("id", id);
        data.put("text", text);
        data.putArray("edit_history_tweet_ids").add(id);
        return Response.json(201, write(body));
    }

    /**
     * What X refuses in a one-shot upload that the schema cannot express: no media, media that is not a file part of
     * a multipart body or base64 in JSON, an image that is not PNG, JPEG, GIF or WebP, or one over 5 MB.
     */
    private static List<String> mediaViolations(RecordedRequest request) {
        Optional<byte[]> media = media(request);
        if (media.isEmpty()) {
            return List.of(request.form().isPresent() ? "media must be a file part of the multipart body"
                    : "media must be the file in base64");
        }
        List<String> violations = new ArrayList<>();
        String category = request.json().path("media_category").asText("");
        if (category.equals("tweet_image") || category.equals("dm_image")) {
            byte[] bytes = media.get();
            if (bytes.length > IMAGE_MAX_BYTES) {
                violations.add("media is " + bytes.length + " bytes, more than the 5 MB an image may have");
            }
            if (imageType(bytes).isEmpty()) {
                violations.add("media of category " + category + " is not a PNG, JPEG, GIF or WebP image");
            }
        }
        return violations;
    }

    private static Optional<byte[]> media(RecordedRequest request) {
        if (request.form().isPresent()) {
            return request.form().get().part("media").filter(FormPart::isFile).map(FormPart::bytes);
        }
        try {
            return Optional.of(Base64.getDecoder().decode(request.json().path("media").asText("")))
                    .filter(bytes -> bytes.length > 0);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    static Optional<String> imageType(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, new byte[] {'G', 'I', 'F', '8'})) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 0, new byte[] {'R', 'I', 'F', 'F'}) && startsWith(bytes, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the media and answers the spec's {@code MediaUploadResponse}. */
    private Response upload(RecordedRequest request) {
        byte[] bytes = media(request).orElseThrow();
        String category = request.json().path("media_category").asText();
        String id = Long.toString(ids.incrementAndGet());
        uploads.put(id, new Upload(id, category, bytes));
        ObjectNode body = json.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.put("id", id);
        data.put("media_key", "3_" + id);
        data.put("size", bytes.length);
        data.put("expires_after_secs", 86_400);
        imageType(bytes).ifPresent(type -> data.putObject("image").put("image_type", type));
        return Response.json(200, write(body));
    }

    private boolean authorized(RecordedRequest request, String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.startsWith("Bearer ")) {
            return credentials.oauth2UserToken() != null
                    && OAuth1Signature.matches(credentials.oauth2UserToken(), authorization.substring(7));
        }
        Map<String, String> oauth = OAuth1Signature.parseHeader(authorization);
        String signature = oauth.remove("oauth_signature");
        if (signature == null || !credentials.consumerKey().equals(oauth.get("oauth_consumer_key"))
                || !credentials.accessToken().equals(oauth.get("oauth_token"))
                || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
            return false;
        }
        Map<String, String> signed = new HashMap<>(oauth);
        signed.remove("realm");
        signed.putAll(request.query());
        String baseUrl = "http://" + request.headers().getOrDefault("host", "127.0.0.1:" + port()) + request.path();
        String expected = OAuth1Signature.sign(request.method(), baseUrl, signed, credentials.consumerSecret(),
                credentials.accessTokenSecret());
        return OAuth1Signature.matches(expected, signature);
    }

    /** Null when admitted, else the epoch second the window resets. */
    private synchronized Long admit() {
        if (postsPerWindow <= 0) {
            return null;
        }
        long now = clock.instant().getEpochSecond();
        while (!window.isEmpty() && window.peekFirst() <= now - windowSeconds) {
            window.pollFirst();
        }
        if (window.size() >= postsPerWindow) {
            return window.peekFirst() + windowSeconds;
        }
        window.addLast(now);
        return null;
    }

    private Response tooManyRequests(long resetEpochSeconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-rate-limit-limit", Integer.toString(Math.max(1, postsPerWindow)));
        headers.put("x-rate-limit-remaining", "0");
        headers.put("x-rate-limit-reset", Long.toString(resetEpochSeconds));
        ObjectNode body = json.createObjectNode();
        body.put("title", "Too Many Requests");
        body.put("detail", "Too Many Requests");
        body.put("type", "about:blank");
        body.put("status", 429);
        return new Response(429, headers, write(body));
    }

    private Response problem(int status, String title, String detail) {
        ObjectNode body = json.createObjectNode();
        body.put("title", title);
        body.put("detail", detail);
        body.put("type", "about:blank");
        body.put("status", status);
        return Response.json(status, write(body));
    }

    /**
     * X's weighted length: {@code http(s)://} links 23, Latin and general punctuation 1, everything else 2.
     * A bare domain ({@code alphacast.io/x}) counts as the lesser of 23 and its own weight: X links it only
     * when its TLD is one X knows, and the fake must never refuse a post X would accept. Clients count
     * strictly (bots' {@code TweetLength}); the fake only refuses what is too long under either reading.
     */
    static int weightedLength(String text) {
        int length = 0;
        Matcher url = LINK.matcher(text);
        int position = 0;
        while (url.find()) {
            int link = url.group(1) != null ? 23 : Math.min(23, weigh(url.group()));
            length += weigh(text.substring(position, url.start())) + link;
            position = url.end();
        }
        return length + weigh(text.substring(position));
    }

    private static int weigh(String text) {
        return text.codePoints().map(c -> c <= 4351 || (c >= 8192 && c <= 8205) || (c >= 8208 && c <= 8223)
                || (c >= 8242 && c <= 8247) ? 1 : 2).sum();
    }

    JsonNode document() {
        return spec.document();
    }
}
