package com.alphacast.localcloud.dynamodb.item;

import com.alphacast.localcloud.dynamodb.DynamoDbException;
import java.math.BigDecimal;
import java.math.MathContext;

/** DynamoDB's number rules: 38 significant digits, magnitudes between 1E-130 and 1E+126, exact decimal arithmetic. */
public final class Numbers {

    private static final BigDecimal MAX = new BigDecimal("1E+126");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private Numbers() {
    }

    public static BigDecimal normalise(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    /** Parses a number the way DynamoDB accepts it from a request. */
    public static BigDecimal parse(String text) {
        BigDecimal value;
        try {
            if (text.isEmpty() || !text.trim().equals(text) || text.contains("_")) {
                throw new NumberFormatException(text);
            }
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw DynamoDbException.validation("A value provided cannot be converted into a number");
        }
        return checked(value);
    }

    /** Checks precision and range, as DynamoDB does for stored and computed numbers. */
    public static BigDecimal checked(BigDecimal value) {
        BigDecimal normal = normalise(value);
        if (normal.signum() == 0) {
            return normal;
        }
        if (normal.precision() > 38) {
            throw DynamoDbException.validation("DynamoDB only supports precision up to 38 digits");
        }
        BigDecimal magnitude = normal.abs();
        if (magnitude.compareTo(MAX) >= 0) {
            throw DynamoDbException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (magnitude.compareTo(MIN) < 0) {
            throw DynamoDbException.validation(
                    "Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return normal;
    }

    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return checked(a.add(b, MathContext.UNLIMITED));
    }

    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        return checked(a.subtract(b, MathContext.UNLIMITED));
    }

    /** DynamoDB's textual form of a stored number: normalised, never in exponent notation ("1E+2" reads "100"). */
    public static String format(BigDecimal value) {
        return normalise(value).toPlainString();
    }
}
