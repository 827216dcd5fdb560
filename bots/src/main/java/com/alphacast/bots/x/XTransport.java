package com.alphacast.bots.x;

import com.alphacast.bots.delivery.PlatformTransport;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import twitter4j.CreateTweetResponse;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterV2;
import twitter4j.TwitterV2ExKt;
import twitter4j.V2ConfigurationKt;
import twitter4j.conf.ConfigurationBuilder;

/**
 * Posts rendered X posts through twitter4j's API v2 add-on with OAuth 1.0a user context. Classification:
 * 429 → wait until {@code x-rate-limit-reset} (epoch seconds) for the whole account; 403 "duplicate content"
 * → accepted (reference {@value #DUPLICATE_REFERENCE}): deliveries are keyed so we never post the same text
 * twice on purpose, so a duplicate means an earlier attempt whose answer was lost (a timeout) went live;
 * other 401/403 and 400 → permanent; 5xx and network failures → transient.
 *
 * <p>A post with an image ({@link PlatformRequest#attachment()}, the briefing's chart) is two calls: the image is
 * uploaded first ({@link XMediaUpload}), then the post names its media id in place of
 * {@value XRenderer#MEDIA_ID_PLACEHOLDER}. A failed upload fails the whole request the way its answer says
 * (transient: the delivery is retried; permanent: rejected), so the post never goes out without its image. The upload
 * is not part of the delivery's idempotency key, the post is: a retry after the upload succeeded and the post failed
 * uploads again (an unused upload is invisible and expires) and posts once; a post whose answer was lost is refused as
 * a duplicate on the retry and counts as sent.
 */
public final class XTransport implements PlatformTransport {

    /** The reference of a post X already had: its id is in the lost answer, not in the 403. */
    public static final String DUPLICATE_REFERENCE = "duplicate";
    /** X API v1.1's error code for a duplicate status, still seen behind some gateways. */
    private static final int LEGACY_DUPLICATE_CODE = 187;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TwitterV2 v2;
    private final XMediaUpload media;
    private final Clock clock;

    public XTransport(TwitterV2 v2, XMediaUpload media, Clock clock) {
        this.v2 = Objects.requireNonNull(v2, "v2");
        this.media = Objects.requireNonNull(media, "media");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param apiBase {@code https://api.twitter.com} in production (the v2 base becomes {@code apiBase + "/2/"})
     */
    public static XTransport create(String apiBase, XCredentials credentials, Duration timeout, Clock clock) {
        ConfigurationBuilder configuration = new ConfigurationBuilder()
                .setOAuthConsumerKey(credentials.consumerKey())
                .setOAuthConsumerSecret(credentials.consumerSecret())
                .setOAuthAccessToken(credentials.accessToken())
                .setOAuthAccessTokenSecret(credentials.accessTokenSecret())
                .setHttpConnectionTimeout((int) timeout.toMillis())
                .setHttpReadTimeout((int) timeout.toMillis())
                .setHttpRetryCount(0)
                .setTrimUserEnabled(true);
        Twitter twitter = new TwitterFactory(configuration.build()).getInstance();
        String base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        V2ConfigurationKt.getV2Configuration(twitter.getConfiguration()).setBaseURL(base + "/2/");
        XMediaUpload media = new XMediaUpload(HttpClient.newBuilder().connectTimeout(timeout).build(),
                twitter.getAuthorization(), base, timeout, clock);
        return new XTransport(TwitterV2ExKt.getV2(twitter), media, clock);
    }

    @Override
    public Channel channel() {
        return Channel.X;
    }

    @Override
    public SendOutcome send(PlatformRequest request) {
        if (!request.path().equals(XRenderer.CREATE_POST_PATH) || !request.body().has("text")) {
            return new SendOutcome.Permanent("this transport creates posts, not " + request.method() + " " + request.path());
        }
        String text = request.body().get("text").asText();
        Long[] mediaIds = null;
        if (request.attachment().isPresent()) {
            SendOutcome uploaded = media.upload(request.attachment().get());
            if (!(uploaded instanceof SendOutcome.Accepted accepted)) {
                return uploaded;
            }
            mediaIds = new Long[] {Long.parseLong(accepted.reference())};
        }
        JsonNode replyTo = request.body().path("reply").path("in_reply_to_tweet_id");
        Long inReplyTo = replyTo.isTextual() && replyTo.asText().matches("[0-9]{1,18}") ? Long.valueOf(replyTo.asText()) : null;
        try {
            CreateTweetResponse response = v2.createTweet(null, null, null, mediaIds, null, null, null, null, null,
                    inReplyTo, null, text);
            return new SendOutcome.Accepted(Long.toString(response.getId()));
        } catch (TwitterException e) {
            return classify(e);
        }
    }

    /**
     * twitter4j looks headers up case-sensitively (and throws when absent), while servers differ in case:
     * HTTP/2 sends lower case, HTTP/1.1 servers often capitalise.
     */
    private static String resetHeader(TwitterException e) {
        for (String name : new String[] {"x-rate-limit-reset", "X-Rate-Limit-Reset", "X-rate-limit-reset"}) {
            try {
                String value = e.getResponseHeader(name);
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException absent) {
                // twitter4j 4.0.7 throws NullPointerException for a header it does not have
            }
        }
        return null;
    }

    /**
     * Whether the 403 body says the post is a duplicate: X API v2's problem
     * {@code {"detail":"You are not allowed to create a Tweet with duplicate content.", "title":"Forbidden", ...}}
     * or v1.1's {@code {"errors":[{"code":187,"message":"Status is a duplicate."}]}}. twitter4j keeps the raw
     * body in the exception message.
     */
    static boolean duplicateContent(TwitterException e) {
        if (e.getErrorCode() == LEGACY_DUPLICATE_CODE) {
            return true;
        }
        String message = e.getMessage();
        int start = message == null ? -1 : message.indexOf('{');
        int end = message == null ? -1 : message.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return false;
        }
        JsonNode body;
        try {
            body = JSON.readTree(message.substring(start, end + 1));
        } catch (IOException notJson) {
            return false;
        }
        if (body.path("detail").asText("").toLowerCase(Locale.ROOT).contains("duplicate content")) {
            return true;
        }
        for (JsonNode error : body.path("errors")) {
            if (error.path("code").asInt() == LEGACY_DUPLICATE_CODE) {
                return true;
            }
        }
        return false;
    }

    SendOutcome classify(TwitterException e) {
        int status = e.getStatusCode();
        if (status == 429) {
            String reset = resetHeader(e);
            Duration wait = Duration.ofSeconds(60);
            if (reset != null) {
                try {
                    wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
                } catch (NumberFormatException ignored) {
                    // keep the default
                }
            } else if (e.getRateLimitStatus() != null) {
                wait = Duration.ofSeconds(Math.max(1, e.getRateLimitStatus().getSecondsUntilReset()));
            }
            return new SendOutcome.Throttled(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait, true,
                    "X posting limit until reset " + reset);
        }
        if (status == 403 && duplicateContent(e)) {
            return new SendOutcome.Accepted(DUPLICATE_REFERENCE);
        }
        if (status >= 500 || status <= 0 || e.isCausedByNetworkIssue()) {
            return new SendOutcome.Transient("X " + status + ": " + e.getMessage());
        }
        return new SendOutcome.Permanent("X " + status + ": " + e.getMessage());
    }
}
