package com.alphacast.localcloud.dynamodb.expression;

import java.util.List;
import java.util.stream.Collectors;

/** A document path: a top-level attribute name followed by map keys (String) and list indexes (Integer). */
public record Path(List<Object> elements) {

    public Path {
        elements = List.copyOf(elements);
    }

    public String attribute() {
        return (String) elements.get(0);
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** Whether one path is a prefix of (or equal to) the other. */
    public boolean overlaps(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, n).equals(other.elements.subList(0, n));
    }

    /** The form DynamoDB uses in its messages: {@code [a, b, [2]]}. */
    public String describe() {
        return elements.stream().map(e -> e instanceof Integer i ? "[" + i + "]" : (String) e)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
