package com.alphacast.localcloud.function.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One HTTP API route key: {@code METHOD /path} with {@code {param}} segments and a trailing greedy {@code {name+}},
 * {@code ANY} for every method, or {@code $default} for what no other route matches. Matching and precedence follow
 * API Gateway: a literal segment beats a parameter, a parameter beats a greedy parameter, a named method beats ANY.
 */
public record RoutePattern(String method, String path) {

    public static final String DEFAULT_ROUTE = "$default";
    public static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z0-9._-]+)(\\+?)}");

    /** Kinds of path segment, most specific first. */
    private enum Segment { LITERAL, PARAMETER, GREEDY }

    /**
     * @throws IllegalArgumentException saying what is wrong with the method or path
     */
    public RoutePattern {
        if (path.equals(DEFAULT_ROUTE)) {
            method = "ANY";
        } else {
            method = method.toUpperCase(java.util.Locale.ROOT);
            if (!METHODS.contains(method)) {
                throw new IllegalArgumentException("method '" + method + "' is not one of " + new java.util.TreeSet<>(METHODS));
            }
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path '" + path + "' must start with '/'");
            }
            List<String> segments = segments(path);
            Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.contains("{") || segment.contains("}")) {
                    var matcher = PARAMETER.matcher(segment);
                    if (!matcher.matches()) {
                        throw new IllegalArgumentException("path '" + path + "': segment '" + segment
                                + "' must be a whole {name} or {name+}");
                    }
                    if (!matcher.group(2).isEmpty() && i != segments.size() - 1) {
                        throw new IllegalArgumentException("path '" + path + "': the greedy " + segment
                                + " must be the last segment");
                    }
                    if (!names.add(matcher.group(1))) {
                        throw new IllegalArgumentException("path '" + path + "' names {" + matcher.group(1) + "} twice");
                    }
                }
            }
        }
    }

    public static RoutePattern defaultRoute() {
        return new RoutePattern("ANY", DEFAULT_ROUTE);
    }

    public boolean isDefault() {
        return path.equals(DEFAULT_ROUTE);
    }

    /** What API Gateway puts in {@code routeKey}: {@code POST /telegram/webhook}, {@code ANY /{proxy+}} or {@code $default}. */
    public String routeKey() {
        return isDefault() ? DEFAULT_ROUTE : method + " " + path;
    }

    /**
     * The path parameters (decoded) when this route matches, else empty. {@code $default} matches everything.
     *
     * @param rawPath the request path as sent (percent-encoded), without the stage prefix
     */
    public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (isDefault()) {
            return Optional.of(Map.of());
        }
        if (!method.equals("ANY") && !method.equals(requestMethod)) {
            return Optional.empty();
        }
        List<String> pattern = segments(path);
        List<String> request = segments(rawPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String segment = pattern.get(i);
            var matcher = PARAMETER.matcher(segment);
            if (matcher.matches() && !matcher.group(2).isEmpty()) {
                List<String> rest = request.subList(Math.min(i, request.size()), request.size());
                String value = String.join("/", rest);
                if (rest.isEmpty() || value.isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(matcher.group(1), decode(value));
                return Optional.of(parameters);
            }
            if (i >= request.size()) {
                return Optional.empty();
            }
            if (matcher.matches()) {
                if (request.get(i).isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(matcher.group(1), decode(request.get(i)));
            } else if (!segment.equals(decode(request.get(i)))) {
                return Optional.empty();
            }
        }
        return pattern.size() == request.size() ? Optional.of(parameters) : Optional.empty();
    }

    /** Orders matching routes most specific first, the way API Gateway picks among them. */
    public static final Comparator<RoutePattern> PRECEDENCE = (a, b) -> {
        if (a.isDefault() != b.isDefault()) {
            return a.isDefault() ? 1 : -1;
        }
        List<Segment> ka = a.kinds();
        List<Segment> kb = b.kinds();
        for (int i = 0; i < Math.min(ka.size(), kb.size()); i++) {
            int order = ka.get(i).compareTo(kb.get(i));
            if (order != 0) {
                return order;
            }
        }
        if (ka.size() != kb.size()) {
            return Integer.compare(kb.size(), ka.size());
        }
        return Boolean.compare(a.method.equals("ANY"), b.method.equals("ANY"));
    };

    private List<Segment> kinds() {
        List<Segment> kinds = new ArrayList<>();
        for (String segment : segments(path)) {
            var matcher = PARAMETER.matcher(segment);
            kinds.add(!matcher.matches() ? Segment.LITERAL : matcher.group(2).isEmpty() ? Segment.PARAMETER : Segment.GREEDY);
        }
        return kinds;
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }

    /** Percent-decoding of one path segment ('+' is a literal plus in a path, not a space). */
    static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
