package com.alphacast.localcloud.dynamodb.storage;

/** A key attribute and its scalar type (S, N or B), as in AttributeDefinitions. */
public record KeyAttribute(String name, String type) {
}
