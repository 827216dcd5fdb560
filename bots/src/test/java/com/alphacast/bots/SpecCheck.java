package com.alphacast.bots;

import com.alphacast.bots.render.PlatformRequest;
import com.alphacast.fakes.spec.ApiSpecs;
import com.alphacast.fakes.spec.OpenApiSpec;
import com.alphacast.fakes.telegram.TelegramBotApiSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks rendered requests against the official specs without a server (the fakes use the same checks). */
public final class SpecCheck {

    public static final TelegramBotApiSpec TELEGRAM = ApiSpecs.telegram();
    public static final OpenApiSpec DISCORD = ApiSpecs.discord();
    public static final OpenApiSpec X = ApiSpecs.x();

    private SpecCheck() {
    }

    public static List<String> telegram(PlatformRequest request) {
        String method = request.path().substring(request.path().lastIndexOf('/') + 1);
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        request.body().fields().forEachRemaining(field -> parameters.put(field.getKey(), field.getValue()));
        return TELEGRAM.validateCall(method, parameters);
    }

    public static List<String> discord(PlatformRequest request) {
        return openApi(DISCORD, request.method(), request.path().replace("{webhook_token}", "token"), request.body());
    }

    public static List<String> x(PlatformRequest request) {
        return openApi(X, request.method(), request.path(), request.body());
    }

    private static List<String> openApi(OpenApiSpec spec, String method, String pathAndQuery, JsonNode body) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, String> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return spec.validate(method, path, query, body);
    }
}
