package com.alphacast.bots.x;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.bots.Fixtures;
import com.alphacast.core.publication.Publication;
import com.alphacast.bots.render.BriefingComposer;
import com.alphacast.core.distribution.Tier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XRendererTest {

    @Test
    void countsUrlsAsTwentyThreeAndWideCharactersAsTwo() {
        assertThat(TweetLength.of("see https://example.com/a/very/long/path/that/is/long?x=1")).isEqualTo(4 + 23);
        assertThat(TweetLength.of("日本")).isEqualTo(4);
        assertThat(TweetLength.of("abc")).isEqualTo(3);
    }

    @Test
    void premiumDeliveryNeverLeaksPremiumDetailToX() {
        String text = new XRenderer(BriefingComposer.standard(), Optional.empty())
                .requestsFor(new Publication.NewSignal(Fixtures.longEs()), Tier.PREMIUM, "acct").get(0).body().get("text").asText();
        assertThat(text).contains("BUY ES (bullish)").doesNotContain("ESZ6", "4998", "5040.5", "5012.25", "Dealer", "73%");
    }

    @Test
    void longValuesAreShortenedToFitTheLimit() {
        var signal = Fixtures.longEs();
        var wide = new com.alphacast.core.signal.Signal(signal.id(), signal.strategy(), "日本".repeat(200), signal.instrument(),
                signal.direction(), signal.entry(), signal.stop(), signal.target(), 1, 0.5, "", signal.marketTime(),
                signal.observedAt());
        XRenderer renderer = new XRenderer(BriefingComposer.standard(), Optional.of("https://alphacast.example/" + "p".repeat(100)));
        for (Tier tier : Tier.values()) {
            String text = renderer.requestsFor(new Publication.NewSignal(wide), tier, "acct").get(0).body().get("text").asText();
            assertThat(TweetLength.of(text)).isLessThanOrEqualTo(280);
            assertThat(text).endsWith("p".repeat(100));
        }
    }
}
