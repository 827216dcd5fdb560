package com.alphacast.localcloud.function.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway's payload format 2.0 event for one request (what {@code APIGatewayV2HTTPEvent} reads): header names
 * lower-cased and repeated values joined with commas, cookies moved out of the headers into {@code cookies}, repeated
 * query parameters joined with commas, and a body base64-encoded unless its content type is text.
 */
final class HttpApiEvent {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The format of {@code requestContext.time}, e.g. {@code 12/Mar/2020:19:03:58 +0000}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);

    private HttpApiEvent() {
    }

    /** The event for {@code request} on {@code route}; rawPath keeps the stage prefix, as API Gateway's does. */
    static byte[] of(HttpApiRoute route, GatewayRequest request, Map<String, String> pathParameters, String requestId,
                     String accountId, String domainName) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.pattern().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = request.headers().getOrDefault("cookie", List.of()).stream()
                .flatMap(header -> java.util.Arrays.stream(header.split(";")))
                .map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headers = event.putObject("headers");
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            query.forEach(parameters::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", route.api().logicalId().toLowerCase(Locale.ROOT));
        context.put("domainName", domainName);
        context.put("domainPrefix", domainName.split("[.:]")[0]);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        context.put("requestId", requestId);
        context.put("routeKey", route.pattern().routeKey());
        context.put("stage", route.api().stageName());
        context.put("time", TIME.format(request.receivedAt()));
        context.put("timeEpoch", request.receivedAt().toEpochMilli());
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            pathParameters.forEach(parameters::put);
        }
        if (!route.api().stageVariables().isEmpty()) {
            ObjectNode variables = event.putObject("stageVariables");
            route.api().stageVariables().forEach(variables::put);
        }
        boolean text = isText(request.header("content-type"));
        if (request.body().length > 0) {
            event.put("body", text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()));
        }
        event.put("isBase64Encoded", request.body().length > 0 && !text);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the HttpApi event: " + e, e);
        }
    }

    /**
     * Content types API Gateway passes as text; everything else (images, octet streams, form posts, a body without a
     * content type) reaches the function base64-encoded.
     */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }
}
