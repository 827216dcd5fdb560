package com.alphacast.fakes.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.x document (Discord's, X's) used to check requests exactly as the platform declares them:
 * the operation must exist, path and query parameters must match their schemas, required parameters
 * must be present and the JSON body must validate against the operation's request schema.
 */
public final class OpenApiSpec {

    private final JsonNode document;
    private final JsonSchemaValidator validator;
    private final List<Route> routes = new ArrayList<>();

    private record Route(String method, String template, Pattern pattern, List<String> names, JsonNode operation,
                         JsonNode pathItem, int literals) {
    }

    /** A request matched to an operation of the spec. */
    public record Match(String template, Map<String, String> pathParameters, JsonNode operation) {
        public String operationId() {
            return operation.path("operationId").asText("");
        }
    }

    public OpenApiSpec(JsonNode document) {
        this.document = document;
        this.validator = new JsonSchemaValidator(document);
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder("^");
            Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(template);
            int last = 0;
            int literals = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(template.substring(last, placeholder.start()))).append("([^/]+)");
                literals += template.substring(last, placeholder.start()).length();
                names.add(placeholder.group(1));
                last = placeholder.end();
            }
            regex.append(Pattern.quote(template.substring(last))).append("$");
            literals += template.length() - last;
            Iterator<Map.Entry<String, JsonNode>> operations = entry.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, operation.getValue(),
                            entry.getValue(), literals));
                }
            }
        }
        // Literal segments win over placeholders (".../messages/@original" over ".../messages/{message_id}").
        routes.sort(Comparator.comparingInt(Route::literals).reversed());
    }

    public JsonNode document() {
        return document;
    }

    public JsonSchemaValidator schemas() {
        return validator;
    }

    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Matcher matcher = route.pattern().matcher(path);
            if (matcher.matches()) {
                Map<String, String> parameters = new HashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    parameters.put(route.names().get(i), matcher.group(i + 1));
                }
                return Optional.of(new Match(route.template(), parameters, route.operation()));
            }
        }
        return Optional.empty();
    }

    /**
     * Every way the request breaks the spec; empty when it conforms. {@code body} is null for requests
     * without a JSON body.
     */
    public List<String> validate(String method, String path, Map<String, String> query, JsonNode body) {
        return validate(method, path, query, body, "application/json");
    }

    /**
     * Like {@link #validate(String, String, Map, JsonNode)} for a body sent as {@code mediaType}: the body is checked
     * against the schema the operation declares for that media type (for {@code multipart/form-data}, its fields as
     * a JSON object), and a media type the operation does not accept is a violation.
     */
    public List<String> validate(String method, String path, Map<String, String> query, JsonNode body, String mediaType) {
        Optional<Match> found = match(method, path);
        if (found.isEmpty()) {
            return List.of(method + " " + path + ": no such operation in the spec");
        }
        Match match = found.get();
        List<String> violations = new ArrayList<>();
        Route route = routes.stream().filter(r -> r.template().equals(match.template()) && r.method().equals(method))
                .findFirst().orElseThrow();
        List<JsonNode> parameters = new ArrayList<>();
        route.pathItem().path("parameters").forEach(parameters::add);
        match.operation().path("parameters").forEach(parameters::add);
        for (JsonNode rawParameter : parameters) {
            JsonNode parameter = validator.resolve(rawParameter);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String value = switch (in) {
                case "path" -> match.pathParameters().get(name);
                case "query" -> query.get(name);
                default -> null;
            };
            if (value == null) {
                if (parameter.path("required").asBoolean(false) && !in.equals("header")) {
                    violations.add(in + " parameter '" + name + "' is required");
                }
                continue;
            }
            JsonNode schema = validator.resolve(parameter.path("schema"));
            violations.addAll(validator.validate(coerce(value, schema), parameter.path("schema"), in + "." + name));
        }
        for (String name : query.keySet()) {
            boolean declared = parameters.stream().map(validator::resolve)
                    .anyMatch(p -> p.path("in").asText().equals("query") && p.path("name").asText().equals(name));
            if (!declared) {
                violations.add("query parameter '" + name + "' is not defined for " + method + " " + match.template());
            }
        }
        JsonNode requestBody = validator.resolve(match.operation().path("requestBody"));
        if (requestBody.isMissingNode()) {
            if (body != null && !body.isEmpty()) {
                violations.add(method + " " + match.template() + " takes no body");
            }
            return violations;
        }
        if (body == null) {
            if (requestBody.path("required").asBoolean(false)) {
                violations.add("a " + mediaType + " body is required");
            }
            return violations;
        }
        JsonNode schema = requestBody.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            violations.add(method + " " + match.template() + " does not accept " + mediaType);
            return violations;
        }
        violations.addAll(validator.validate(body, schema, "$"));
        return violations;
    }

    /** Query and path values arrive as text: read them as the type their schema declares. */
    private static JsonNode coerce(String value, JsonNode schema) {
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asText() : schema.path("type").asText();
        try {
            return switch (type) {
                case "integer" -> JsonNodeFactory.instance.numberNode(Long.parseLong(value));
                case "number" -> JsonNodeFactory.instance.numberNode(Double.parseDouble(value));
                case "boolean" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                        ? BooleanNode.valueOf(Boolean.parseBoolean(value)) : TextNode.valueOf(value);
                default -> TextNode.valueOf(value);
            };
        } catch (NumberFormatException e) {
            return TextNode.valueOf(value);
        }
    }
}
