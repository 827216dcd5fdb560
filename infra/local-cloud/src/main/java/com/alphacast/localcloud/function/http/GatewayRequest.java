package com.alphacast.localcloud.function.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the gateway received it, before routing.
 *
 * @param rawPath  the path as sent (percent-encoded), stage prefix included
 * @param rawQuery the query string as sent, without '?', empty when there is none
 * @param headers  header values by lower-cased name, in the order received
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, String protocol, String sourceIp,
                             Map<String, List<String>> headers, byte[] body, Instant receivedAt) {

    public GatewayRequest {
        headers = Map.copyOf(headers);
    }

    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
