package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies update actions to an item. Every operand is read from the item as it was before the update, as DynamoDB
 * does; list elements removed from one list are removed from the highest index down so indexes keep their meaning.
 */
public final class UpdateApplier {

    private UpdateApplier() {
    }

    public static Map<String, AttributeValue> apply(List<UpdateAction> actions, Map<String, AttributeValue> before) {
        Map<String, AttributeValue> after = new LinkedHashMap<>(before);
        Map<UpdateAction, AttributeValue> setValues = new LinkedHashMap<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                setValues.put(action, evaluate(set.value(), before));
            }
        }
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                write(after, set.path(), setValues.get(action));
            } else if (action instanceof UpdateAction.Add add) {
                add(after, add);
            } else if (action instanceof UpdateAction.Delete delete) {
                delete(after, delete);
            }
        }
        actions.stream().filter(a -> a instanceof UpdateAction.Remove)
                .sorted(Comparator.comparing(UpdateAction::path, UpdateApplier::descendingIndexes))
                .forEach(remove -> Documents.remove(after, remove.path()));
        return after;
    }

    private static int descendingIndexes(Path a, Path b) {
        int n = Math.min(a.elements().size(), b.elements().size());
        for (int i = 0; i < n; i++) {
            Object x = a.elements().get(i);
            Object y = b.elements().get(i);
            if (x instanceof Integer xi && y instanceof Integer yi && !xi.equals(yi)) {
                return Integer.compare(yi, xi);
            }
            if (!x.equals(y)) {
                return 0;
            }
        }
        return 0;
    }

    private static void write(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (!Documents.write(item, path, value)) {
            throw DynamoDbException.validation("The document path provided in the update expression is invalid for update");
        }
    }

    private static AttributeValue evaluate(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        }
        if (operand instanceof Operand.PathOperand p) {
            AttributeValue value = Documents.read(item, p.path());
            if (value == null) {
                throw DynamoDbException.validation("The provided expression refers to an attribute that does not exist in the item");
            }
            return value;
        }
        if (operand instanceof Operand.IfNotExists ifNotExists) {
            AttributeValue value = Documents.read(item, ifNotExists.path());
            return value != null ? value : evaluate(ifNotExists.fallback(), item);
        }
        if (operand instanceof Operand.ListAppend append) {
            AttributeValue first = evaluate(append.first(), item);
            AttributeValue second = evaluate(append.second(), item);
            if (!(first instanceof AttributeValue.L a) || !(second instanceof AttributeValue.L b)) {
                throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
            }
            List<AttributeValue> joined = new ArrayList<>(a.values());
            joined.addAll(b.values());
            return new AttributeValue.L(joined);
        }
        Operand.Arithmetic arithmetic = (Operand.Arithmetic) operand;
        AttributeValue left = evaluate(arithmetic.left(), item);
        AttributeValue right = evaluate(arithmetic.right(), item);
        if (!(left instanceof AttributeValue.N a) || !(right instanceof AttributeValue.N b)) {
            throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
        }
        return new AttributeValue.N(arithmetic.operator() == '+' ? Numbers.add(a.value(), b.value())
                : Numbers.subtract(a.value(), b.value()));
    }

    private static void add(Map<String, AttributeValue> item, UpdateAction.Add add) {
        AttributeValue current = Documents.read(item, add.path());
        AttributeValue operand = add.value().value();
        AttributeValue result;
        if (current == null) {
            result = operand;
        } else if (current instanceof AttributeValue.N a && operand instanceof AttributeValue.N b) {
            result = new AttributeValue.N(Numbers.add(a.value(), b.value()));
        } else if (current instanceof AttributeValue.SS a && operand instanceof AttributeValue.SS b) {
            result = new AttributeValue.SS(union(a.values(), b.values()));
        } else if (current instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
            result = new AttributeValue.NS(union(a.values(), b.values()));
        } else if (current instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
            result = new AttributeValue.BS(union(a.values(), b.values()));
        } else {
            throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
        }
        write(item, add.path(), result);
    }

    private static void delete(Map<String, AttributeValue> item, UpdateAction.Delete delete) {
        AttributeValue current = Documents.read(item, delete.path());
        AttributeValue operand = delete.value().value();
        if (current == null) {
            return;
        }
        AttributeValue result;
        if (current instanceof AttributeValue.SS a && operand instanceof AttributeValue.SS b) {
            Set<String> left = difference(a.values(), b.values());
            result = left.isEmpty() ? null : new AttributeValue.SS(left);
        } else if (current instanceof AttributeValue.NS a && operand instanceof AttributeValue.NS b) {
            Set<BigDecimal> left = difference(a.values(), b.values());
            result = left.isEmpty() ? null : new AttributeValue.NS(left);
        } else if (current instanceof AttributeValue.BS a && operand instanceof AttributeValue.BS b) {
            Set<AttributeValue.Binary> left = difference(a.values(), b.values());
            result = left.isEmpty() ? null : new AttributeValue.BS(left);
        } else {
            throw DynamoDbException.validation("An operand in the update expression has an incorrect data type");
        }
        if (result == null) {
            Documents.remove(item, delete.path());
        } else {
            write(item, delete.path(), result);
        }
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.addAll(b);
        return result;
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
