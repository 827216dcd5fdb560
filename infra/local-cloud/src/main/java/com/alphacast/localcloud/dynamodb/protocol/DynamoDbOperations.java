package com.alphacast.localcloud.dynamodb.protocol;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.operation.BatchOperations;
import com.alphacast.localcloud.dynamodb.operation.ItemOperations;
import com.alphacast.localcloud.dynamodb.operation.ReadOperations;
import com.alphacast.localcloud.dynamodb.operation.TableOperations;
import com.alphacast.localcloud.dynamodb.operation.TransactionOperations;
import com.alphacast.localcloud.dynamodb.storage.Database;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Maps each {@code X-Amz-Target} operation name to its implementation; refuses the DynamoDB features not offered. */
public final class DynamoDbOperations {

    /** Real DynamoDB operations this server does not implement, refused with a message saying so. */
    private static final Set<String> NOT_OFFERED = Set.of("UpdateTable", "ExecuteStatement", "BatchExecuteStatement",
            "ExecuteTransaction", "DescribeStream", "GetRecords", "GetShardIterator", "ListStreams",
            "CreateBackup", "DeleteBackup", "DescribeBackup", "ListBackups", "RestoreTableFromBackup",
            "RestoreTableToPointInTime", "DescribeContinuousBackups", "UpdateContinuousBackups", "CreateGlobalTable",
            "DescribeGlobalTable", "UpdateGlobalTable", "ListGlobalTables", "DescribeLimits", "DescribeEndpoints",
            "TagResource", "UntagResource", "ListTagsOfResource", "ExportTableToPointInTime", "ImportTable",
            "DescribeKinesisStreamingDestination", "EnableKinesisStreamingDestination", "UpdateTableReplicaAutoScaling",
            "DescribeContributorInsights", "UpdateContributorInsights", "PutResourcePolicy", "GetResourcePolicy");

    private final Map<String, Function<JsonNode, ObjectNode>> operations;

    public DynamoDbOperations(Database database, String region, String accountId) {
        TableOperations tables = new TableOperations(database, region, accountId);
        ItemOperations items = new ItemOperations(database);
        ReadOperations reads = new ReadOperations(database);
        BatchOperations batches = new BatchOperations(database);
        TransactionOperations transactions = new TransactionOperations(database);
        this.operations = Map.ofEntries(
                Map.entry("CreateTable", tables::createTable),
                Map.entry("DeleteTable", tables::deleteTable),
                Map.entry("DescribeTable", tables::describeTable),
                Map.entry("ListTables", tables::listTables),
                Map.entry("UpdateTimeToLive", tables::updateTimeToLive),
                Map.entry("DescribeTimeToLive", tables::describeTimeToLive),
                Map.entry("PutItem", items::putItem),
                Map.entry("GetItem", items::getItem),
                Map.entry("UpdateItem", items::updateItem),
                Map.entry("DeleteItem", items::deleteItem),
                Map.entry("Query", reads::query),
                Map.entry("Scan", reads::scan),
                Map.entry("BatchGetItem", batches::batchGetItem),
                Map.entry("BatchWriteItem", batches::batchWriteItem),
                Map.entry("TransactWriteItems", transactions::transactWriteItems),
                Map.entry("TransactGetItems", transactions::transactGetItems));
    }

    public ObjectNode invoke(String operation, JsonNode request) {
        Function<JsonNode, ObjectNode> implementation = operations.get(operation);
        if (implementation == null) {
            if (NOT_OFFERED.contains(operation)) {
                throw DynamoDbException.validation(operation + " is not supported by this embedded DynamoDB "
                        + "(no streams, backups, PITR, PartiQL, global tables, tags or table updates)");
            }
            throw DynamoDbException.unknownOperation();
        }
        return implementation.apply(request);
    }
}
