package com.alphacast.aws;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * clients (url-connection starts fastest), with {@link RequestTimeouts} so a hung request is given up in seconds; a
 * plain-HTTP endpoint (the local cloud's) gets {@link NoDelayHttpClient}.
 *
 * <p>Honoured keys: {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), {@code AWS_ENDPOINT_URL} and the
 * per-service {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code _SQS}, {@code _SSM}, {@code _SECRETS_MANAGER}, {@code _BEDROCK_RUNTIME},
 * and {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}.
 */
public final class AwsClients {

    private final Map<String, String> environment;
    private final List<ExecutionInterceptor> interceptors;
    private final RequestTimeouts timeouts;

    public AwsClients(Map<String, String> environment) {
        this(environment, List.of());
    }

    /**
     * Like {@link #AwsClients(Map)}, with {@code interceptors} on every client it builds (benches count the requests
     * a code path makes with them).
     */
    public AwsClients(Map<String, String> environment, List<ExecutionInterceptor> interceptors) {
        this(environment, interceptors, RequestTimeouts.STANDARD);
    }

    /** Like {@link #AwsClients(Map, List)}, with {@code timeouts} for the DynamoDB, SQS, SSM and Secrets Manager clients. */
    public AwsClients(Map<String, String> environment, List<ExecutionInterceptor> interceptors,
                      RequestTimeouts timeouts) {
        this.environment = Map.copyOf(environment);
        this.interceptors = List.copyOf(interceptors);
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
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
     * the briefing's deadline, and two retry loops would multiply the waits. Not with {@link RequestTimeouts}: a model
     * is silent for seconds while it writes its answer, and each request carries the model settings' own timeout.
     */
    public BedrockRuntimeClient bedrockRuntime() {
        return configure(BedrockRuntimeClient.builder(), "BEDROCK_RUNTIME", Optional.empty(),
                override -> override.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public Region region() {
        return Region.of(value("AWS_REGION").or(() -> value("AWS_DEFAULT_REGION")).orElse("us-east-1"));
    }

    /** A request client: the request timeouts, no override beyond the interceptors. */
    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String service) {
        return configure(builder, service, Optional.of(timeouts), override -> { });
    }

    /**
     * {@code override} and the interceptors go into one override configuration: a second one would replace the first.
     * {@code timeouts}: the HTTP client's connect and read timeouts; none leaves the SDK's defaults for the service.
     */
    private <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, String service, Optional<RequestTimeouts> timeouts,
            Consumer<ClientOverrideConfiguration.Builder> override) {
        builder.region(region()).credentialsProvider(credentials());
        builder.overrideConfiguration(o -> {
            interceptors.forEach(o::addExecutionInterceptor);
            override.accept(o);
        });
        Optional<URI> endpoint = value("AWS_ENDPOINT_URL_" + service).or(() -> value("AWS_ENDPOINT_URL"))
                .map(URI::create);
        endpoint.ifPresent(builder::endpointOverride);
        boolean plainHttp = endpoint.map(URI::getScheme).filter("http"::equalsIgnoreCase).isPresent();
        if (plainHttp) {
            NoDelayHttpClient.Builder http = NoDelayHttpClient.builder();
            timeouts.ifPresent(t -> http.connectTimeout(t.connect()).readTimeout(t.read()));
            return builder.httpClientBuilder(http);
        }
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
        timeouts.ifPresent(t -> http.connectionTimeout(t.connect()).socketTimeout(t.read()));
        return builder.httpClientBuilder(http);
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
