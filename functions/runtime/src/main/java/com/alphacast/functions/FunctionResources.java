package com.alphacast.functions;

import com.alphacast.aws.AwsClients;
import com.alphacast.aws.config.SettingsLoader;
import com.alphacast.aws.json.JsonCodec;
import com.alphacast.core.settings.AlphacastSettings;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every handler is built from: its environment (as template.yaml declares it), the settings profile
 * it names, and the AWS clients. Built once per execution environment, in the handler's constructor, so
 * a SnapStart snapshot already holds loaded settings and configured clients.
 */
public final class FunctionResources {

    private final Map<String, String> environment;
    private final AwsClients clients;
    private final AlphacastSettings settings;
    private final JsonCodec json = new JsonCodec();
    private DynamoDbClient dynamoDb;
    private SqsClient sqs;

    public FunctionResources(Map<String, String> environment) {
        this(environment, new AwsClients(environment));
    }

    /** Like {@link #FunctionResources(Map)}, with clients built another way (e.g. with a bench's interceptors). */
    public FunctionResources(Map<String, String> environment, AwsClients clients) {
        this.environment = Map.copyOf(environment);
        this.clients = clients;
        this.settings = SettingsLoader.fromEnvironment(environment).load(require("ALPHACAST_PROFILE"));
    }

    /** The value of a variable template.yaml declares; a missing one is a deployment error, named. */
    public String require(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name
                    + " is not set; template.yaml declares it for this function");
        }
        return value;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public AlphacastSettings settings() {
        return settings;
    }

    public JsonCodec json() {
        return json;
    }

    public AwsClients clients() {
        return clients;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = clients.dynamoDb();
        }
        return dynamoDb;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = clients.sqs();
        }
        return sqs;
    }

    /** How long snapshots and delivery records are kept (RETENTION_DAYS, default 30). */
    public Duration retention() {
        String days = environment.getOrDefault("RETENTION_DAYS", "30");
        try {
            return Duration.ofDays(Long.parseLong(days.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable RETENTION_DAYS must be a whole number of days, was '" + days + "'");
        }
    }
}
