package com.alphacast.localcloud.dynamodb.item;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value of any of the ten types. Values are immutable; numbers are kept normalised (trailing
 * zeros stripped) so that equal numbers are equal records, as DynamoDB compares them.
 */
public sealed interface AttributeValue {

    /** The type descriptor DynamoDB uses on the wire: S, N, B, BOOL, NULL, L, M, SS, NS, BS. */
    String type();

    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }
    }

    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.normalise(value);
        }

        public String type() {
            return "N";
        }
    }

    record B(Binary value) implements AttributeValue {
        public String type() {
            return "B";
        }
    }

    record Bool(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }
    }

    record Null() implements AttributeValue {
        public String type() {
            return "NULL";
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        public String type() {
            return "L";
        }
    }

    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        public String type() {
            return "M";
        }
    }

    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
        }

        public String type() {
            return "SS";
        }
    }

    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            java.util.LinkedHashSet<BigDecimal> normalised = new java.util.LinkedHashSet<>();
            values.forEach(v -> normalised.add(Numbers.normalise(v)));
            values = java.util.Collections.unmodifiableSet(normalised);
        }

        public String type() {
            return "NS";
        }
    }

    record BS(Set<Binary> values) implements AttributeValue {
        public BS {
            values = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(values));
        }

        public String type() {
            return "BS";
        }
    }

    /** Bytes with value equality and DynamoDB's ordering (unsigned, byte by byte). */
    record Binary(byte[] bytes) implements Comparable<Binary> {
        public Binary {
            bytes = bytes.clone();
        }

        public static Binary ofBase64(String base64) {
            return new Binary(Base64.getDecoder().decode(base64));
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        public int length() {
            return bytes.length;
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public boolean startsWith(Binary prefix) {
            return bytes.length >= prefix.bytes.length
                    && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
        }

        @Override
        public int compareTo(Binary other) {
            return Arrays.compareUnsigned(bytes, other.bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Binary b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return base64();
        }
    }
}
