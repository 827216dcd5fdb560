package com.alphacast.bots.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.delivery.SendOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscordTransportClassifyTest {

    private final DiscordTransport transport = DiscordTransport.create("http://127.0.0.1:9/api/v10", Optional.of("bot"), Map.of(),
            Duration.ofSeconds(1));

    private Duration wait(String body, String header) {
        SendOutcome outcome = transport.classify(429, body, Optional.ofNullable(header));
        assertThat(outcome).isInstanceOf(SendOutcome.Throttled.class);
        return ((SendOutcome.Throttled) outcome).retryAfter();
    }

    @Test
    void prefersTheBodysPreciseRetryAfterOverTheHeader() {
        assertThat(wait("{\"message\":\"You are being rate limited.\",\"retry_after\":0.347,\"global\":false}", "1"))
                .isEqualTo(Duration.ofMillis(347));
    }

    @Test
    void fallsBackToTheHeaderWhenTheBodyHasNoUsableRetryAfter() {
        assertThat(wait("<html>429 Too Many Requests</html>", "2.5")).isEqualTo(Duration.ofMillis(2500));
        assertThat(wait("{\"retry_after\":\"soon\"}", "3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(wait("{\"retry_after\":-1}", "4")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void malformedRetryAfterHeaderWaitsTheSafeDefaultInsteadOfThrowing() {
        assertThat(wait("", "Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(DiscordTransport.DEFAULT_RETRY_AFTER);
        assertThat(wait(null, "NaN")).isEqualTo(DiscordTransport.DEFAULT_RETRY_AFTER);
        assertThat(wait("{\"retry_after\":1e300}", "abc")).isEqualTo(DiscordTransport.DEFAULT_RETRY_AFTER);
        assertThat(wait("{}", null)).isEqualTo(DiscordTransport.DEFAULT_RETRY_AFTER);
    }

    @Test
    void globalLimitPausesTheWholeBot() {
        SendOutcome outcome = transport.classify(429, "{\"message\":\"global\",\"retry_after\":1.5,\"global\":true}", Optional.empty());
        assertThat(((SendOutcome.Throttled) outcome).wholeAccount()).isTrue();
    }
}
