package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import com.alphacast.localcloud.dynamodb.item.AttributeValue;
import com.alphacast.localcloud.dynamodb.item.ValueOrder;
import java.util.Set;
import java.util.function.Function;

/** The checks DynamoDB makes on a parsed condition before evaluating it: arity, operand kinds, constant types. */
final class ConditionChecks {

    static final Set<String> TYPES = Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "NULL", "L", "M");

    private final Function<String, DynamoDbException> invalid;

    ConditionChecks(Function<String, DynamoDbException> invalid) {
        this.invalid = invalid;
    }

    void check(Condition condition) {
        if (condition instanceof Condition.And and) {
            check(and.left());
            check(and.right());
        } else if (condition instanceof Condition.Or or) {
            check(or.left());
            check(or.right());
        } else if (condition instanceof Condition.Not not) {
            check(not.condition());
        } else if (condition instanceof Condition.Function function) {
            checkFunction(function);
        } else if (condition instanceof Condition.Comparison comparison) {
            distinct(comparison.operator(), comparison.left(), java.util.List.of(comparison.right()));
            if (!comparison.operator().equals("=") && !comparison.operator().equals("<>")) {
                scalar(comparison.operator(), comparison.left());
                scalar(comparison.operator(), comparison.right());
            }
        } else if (condition instanceof Condition.Between between) {
            distinct("BETWEEN", between.value(), java.util.List.of(between.lower(), between.upper()));
            scalar("BETWEEN", between.value());
            scalar("BETWEEN", between.lower());
            scalar("BETWEEN", between.upper());
            if (between.lower() instanceof Operand.Value lower && between.upper() instanceof Operand.Value upper
                    && ValueOrder.comparable(lower.value(), upper.value())
                    && ValueOrder.compare(lower.value(), upper.value()) > 0) {
                throw invalid.apply("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                        + "lower bound operand: AttributeValue: " + describe(lower.value()) + ", upper bound operand: AttributeValue: "
                        + describe(upper.value()));
            }
        } else if (condition instanceof Condition.In in) {
            distinct("IN", in.value(), in.candidates());
            if (in.candidates().size() > 100) {
                throw invalid.apply("The IN operator is provided with too many operands; number of operands: "
                        + in.candidates().size());
            }
        }
    }

    /** DynamoDB refuses comparing a path with itself ({@code a = a}): such a condition is constant. */
    private void distinct(String operator, Operand first, java.util.List<Operand> others) {
        if (first instanceof Operand.PathOperand path && others.contains(first)) {
            throw invalid.apply("The first operand must be distinct from the remaining operands for this operator or "
                    + "function; operator: " + operator + ", first operand: " + path.path().describe());
        }
    }

    private void scalar(String operator, Operand operand) {
        if (operand instanceof Operand.Value value && value.value() != null
                && !Set.of("S", "N", "B").contains(value.value().type())) {
            throw invalid.apply("Incorrect operand type for operator or function; operator or function: " + operator
                    + ", operand type: " + value.value().type());
        }
    }

    private void checkFunction(Condition.Function function) {
        String name = function.name();
        int expected = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
        if (function.arguments().size() != expected) {
            throw invalid.apply("Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + function.arguments().size());
        }
        if (!(function.arguments().get(0) instanceof Operand.PathOperand)) {
            throw invalid.apply("Operator or function requires a document path; operator or function: " + name);
        }
        if (name.equals("attribute_type")) {
            Operand type = function.arguments().get(1);
            if (!(type instanceof Operand.Value value)) {
                throw invalid.apply("Incorrect operand type for operator or function; operator or function: "
                        + "attribute_type, operand type: " + ExpressionParser.operandType(type));
            }
            if (value.value() != null) {
                if (!(value.value() instanceof AttributeValue.S s)) {
                    throw invalid.apply("Incorrect operand type for operator or function; operator or function: "
                            + "attribute_type, operand type: " + value.value().type());
                }
                if (!TYPES.contains(s.value())) {
                    throw invalid.apply("Invalid attribute type name found; type: " + s.value()
                            + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
                }
            }
        }
        if (name.equals("begins_with")) {
            Operand prefix = function.arguments().get(1);
            if (prefix instanceof Operand.Value value && value.value() != null
                    && !(value.value() instanceof AttributeValue.S) && !(value.value() instanceof AttributeValue.B)) {
                throw invalid.apply("Incorrect operand type for operator or function; operator or function: "
                        + "begins_with, operand type: " + value.value().type());
            }
        }
    }

    static String describe(AttributeValue value) {
        if (value instanceof AttributeValue.N n) {
            return "{N:" + com.alphacast.localcloud.dynamodb.item.Numbers.format(n.value()) + "}";
        }
        if (value instanceof AttributeValue.S s) {
            return "{S:" + s.value() + "}";
        }
        if (value instanceof AttributeValue.B b) {
            return "{B:" + b.value().base64() + "}";
        }
        return "{" + value.type() + ":" + value + "}";
    }
}
