package com.alphacast.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds AWS SDK clients from an explicit environment map rather than the process environment, so the
 * local cloud can give each in-process function its own endpoints. In Lambda the map is
 * {@code System.getenv()} and the result is what the SDK's defaults would build, minus the slow HTTP
 * clients (url-connection starts fastest); a plain-HTTP endpoint (the local cloud's) gets {@link NoDelayHttpClient}.
 *
 * <p>Honoured keys: {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), {@code AWS_ENDPOINT_URL} and the
 * per-service {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _SQS}, {@code _SSM}, {@code _SECRETS_MANAGER}, {@code _BEDROCK_RUNTIME},
 * and {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}.
 */
public final class AwsClients {

    private final Map<String, String> environment;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClients(Map<String, String> environment) {
        this(environment, List.of());
    }

    /**
     * Like {@link #AwsClients(Map)}, with {@code interceptors} on every client it builds (benches count the requests
     * a code path makes with them).
     */
    public AwsClients(Map<String, String> environment, List<ExecutionInterceptor> interceptors) {
        this.environment = Map.copyOf(environment);
        this.interceptors = List.copyOf(interceptors);
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").build();
    }

    public SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").build();
    }

    public SsmClient ssm() {
        return configure(SsmClient.builder(), "SSM").build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder(), "SECRETS_MANAGER").build();
    }

    /**
     * Bedrock Runtime with the SDK's own retries off: {@code RetryingLanguageModel} retries by its policy, inside
     * the briefing's deadline, and two retry loops would multiply the waits.
     */
    public BedrockRuntimeClient bedrockRuntime() {
        return configure(BedrockRuntimeClient.builder(), "BEDROCK_RUNTIME",
                override -> override.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public Region region() {
        return Region.of(value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION")).orElse("us-east-1"));
    }

    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        return configure(builder, service, override -> { });
    }

    /** {@code override} and the interceptors go into one override configuration: a second one would replace the first. */
    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String service, Consumer<ClientOverrideConfiguration.Builder> override) {
        builder.region(region()).credentialsProvider(credentials());
        builder.overrideConfiguration(o -> {
            interceptors.forEach(o::addExecutionInterceptor);
            override.accept(o);
        });
        Optional<URI> endpoint = value("AWS_ENDPOINT_URL_" + service).or(() -> value("AWS_ENDPOINT_URL"))
                .map(URI::create);
        endpoint.ifPresent(builder::endpointOverride);
        boolean plainHttp = endpoint.map(URI::getScheme).filter("http"::equalsIgnoreCase).isPresent();
        return builder.httpClientBuilder(plainHttp ? NoDelayHttpClient.builder() : UrlConnectionHttpClient.builder());
    }

    private AwsCredentialsProvider credentials() {
        Optional<String> keyId = value("AWS_ACCESS_KEY_ID");
        Optional<String> secret = value("AWS_SECRET_ACCESS_KEY");
        if (keyId.isPresent() && secret.isPresent()) {
            Optional<String> session = value("AWS_SESSION_TOKEN");
            return StaticCredentialsProvider.create(session.isPresent()
                    ? AwsSessionCredentials.create(keyId.get(), secret.get(), session.get())
                    : AwsBasicCredentials.create(keyId.get(), secret.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private Optional<String> value(String key) {
        return Optional.ofNullable(environment.get(key)).filter(v -> !v.isBlank());
    }
}
