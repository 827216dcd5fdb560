package com.alphacast.fakes.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiSpecsTest {

    @Test
    void bundledSpecsLoadFromTheClasspath() {
        assertThat(ApiSpecs.telegram().method("sendmessage")).contains("sendMessage");
        assertThat(ApiSpecs.discord().match("POST", "/webhooks/1/token")).isPresent();
        assertThat(ApiSpecs.x().match("POST", "/2/tweets")).isPresent();
    }

    @Test
    void missingSpecFailsNamingTheResourceAndWhereItShips() {
        assertThatThrownBy(() -> ApiSpecs.read("specs/slack/openapi.json"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'specs/slack/openapi.json' is not on the classpath")
                .hasMessageContaining("alphacast-platform-fakes");
    }
}
