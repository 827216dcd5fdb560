package com.alphacast.aws.config;

import com.alphacast.core.settings.Redaction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Fetches secrets named by references: {@code env:NAME} from the environment, {@code ssm:/name} from an SSM
 * SecureString parameter (decrypted), {@code secretsmanager:id} or {@code secretsmanager:id#key} from
 * Secrets Manager (the whole string, or one key of a JSON secret). {@code ${NAME}} inside a reference is
 * replaced from the environment first, so a template parameter can choose the parameter name.
 * The AWS clients are created only when a reference needs them. A resolved value never appears in an
 * exception's message or cause.
 */
public final class SecretResolver {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Map<String, String> environment;
    private final Supplier<SsmClient> ssm;
    private final Supplier<SecretsManagerClient> secretsManager;

    public SecretResolver(Map<String, String> environment, Supplier<SsmClient> ssm,
                          Supplier<SecretsManagerClient> secretsManager) {
        this.environment = Map.copyOf(environment);
        this.ssm = ssm;
        this.secretsManager = secretsManager;
    }

    public String resolve(String reference) {
        String expanded = expand(reference);
        if (expanded.startsWith("env:")) {
            String name = expanded.substring(4);
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new ConfigException("secret reference '" + reference + "': environment variable " + name + " is not set");
            }
            return value;
        }
        if (expanded.startsWith("ssm:")) {
            String name = expanded.substring(4);
            try {
                return ssm.get().getParameter(r -> r.name(name).withDecryption(true)).parameter().value();
            } catch (SdkException e) {
                throw new ConfigException("secret reference '" + reference + "': cannot read SSM parameter " + name
                        + ": " + e.getMessage(), e);
            }
        }
        if (expanded.startsWith("secretsmanager:")) {
            String spec = expanded.substring("secretsmanager:".length());
            int hash = spec.indexOf('#');
            String id = hash < 0 ? spec : spec.substring(0, hash);
            String secret;
            try {
                secret = secretsManager.get().getSecretValue(r -> r.secretId(id)).secretString();
            } catch (SdkException e) {
                throw new ConfigException("secret reference '" + reference + "': cannot read secret " + id + ": "
                        + e.getMessage(), e);
            }
            if (hash < 0) {
                return secret;
            }
            String key = spec.substring(hash + 1);
            try {
                JsonNode value = new ObjectMapper().readTree(secret).get(key);
                if (value == null || !value.isTextual()) {
                    throw new ConfigException("secret reference '" + reference + "': secret has no text key '" + key + "'");
                }
                return value.asText();
            } catch (JsonProcessingException e) {
                // Neither the parser's message nor the exception as cause: both quote the secret's text.
                throw new ConfigException("secret reference '" + reference + "': secret is not JSON (" + secret.length()
                        + " characters), cannot read key '" + key + "'");
            }
        }
        throw new ConfigException("not a secret reference (env:NAME, ssm:/name or secretsmanager:id#key): "
                + Redaction.preview(reference));
    }

    private String expand(String reference) {
        Matcher matcher = VARIABLE.matcher(reference);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = environment.get(matcher.group(1));
            if (value == null) {
                throw new ConfigException("secret reference '" + reference + "': environment variable "
                        + matcher.group(1) + " is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
