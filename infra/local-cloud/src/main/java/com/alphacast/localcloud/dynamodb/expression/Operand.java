package com.alphacast.localcloud.dynamodb.expression;

import com.alphacast.localcloud.dynamodb.item.AttributeValue;

/** Something an expression evaluates to a value: a path, a {@code :value}, or a function of those. */
public sealed interface Operand {

    record PathOperand(Path path) implements Operand {
    }

    record Value(String placeholder, AttributeValue value) implements Operand {
    }

    /** {@code size(path)}. */
    record Size(Path path) implements Operand {
    }

    /** {@code a + b} or {@code a - b} in SET. */
    record Arithmetic(char operator, Operand left, Operand right) implements Operand {
    }

    record IfNotExists(Path path, Operand fallback) implements Operand {
    }

    record ListAppend(Operand first, Operand second) implements Operand {
    }
}
