package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ValueOrder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Evaluates a parsed condition against an item (an absent item is an empty one). Missing attributes compare false. */
public final class ConditionEvaluator {

    private ConditionEvaluator() {
    }

    public static boolean matches(Condition condition, Map<String, AttributeValue> item) {
        if (condition instanceof Condition.And and) {
            return matches(and.left(), item) && matches(and.right(), item);
        }
        if (condition instanceof Condition.Or or) {
            return matches(or.left(), item) || matches(or.right(), item);
        }
        if (condition instanceof Condition.Not not) {
            return !matches(not.condition(), item);
        }
        if (condition instanceof Condition.Comparison comparison) {
            return compare(comparison.operator(), value(comparison.left(), item), value(comparison.right(), item));
        }
        if (condition instanceof Condition.Between between) {
            AttributeValue value = value(between.value(), item);
            AttributeValue lower = value(between.lower(), item);
            AttributeValue upper = value(between.upper(), item);
            return ValueOrder.comparable(value, lower) && ValueOrder.comparable(value, upper)
                    && ValueOrder.compare(value, lower) >= 0 && ValueOrder.compare(value, upper) <= 0;
        }
        if (condition instanceof Condition.In in) {
            AttributeValue value = value(in.value(), item);
            return value != null && in.candidates().stream().anyMatch(c -> value.equals(value(c, item)));
        }
        return function((Condition.Function) condition, item);
    }

    private static boolean compare(String operator, AttributeValue left, AttributeValue right) {
        if (operator.equals("<>")) {
            // A missing attribute is unequal to any value (DynamoDB Local answers so); every other comparison with a
            // missing attribute is false.
            return !java.util.Objects.equals(left, right);
        }
        if (left == null || right == null) {
            return false;
        }
        switch (operator) {
            case "=":
                return left.equals(right);
            case "<>":
                return !left.equals(right);
            default:
                if (!ValueOrder.comparable(left, right)) {
                    return false;
                }
                int c = ValueOrder.compare(left, right);
                return switch (operator) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
        }
    }

    private static boolean function(Condition.Function function, Map<String, AttributeValue> item) {
        Path path = ((Operand.PathOperand) function.arguments().get(0)).path();
        AttributeValue target = Documents.read(item, path);
        switch (function.name()) {
            case "attribute_exists":
                return target != null;
            case "attribute_not_exists":
                return target == null;
            case "attribute_type": {
                AttributeValue type = value(function.arguments().get(1), item);
                return target != null && type instanceof AttributeValue.S s && target.type().equals(s.value());
            }
            case "begins_with": {
                AttributeValue prefix = value(function.arguments().get(1), item);
                if (target instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
                    return s.value().startsWith(p.value());
                }
                if (target instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p) {
                    return b.value().startsWith(p.value());
                }
                return false;
            }
            default: {
                AttributeValue operand = value(function.arguments().get(1), item);
                if (target == null || operand == null) {
                    return false;
                }
                if (target instanceof AttributeValue.S s && operand instanceof AttributeValue.S o) {
                    return s.value().contains(o.value());
                }
                if (target instanceof AttributeValue.B b && operand instanceof AttributeValue.B o) {
                    return new String(b.value().bytes(), StandardCharsets.ISO_8859_1)
                            .contains(new String(o.value().bytes(), StandardCharsets.ISO_8859_1));
                }
                if (target instanceof AttributeValue.SS ss && operand instanceof AttributeValue.S o) {
                    return ss.values().contains(o.value());
                }
                if (target instanceof AttributeValue.NS ns && operand instanceof AttributeValue.N o) {
                    return ns.values().contains(o.value());
                }
                if (target instanceof AttributeValue.BS bs && operand instanceof AttributeValue.B o) {
                    return bs.values().contains(o.value());
                }
                if (target instanceof AttributeValue.L l) {
                    return l.values().contains(operand);
                }
                return false;
            }
        }
    }

    /** The operand's value in the item, or null when a path is missing (or size() of a value without a size). */
    public static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        }
        if (operand instanceof Operand.PathOperand p) {
            return Documents.read(item, p.path());
        }
        if (operand instanceof Operand.Size size) {
            AttributeValue target = Documents.read(item, size.path());
            Long length = size(target);
            return length == null ? null : new AttributeValue.N(BigDecimal.valueOf(length));
        }
        throw new IllegalArgumentException("not a condition operand: " + operand);
    }

    private static Long size(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return (long) s.value().length();
        }
        if (value instanceof AttributeValue.B b) {
            return (long) b.value().length();
        }
        if (value instanceof AttributeValue.SS s) {
            return (long) s.values().size();
        }
        if (value instanceof AttributeValue.NS s) {
            return (long) s.values().size();
        }
        if (value instanceof AttributeValue.BS s) {
            return (long) s.values().size();
        }
        if (value instanceof AttributeValue.L l) {
            return (long) l.values().size();
        }
        if (value instanceof AttributeValue.M m) {
            return (long) m.values().size();
        }
        return null;
    }
}
