package com.alphacast.localcloud.dynamodb;

import com.alphacast.localcloud.template.Properties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/**
 * An {@code AWS::DynamoDB::Table} as the local cloud will create it: the exact {@link CreateTableRequest} (keys,
 * attribute definitions, billing, GSIs, LSIs, stream) plus the TTL attribute, which DynamoDB sets separately.
 */
public record TableDefinition(String logicalId, String tableName, CreateTableRequest createRequest,
                              Optional<String> timeToLiveAttribute) {

    public static final Set<String> HONOURED = Set.of("TableName", "KeySchema", "AttributeDefinitions", "BillingMode",
            "ProvisionedThroughput", "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "TimeToLiveSpecification",
            "StreamSpecification");
    /** Durability, encryption, cost and operational settings with no observable effect on a local table. */
    public static final Set<String> IGNORED = Set.of("Tags", "SSESpecification", "PointInTimeRecoverySpecification",
            "DeletionProtectionEnabled", "ContributorInsightsSpecification", "TableClass", "ResourcePolicy",
            "OnDemandThroughput", "WarmThroughput");

    public static TableDefinition from(String tableName, Properties properties) {
        properties.allowOnly(HONOURED, IGNORED);
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(tableName);

        List<KeySchemaElement> keys = keySchema(properties, "KeySchema");
        request.keySchema(keys);
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<Properties> declared = properties.objects("AttributeDefinitions");
        if (declared.isEmpty()) {
            throw properties.refuse("AttributeDefinitions", "is required");
        }
        for (Properties attribute : declared) {
            attribute.allowOnly(Set.of("AttributeName", "AttributeType"), Set.of());
            String type = attribute.requiredString("AttributeType");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw attribute.refuse("AttributeType", "'" + type + "' is not S, N or B");
            }
            attributes.add(AttributeDefinition.builder().attributeName(attribute.requiredString("AttributeName"))
                    .attributeType(type).build());
        }
        request.attributeDefinitions(attributes);

        String billing = properties.string("BillingMode").orElse("PROVISIONED");
        boolean provisioned;
        switch (billing) {
            case "PAY_PER_REQUEST" -> {
                provisioned = false;
                request.billingMode(BillingMode.PAY_PER_REQUEST);
                if (properties.has("ProvisionedThroughput")) {
                    throw properties.refuse("ProvisionedThroughput", "must not be set with BillingMode PAY_PER_REQUEST");
                }
            }
            case "PROVISIONED" -> {
                provisioned = true;
                request.billingMode(BillingMode.PROVISIONED);
                request.provisionedThroughput(throughput(properties, "ProvisionedThroughput"));
            }
            default -> throw properties.refuse("BillingMode", "'" + billing + "' is not PAY_PER_REQUEST or PROVISIONED");
        }

        List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        for (Properties index : properties.objects("GlobalSecondaryIndexes")) {
            index.allowOnly(Set.of("IndexName", "KeySchema", "Projection", "ProvisionedThroughput"),
                    Set.of("ContributorInsightsSpecification", "OnDemandThroughput", "WarmThroughput"));
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(index.requiredString("IndexName"))
                    .keySchema(keySchema(index, "KeySchema"))
                    .projection(projection(index));
            if (provisioned) {
                gsi.provisionedThroughput(throughput(index, "ProvisionedThroughput"));
            } else if (index.has("ProvisionedThroughput")) {
                throw index.refuse("ProvisionedThroughput", "must not be set with BillingMode PAY_PER_REQUEST");
            }
            globalIndexes.add(gsi.build());
        }
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }

        List<LocalSecondaryIndex> localIndexes = new ArrayList<>();
        for (Properties index : properties.objects("LocalSecondaryIndexes")) {
            index.allowOnly(Set.of("IndexName", "KeySchema", "Projection"), Set.of());
            localIndexes.add(LocalSecondaryIndex.builder().indexName(index.requiredString("IndexName"))
                    .keySchema(keySchema(index, "KeySchema")).projection(projection(index)).build());
        }
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }

        properties.object("StreamSpecification").ifPresent(stream -> {
            stream.allowOnly(Set.of("StreamViewType"), Set.of("ResourcePolicy"));
            String view = stream.requiredString("StreamViewType");
            if (!Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(view)) {
                throw stream.refuse("StreamViewType", "'" + view + "' is not a stream view type");
            }
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true).streamViewType(view).build());
        });

        Optional<String> ttl = properties.object("TimeToLiveSpecification").flatMap(spec -> {
            spec.allowOnly(Set.of("AttributeName", "Enabled"), Set.of());
            boolean enabled = spec.bool("Enabled").orElseThrow(() -> spec.refuse("Enabled", "is required"));
            String attribute = spec.string("AttributeName").orElse(null);
            if (enabled && attribute == null) {
                throw spec.refuse("AttributeName", "is required when Enabled is true");
            }
            return enabled ? Optional.of(attribute) : Optional.empty();
        });
        return new TableDefinition(properties.resource(), tableName, request.build(), ttl);
    }

    private static List<KeySchemaElement> keySchema(Properties owner, String key) {
        List<Properties> elements = owner.objects(key);
        if (elements.isEmpty() || elements.size() > 2) {
            throw owner.refuse(key, "needs a HASH key and at most one RANGE key");
        }
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Properties element : elements) {
            element.allowOnly(Set.of("AttributeName", "KeyType"), Set.of());
            String type = element.requiredString("KeyType");
            if (!type.equals("HASH") && !type.equals("RANGE")) {
                throw element.refuse("KeyType", "'" + type + "' is not HASH or RANGE");
            }
            keys.add(KeySchemaElement.builder().attributeName(element.requiredString("AttributeName")).keyType(type).build());
        }
        return keys;
    }

    private static Projection projection(Properties index) {
        Properties projection = index.object("Projection").orElseThrow(() -> index.refuse("Projection", "is required"));
        projection.allowOnly(Set.of("ProjectionType", "NonKeyAttributes"), Set.of());
        String type = projection.string("ProjectionType").orElse("KEYS_ONLY");
        if (!Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw projection.refuse("ProjectionType", "'" + type + "' is not ALL, KEYS_ONLY or INCLUDE");
        }
        Projection.Builder builder = Projection.builder().projectionType(type);
        List<String> nonKey = projection.strings("NonKeyAttributes");
        if (!nonKey.isEmpty()) {
            if (!type.equals("INCLUDE")) {
                throw projection.refuse("NonKeyAttributes", "only allowed with ProjectionType INCLUDE");
            }
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Properties owner, String key) {
        Properties throughput = owner.object(key).orElseThrow(() ->
                owner.refuse(key, "is required when BillingMode is PROVISIONED (the default)"));
        throughput.allowOnly(Set.of("ReadCapacityUnits", "WriteCapacityUnits"), Set.of());
        return ProvisionedThroughput.builder()
                .readCapacityUnits((long) throughput.integer("ReadCapacityUnits", 1, Integer.MAX_VALUE)
                        .orElseThrow(() -> throughput.refuse("ReadCapacityUnits", "is required")))
                .writeCapacityUnits((long) throughput.integer("WriteCapacityUnits", 1, Integer.MAX_VALUE)
                        .orElseThrow(() -> throughput.refuse("WriteCapacityUnits", "is required")))
                .build();
    }
}
