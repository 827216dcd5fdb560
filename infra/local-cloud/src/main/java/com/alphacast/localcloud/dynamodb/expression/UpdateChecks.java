package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks DynamoDB makes on an update expression before applying it: no two overlapping paths, operand types. */
final class UpdateChecks {

    private static final Map<String, String> TYPE_NAMES = Map.of("S", "STRING", "N", "NUMBER", "B", "BINARY",
            "BOOL", "BOOLEAN", "NULL", "NULL", "L", "LIST", "M", "MAP", "SS", "STRING_SET", "NS", "NUMBER_SET",
            "BS", "BINARY_SET");

    private final Function<String, DynamoDbException> invalid;

    UpdateChecks(Function<String, DynamoDbException> invalid) {
        this.invalid = invalid;
    }

    void check(List<UpdateAction> actions) {
        for (int i = 0; i < actions.size(); i++) {
            for (int j = i + 1; j < actions.size(); j++) {
                Path one = actions.get(i).path();
                Path two = actions.get(j).path();
                if (one.overlaps(two)) {
                    throw invalid.apply("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: "
                            + one.describe() + ", path two: " + two.describe());
                }
            }
        }
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Add add && add.value().value() != null) {
                String type = add.value().value().type();
                if (!List.of("N", "SS", "NS", "BS").contains(type)) {
                    throw invalid.apply("Incorrect operand type for operator or function; operator: ADD, operand type: "
                            + TYPE_NAMES.get(type) + ", typeSet: ALLOWED_FOR_ADD_OPERAND");
                }
            } else if (action instanceof UpdateAction.Delete delete && delete.value().value() != null) {
                String type = delete.value().value().type();
                if (!List.of("SS", "NS", "BS").contains(type)) {
                    throw invalid.apply("Incorrect operand type for operator or function; operator: DELETE, operand type: "
                            + TYPE_NAMES.get(type) + ", typeSet: ALLOWED_FOR_DELETE_OPERAND");
                }
            } else if (action instanceof UpdateAction.Set set) {
                checkSetValue(set.value());
            }
        }
    }

    private void checkSetValue(Operand operand) {
        if (operand instanceof Operand.Arithmetic arithmetic) {
            for (Operand side : List.of(arithmetic.left(), arithmetic.right())) {
                if (side instanceof Operand.Value value && value.value() != null
                        && !(value.value() instanceof AttributeValue.N)) {
                    throw invalid.apply("Incorrect operand type for operator or function; operator or function: "
                            + arithmetic.operator() + ", operand type: " + value.value().type());
                }
                checkSetValue(side);
            }
        } else if (operand instanceof Operand.ListAppend append) {
            for (Operand side : List.of(append.first(), append.second())) {
                if (side instanceof Operand.Value value && value.value() != null
                        && !(value.value() instanceof AttributeValue.L)) {
                    throw invalid.apply("Incorrect operand type for operator or function; operator or function: "
                            + "list_append, operand type: " + value.value().type());
                }
                checkSetValue(side);
            }
        } else if (operand instanceof Operand.IfNotExists ifNotExists) {
            checkSetValue(ifNotExists.fallback());
        }
    }
}
