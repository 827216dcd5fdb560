package com.alphacast.localcloud.dynamodb.operation;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.expression.Condition;
import com.alphacast.localcloud.dynamodb.expression.ConditionEvaluator;
import com.alphacast.localcloud.dynamodb.expression.Operand;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ValueOrder;
import com.alphacast.localcloud.dynamodb.storage.KeyAttribute;
import com.alphacast.localcloud.dynamodb.storage.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Query's key condition reduced to what DynamoDB allows: equality on the partition key and at most one condition
 * (=, <, <=, >, >=, BETWEEN, begins_with) on the sort key, joined by AND.
 */
record KeyCondition(AttributeValue partition, Condition sortCondition) {

    static KeyCondition of(Condition condition, KeySchema key) {
        List<Condition> parts = new ArrayList<>();
        flatten(condition, parts);
        if (parts.size() > 2) {
            throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
        }
        AttributeValue partition = null;
        Condition sort = null;
        for (Condition part : parts) {
            String attribute = attributeOf(part);
            if (attribute.equals(key.partition().name())) {
                if (!(part instanceof Condition.Comparison comparison) || !comparison.operator().equals("=")) {
                    throw DynamoDbException.validation("Query key condition not supported");
                }
                if (partition != null) {
                    throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                partition = constant(comparison, key.partition());
            } else if (key.hasSort() && attribute.equals(key.sort().name())) {
                if (sort != null) {
                    throw DynamoDbException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                checkSort(part, key.sort());
                sort = part;
            } else {
                throw DynamoDbException.validation("Query condition missed key schema element");
            }
        }
        if (partition == null) {
            throw DynamoDbException.validation("Query condition missed key schema element");
        }
        return new KeyCondition(partition, sort);
    }

    boolean sortMatches(Map<String, AttributeValue> item) {
        return sortCondition == null || ConditionEvaluator.matches(sortCondition, item);
    }

    /**
     * The sort condition as a range of sort values, so a Query can seek to where it starts and stop where it ends
     * instead of reading the whole partition; {@link SortRange#ALL} without a sort condition.
     */
    SortRange sortRange() {
        if (sortCondition == null) {
            return SortRange.ALL;
        }
        if (sortCondition instanceof Condition.Between between) {
            return new SortRange(((Operand.Value) between.lower()).value(), true,
                    ((Operand.Value) between.upper()).value(), true, null);
        }
        if (sortCondition instanceof Condition.Function beginsWith) {
            AttributeValue prefix = ((Operand.Value) beginsWith.arguments().get(1)).value();
            return new SortRange(prefix, true, null, false, prefix);
        }
        Condition.Comparison comparison = (Condition.Comparison) sortCondition;
        boolean pathOnLeft = comparison.left() instanceof Operand.PathOperand;
        AttributeValue value = ((Operand.Value) (pathOnLeft ? comparison.right() : comparison.left())).value();
        // ":v < sk" is "sk > :v": read the operator from the sort key's side.
        String operator = pathOnLeft ? comparison.operator() : switch (comparison.operator()) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> comparison.operator();
        };
        return switch (operator) {
            case "=" -> new SortRange(value, true, value, true, null);
            case "<" -> new SortRange(null, false, value, false, null);
            case "<=" -> new SortRange(null, false, value, true, null);
            case ">" -> new SortRange(value, false, null, false, null);
            case ">=" -> new SortRange(value, true, null, false, null);
            default -> throw new IllegalStateException("not a key condition operator: " + operator);
        };
    }

    /**
     * Sort values from {@code lower} to {@code upper} (either null: unbounded), and for begins_with the prefix every
     * value in range starts with. The values in range are contiguous in the sort order.
     */
    record SortRange(AttributeValue lower, boolean lowerInclusive, AttributeValue upper, boolean upperInclusive,
                     AttributeValue prefix) {

        static final SortRange ALL = new SortRange(null, false, null, false, null);

        /** Whether {@code sort} lies after every value in range (reading forward, nothing further can match). */
        boolean after(AttributeValue sort) {
            if (upper != null) {
                int c = ValueOrder.compare(sort, upper);
                if (c > 0 || (c == 0 && !upperInclusive)) {
                    return true;
                }
            }
            return prefix != null && ValueOrder.compare(sort, prefix) > 0 && !startsWith(sort, prefix);
        }

        /** Whether {@code sort} lies before every value in range (reading backward, nothing further can match). */
        boolean before(AttributeValue sort) {
            if (lower == null) {
                return false;
            }
            int c = ValueOrder.compare(sort, lower);
            return c < 0 || (c == 0 && !lowerInclusive);
        }

        private static boolean startsWith(AttributeValue value, AttributeValue prefix) {
            if (value instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
                return s.value().startsWith(p.value());
            }
            return value instanceof AttributeValue.B b && prefix instanceof AttributeValue.B p
                    && b.value().startsWith(p.value());
        }
    }

    private static void flatten(Condition condition, List<Condition> parts) {
        if (condition instanceof Condition.And and) {
            flatten(and.left(), parts);
            flatten(and.right(), parts);
        } else if (condition instanceof Condition.Or) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: OR");
        } else if (condition instanceof Condition.Not) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: NOT");
        } else if (condition instanceof Condition.In) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: IN");
        } else if (condition instanceof Condition.Comparison c && c.operator().equals("<>")) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: <>");
        } else if (condition instanceof Condition.Function f && !f.name().equals("begins_with")) {
            throw DynamoDbException.validation("Invalid operator used in KeyConditionExpression: " + f.name());
        } else {
            parts.add(condition);
        }
    }

    private static String attributeOf(Condition part) {
        Operand operand;
        if (part instanceof Condition.Comparison c) {
            operand = c.left() instanceof Operand.PathOperand ? c.left() : c.right();
        } else if (part instanceof Condition.Between b) {
            operand = b.value();
        } else {
            operand = ((Condition.Function) part).arguments().get(0);
        }
        if (!(operand instanceof Operand.PathOperand path) || !path.path().isTopLevel()) {
            throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: Multiple attribute names used "
                    + "in one condition");
        }
        return path.path().attribute();
    }

    private static AttributeValue constant(Condition.Comparison comparison, KeyAttribute key) {
        Operand other = comparison.left() instanceof Operand.PathOperand ? comparison.right() : comparison.left();
        if (!(other instanceof Operand.Value value)) {
            throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: Multiple attribute names used "
                    + "in one condition");
        }
        checkType(value.value(), key);
        return value.value();
    }

    private static void checkSort(Condition part, KeyAttribute key) {
        if (part instanceof Condition.Comparison comparison) {
            constant(comparison, key);
        } else if (part instanceof Condition.Between between) {
            for (Operand bound : List.of(between.lower(), between.upper())) {
                if (!(bound instanceof Operand.Value value)) {
                    throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: Multiple attribute "
                            + "names used in one condition");
                }
                checkType(value.value(), key);
            }
        } else {
            Operand prefix = ((Condition.Function) part).arguments().get(1);
            if (!(prefix instanceof Operand.Value value)) {
                throw DynamoDbException.validation("Invalid condition in KeyConditionExpression: Multiple attribute names "
                        + "used in one condition");
            }
            if (key.type().equals("N")) {
                throw DynamoDbException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                        + "function; operator or function: begins_with, operand type: N");
            }
            checkType(value.value(), key);
        }
    }

    private static void checkType(AttributeValue value, KeyAttribute key) {
        if (!value.type().equals(key.type())) {
            throw DynamoDbException.validation("One or more parameter values were invalid: Condition parameter type does "
                    + "not match schema type");
        }
    }
}
