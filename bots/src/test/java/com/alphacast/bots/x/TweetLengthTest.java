package com.alphacast.bots.x;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TweetLengthTest {

    private static final int URL = TweetLength.URL_LENGTH;

    @Test
    void bareDomainsWithAKnownTopLevelDomainCountAsUrls() {
        assertThat(TweetLength.of("alphacast.io/x")).isEqualTo(URL);
        assertThat(TweetLength.of("join alphacast.io/premium-signals-for-futures-traders now"))
                .isEqualTo("join ".length() + URL + " now".length());
        assertThat(TweetLength.of("www.example.com")).isEqualTo(URL);
        assertThat(TweetLength.of("docs at alphacast.com")).isEqualTo("docs at ".length() + URL);
        assertThat(TweetLength.of("ALPHACAST.COM/X")).isEqualTo(URL);
        assertThat(TweetLength.of("alphacast.co")).as(".co links even without a path").isEqualTo(URL);
    }

    @Test
    void trailingPunctuationIsNotPartOfTheUrl() {
        for (String punctuation : new String[] {".", ",", ";", ":", "!", "?", ")"}) {
            assertThat(TweetLength.of("alphacast.io/x" + punctuation)).as(punctuation).isEqualTo(URL + 1);
            assertThat(TweetLength.of("https://alphacast.io/x" + punctuation)).as("https " + punctuation).isEqualTo(URL + 1);
        }
        assertThat(TweetLength.of("(see alphacast.io/x).")).isEqualTo("(see ".length() + URL + 2);
        assertThat(TweetLength.of("alphacast.io/x...!?")).isEqualTo(URL + 5);
        assertThat(TweetLength.of("en.wikipedia.org/wiki/Gamma_(finance)")).as("a balanced parenthesis belongs to the URL")
                .isEqualTo(URL);
    }

    @Test
    void textThatOnlyLooksLikeADomainIsCountedAsText() {
        assertThat(TweetLength.of("ES.Z6")).isEqualTo(5);
        assertThat(TweetLength.of("alphacast.io")).as("two-label country-code domain without a path").isEqualTo(12);
        assertThat(TweetLength.of("ops@alphacast.com")).as("e-mail address").isEqualTo(17);
        assertThat(TweetLength.of("$alphacast.com #alphacast.com")).isEqualTo(29);
        assertThat(TweetLength.of("file.txt and build.gradle")).isEqualTo(25);
        assertThat(TweetLength.of("v1.2.3 at 5012.25")).isEqualTo(17);
    }

    @Test
    void protocolLinksAndWideCharactersKeepTheirWeights() {
        assertThat(TweetLength.of("see https://example.com/a/very/long/path/that/is/long?x=1")).isEqualTo(4 + URL);
        assertThat(TweetLength.of("http://localhost:8080/x")).isEqualTo(URL);
        assertThat(TweetLength.of("日本 alphacast.io/x")).isEqualTo(5 + URL);
    }
}
