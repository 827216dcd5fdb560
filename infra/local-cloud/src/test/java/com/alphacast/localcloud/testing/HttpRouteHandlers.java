package com.alphacast.localcloud.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * HttpApi handlers of the test stack, each a plain static method the way Lambda's Java runtime calls one: the event
 * arrives through the runtime's serializer as the typed {@link APIGatewayV2HTTPEvent}, so an echo of it shows exactly
 * what a real handler would read.
 */
public final class HttpRouteHandlers {

    /** 1x1 transparent PNG: a body only a base64 response can carry. */
    public static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpRouteHandlers() {
    }

    /** Answers with the typed event it received, as JSON, plus a header and a cookie. */
    public static APIGatewayV2HTTPResponse echo(APIGatewayV2HTTPEvent event) throws Exception {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of("content-type", "application/json", "x-route", event.getRouteKey()))
                .withMultiValueHeaders(Map.of("x-tier", List.of("premium", "basic")))
                .withCookies(List.of("session=abc; Path=/"))
                .withBody(JSON.writeValueAsString(event))
                .build();
    }

    /** A bare object: API Gateway answers 200 with it as the JSON body. */
    public static Map<String, Object> bare(APIGatewayV2HTTPEvent event) {
        return Map.of("status", "ok", "path", event.getRawPath());
    }

    /** A bare string: the body is the string itself. */
    public static String greeting(APIGatewayV2HTTPEvent event) {
        return "hello " + event.getPathParameters().get("name");
    }

    public static APIGatewayV2HTTPResponse pixel(APIGatewayV2HTTPEvent event) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(Map.of("content-type", "image/png"))
                .withBody(Base64.getEncoder().encodeToString(PIXEL)).withIsBase64Encoded(true).build();
    }

    public static APIGatewayV2HTTPResponse fail(APIGatewayV2HTTPEvent event) {
        throw new IllegalStateException("order book unavailable");
    }

    /** Sleeps for the number of milliseconds in the body, longer than the function's Timeout in the tests. */
    public static String sleep(APIGatewayV2HTTPEvent event) throws InterruptedException {
        Thread.sleep(Long.parseLong(event.getBody().strip()));
        return "woke";
    }
}
