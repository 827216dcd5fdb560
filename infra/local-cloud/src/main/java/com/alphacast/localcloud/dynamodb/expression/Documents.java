package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing document paths in items (immutable values: writes rebuild the containers on the path). */
public final class Documents {

    private Documents() {
    }

    /** The value at the path, or null when any step is missing or of the wrong kind. */
    public static AttributeValue read(Map<String, AttributeValue> item, Path path) {
        AttributeValue current = item.get(path.attribute());
        for (int i = 1; i < path.elements().size() && current != null; i++) {
            current = step(current, path.elements().get(i));
        }
        return current;
    }

    private static AttributeValue step(AttributeValue container, Object element) {
        if (element instanceof String key && container instanceof AttributeValue.M map) {
            return map.values().get(key);
        }
        if (element instanceof Integer index && container instanceof AttributeValue.L list) {
            return index < list.values().size() ? list.values().get(index) : null;
        }
        return null;
    }

    /**
     * Writes the value at the path. Returns false when the path's parent does not exist or is not a container of
     * the right kind (DynamoDB: "The document path provided in the update expression is invalid for update").
     * A list index past the end appends.
     */
    public static boolean write(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (path.isTopLevel()) {
            item.put(path.attribute(), value);
            return true;
        }
        AttributeValue root = item.get(path.attribute());
        AttributeValue updated = written(root, path.elements(), 1, value);
        if (updated == null) {
            return false;
        }
        item.put(path.attribute(), updated);
        return true;
    }

    private static AttributeValue written(AttributeValue container, List<Object> elements, int index,
                                          AttributeValue value) {
        Object element = elements.get(index);
        boolean last = index == elements.size() - 1;
        if (element instanceof String key && container instanceof AttributeValue.M map) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.values());
            if (last) {
                copy.put(key, value);
            } else {
                AttributeValue child = written(copy.get(key), elements, index + 1, value);
                if (child == null) {
                    return null;
                }
                copy.put(key, child);
            }
            return new AttributeValue.M(copy);
        }
        if (element instanceof Integer position && container instanceof AttributeValue.L list) {
            List<AttributeValue> copy = new ArrayList<>(list.values());
            if (last) {
                if (position < copy.size()) {
                    copy.set(position, value);
                } else {
                    copy.add(value);
                }
            } else {
                if (position >= copy.size()) {
                    return null;
                }
                AttributeValue child = written(copy.get(position), elements, index + 1, value);
                if (child == null) {
                    return null;
                }
                copy.set(position, child);
            }
            return new AttributeValue.L(copy);
        }
        return null;
    }

    /** Removes the value at the path if present; a missing path is not an error. */
    public static void remove(Map<String, AttributeValue> item, Path path) {
        if (path.isTopLevel()) {
            item.remove(path.attribute());
            return;
        }
        AttributeValue root = item.get(path.attribute());
        AttributeValue updated = removed(root, path.elements(), 1);
        if (updated != null) {
            item.put(path.attribute(), updated);
        }
    }

    private static AttributeValue removed(AttributeValue container, List<Object> elements, int index) {
        Object element = elements.get(index);
        boolean last = index == elements.size() - 1;
        if (element instanceof String key && container instanceof AttributeValue.M map) {
            if (!map.values().containsKey(key)) {
                return null;
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(map.values());
            if (last) {
                copy.remove(key);
            } else {
                AttributeValue child = removed(copy.get(key), elements, index + 1);
                if (child == null) {
                    return null;
                }
                copy.put(key, child);
            }
            return new AttributeValue.M(copy);
        }
        if (element instanceof Integer position && container instanceof AttributeValue.L list) {
            if (position >= list.values().size()) {
                return null;
            }
            List<AttributeValue> copy = new ArrayList<>(list.values());
            if (last) {
                copy.remove((int) position);
            } else {
                AttributeValue child = removed(copy.get(position), elements, index + 1);
                if (child == null) {
                    return null;
                }
                copy.set(position, child);
            }
            return new AttributeValue.L(copy);
        }
        return null;
    }

    /** The item reduced to the given paths, keeping the document structure (list elements keep their order). */
    public static Map<String, AttributeValue> project(Map<String, AttributeValue> item, List<Path> paths) {
        Map<String, AttributeValue> result = new LinkedHashMap<>();
        for (Path path : paths) {
            AttributeValue value = read(item, path);
            if (value == null) {
                continue;
            }
            if (path.isTopLevel()) {
                result.put(path.attribute(), value);
            } else {
                AttributeValue merged = merge(result.get(path.attribute()), path.elements(), 1, value);
                result.put(path.attribute(), merged);
            }
        }
        return result;
    }

    private static AttributeValue merge(AttributeValue existing, List<Object> elements, int index, AttributeValue value) {
        if (index == elements.size()) {
            return value;
        }
        Object element = elements.get(index);
        if (element instanceof String key) {
            Map<String, AttributeValue> map = existing instanceof AttributeValue.M m
                    ? new LinkedHashMap<>(m.values()) : new LinkedHashMap<>();
            map.put(key, merge(map.get(key), elements, index + 1, value));
            return new AttributeValue.M(map);
        }
        // Projected list elements are gathered in the order of their indexes, as DynamoDB returns them.
        List<AttributeValue> list = existing instanceof AttributeValue.L l ? new ArrayList<>(l.values()) : new ArrayList<>();
        list.add(merge(null, elements, index + 1, value));
        return new AttributeValue.L(list);
    }
}
