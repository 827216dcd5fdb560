package com.alphacast.localcloud.template;

import java.util.Map;
import java.util.Optional;

/**
 * One entry of the template's {@code Resources} section, before intrinsic functions are resolved.
 *
 * @param logicalId  the key in {@code Resources}
 * @param type       e.g. {@code AWS::DynamoDB::Table}
 * @param properties the raw {@code Properties} mapping (empty when absent)
 * @param condition  the name of the condition guarding the resource, if any
 */
public record ResourceDeclaration(String logicalId, String type, Map<String, Object> properties,
                                  Optional<String> condition) {

    public ResourceDeclaration {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
