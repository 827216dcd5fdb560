package com.alphacast.bots.render;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats prices and percentages the same way on every platform (no locale surprises, no 1.0E4). */
final class Numbers {

    private Numbers() {
    }

    /** A price with at least two and at most four decimals: 5012.25, 0.1234, 4998.00. */
    static String price(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (decimal.scale() < 2) {
            decimal = decimal.setScale(2, RoundingMode.UNNECESSARY);
        }
        return decimal.toPlainString();
    }

    /** Signed points: +28.25, -14.00, 0.00. */
    static String signedPoints(double value) {
        String text = price(Math.abs(value));
        if (value > 0) {
            return "+" + text;
        }
        return value < 0 ? "-" + text : text;
    }

    static String signedMoney(double value) {
        BigDecimal decimal = BigDecimal.valueOf(Math.abs(value)).setScale(2, RoundingMode.HALF_EVEN);
        String sign = value > 0 ? "+" : value < 0 ? "-" : "";
        return sign + "$" + decimal.toPlainString();
    }

    /** A share in [0, 1] as a whole percentage: 0.725 → 73%. */
    static String percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(0, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Reward over risk as 1:2.15. */
    static String ratio(double reward, double risk) {
        return "1:" + BigDecimal.valueOf(reward / risk).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
