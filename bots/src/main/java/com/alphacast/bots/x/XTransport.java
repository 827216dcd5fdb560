package com.alphacast.bots.x;

import com.alphacast.bots.delivery.PlatformTransport;
import com.alphacast.bots.delivery.SendOutcome;
import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.core.distribution.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * 429 → wait until {@code x-rate-limit-reset} (epoch seconds) for the whole account; 401/403 (including
 * duplicate content) and 400 → permanent; 5xx and network failures → transient.
 */
public final class XTransport implements PlatformTransport {

    private final TwitterV2 v2;
    private final Clock clock;

    public XTransport(TwitterV2 v2, Clock clock) {
        this.v2 = Objects.requireNonNull(v2, "v2");
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
        return new XTransport(TwitterV2ExKt.getV2(twitter), clock);
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
        try {
            CreateTweetResponse response = v2.createTweet(null, null, null, null, null, null, null, null, null, null, null, text);
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
        if (status >= 500 || status <= 0 || e.isCausedByNetworkIssue()) {
            return new SendOutcome.Transient("X " + status + ": " + e.getMessage());
        }
        return new SendOutcome.Permanent("X " + status + ": " + e.getMessage());
    }
}
