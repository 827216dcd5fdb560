package com.alphacast.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** A secret's value, or a token pasted into settings, never shows in an error's message or cause chain. */
class SecretValuesStayOutOfErrorsTest {

    private static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    /** A Discord bot token: a JSON parser quotes it whole as an "unrecognized token". */
    private static final String BOT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.MnOpQrStUvWxYz0123456789abcd";

    private static SecretResolver resolverHolding(String secretString) {
        SecretsManagerClient secretsManager = new SecretsManagerClient() {
            @Override
            public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
                return GetSecretValueResponse.builder().name(request.secretId()).secretString(secretString).build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
        return new SecretResolver(Map.of(), () -> {
            throw new AssertionError("no SSM");
        }, () -> secretsManager);
    }

    /** Every message and toString through causes and suppressed exceptions. */
    private static List<String> texts(Throwable thrown) {
        List<String> texts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(thrown));
        while (!pending.isEmpty()) {
            Throwable next = pending.remove(pending.size() - 1);
            if (next != null && seen.add(next)) {
                texts.add(String.valueOf(next));
                pending.add(next.getCause());
                pending.addAll(List.of(next.getSuppressed()));
            }
        }
        return texts;
    }

    private static void assertNoPieceOf(String secret, Throwable thrown) {
        assertThat(thrown).isNotNull();
        for (String text : texts(thrown)) {
            for (int i = 0; i + 6 <= secret.length(); i++) {
                assertThat(text).as("6-character piece of the secret").doesNotContain(secret.substring(i, i + 6));
            }
        }
    }

    @Test
    void secretThatIsNotJsonIsNamedByReferenceNotByValue() {
        Throwable thrown = catchThrowable(() -> resolverHolding(BOT_TOKEN).resolve("secretsmanager:alphacast/discord#botToken"));
        assertThat(thrown).isInstanceOf(ConfigException.class).hasMessageContaining("alphacast/discord").hasMessageContaining("not JSON");
        assertNoPieceOf(BOT_TOKEN, thrown);
    }

    @Test
    void halfWrittenJsonSecretIsNotQuotedEither() {
        String secret = "{\"botToken\": \"" + TOKEN + "\", \"webhooks\": ";
        Throwable thrown = catchThrowable(() -> resolverHolding(secret).resolve("secretsmanager:alphacast/discord#botToken"));
        assertNoPieceOf(TOKEN, thrown);
    }

    @Test
    void tokenGivenWhereAReferenceBelongsIsNotEchoed() {
        assertNoPieceOf(TOKEN, catchThrowable(() -> resolverHolding("{}").resolve(TOKEN)));
    }

    @Test
    void tokenPastedUnderTheWrongSettingsKeyIsNotEchoed() {
        SettingsLoader loader = new SettingsLoader(Optional.empty());
        for (String yaml : List.of(
                "distribution:\n  channels:\n    telegram:\n      sink: \"" + TOKEN + "\"\n",
                "distribution:\n  channels:\n    telegram:\n      credential: \"" + TOKEN + "\"\n",
                "replay:\n  speed: \"" + TOKEN + "\"\n",
                "market:\n  timeZone: \"" + TOKEN + "\"\n",
                "risk:\n  maxOpenPositions: \"" + TOKEN + "\"\n",
                "market:\n  tickSize: \"" + TOKEN + "\"\n",
                "risk: \"" + TOKEN + "\"\n",
                "distribution:\n  tiers:\n    premium:\n      destinations:\n        telegram: \"" + TOKEN + "\"\n",
                "market:\n  symbol: \"" + TOKEN + "\n  instrument: [\n")) {
            Throwable thrown = catchThrowable(() -> loader.parse("t", "t.yaml", yaml));
            assertThat(thrown).as(yaml).isInstanceOf(ConfigException.class).hasMessageStartingWith("t.yaml");
            assertNoPieceOf(TOKEN, thrown);
        }
    }
}
