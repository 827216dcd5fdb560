package com.alphacast.localcloud.template;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes one local deployment of a template distinct: its stack name (prefix of every table and queue name, so
 * several stacks share one embedded DynamoDB and one ElasticMQ), the region and account the local servers pretend to be,
 * parameter overrides and where the local SQS endpoint listens (queue URLs contain it).
 */
public record StackSettings(String stackName, String region, String accountId,
                            Map<String, String> parameterOverrides, URI sqsEndpoint) {

    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,39}");

    public StackSettings {
        if (stackName == null || !STACK_NAME.matcher(stackName).matches()) {
            throw new IllegalArgumentException("stack name '" + stackName
                    + "' must start with a letter and contain only letters, digits and '-' (at most 40 characters)");
        }
        parameterOverrides = Map.copyOf(parameterOverrides);
        String endpoint = sqsEndpoint.toString();
        sqsEndpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    }
}
