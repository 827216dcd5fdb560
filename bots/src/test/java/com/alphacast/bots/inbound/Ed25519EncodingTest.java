package com.alphacast.bots.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The small-order list holds exactly 8 distinct points, each on the curve and of order dividing 8. */
class Ed25519EncodingTest {

    private static final BigInteger P = Ed25519Encoding.P;
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);

    @Test
    void everyListedPointHasOrderDividingTheCofactor() {
        assertThat(Ed25519Encoding.SMALL_ORDER_POINTS).hasSize(8).doesNotHaveDuplicates();
        for (String hex : Ed25519Encoding.SMALL_ORDER_POINTS) {
            byte[] encoded = Hex.decode(hex, "point");
            assertThat(Ed25519Encoding.onCurve(encoded)).as(hex).isTrue();
            assertThat(Ed25519Encoding.nonCanonicalPoint(encoded)).as(hex).isEmpty();
            BigInteger[] point = decode(encoded);
            BigInteger[] times8 = point;
            for (int i = 0; i < 3; i++) {
                times8 = add(times8, times8);
            }
            assertThat(times8).as(hex).containsExactly(BigInteger.ZERO, BigInteger.ONE);
        }
    }

    @Test
    void theBasePointIsNotOfSmallOrder() {
        byte[] base = Hex.decode("5866666666666666666666666666666666666666666666666666666666666666", "base point");
        assertThat(Ed25519Encoding.smallOrder(base)).isFalse();
        assertThat(Ed25519Encoding.onCurve(base)).isTrue();
    }

    /** Twisted Edwards addition (a = -1), affine, RFC 8032 §5.1.4. */
    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        BigInteger t = D.multiply(a[0]).multiply(b[0]).multiply(a[1]).multiply(b[1]).mod(P);
        BigInteger x = a[0].multiply(b[1]).add(a[1].multiply(b[0])).multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
        BigInteger y = a[1].multiply(b[1]).add(a[0].multiply(b[0])).multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x, y};
    }

    /** RFC 8032 §5.1.3 point decoding. */
    private static BigInteger[] decode(byte[] encoded) {
        boolean sign = (encoded[31] & 0x80) != 0;
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = encoded[31 - i];
        }
        bigEndian[0] &= 0x7f;
        BigInteger y = new BigInteger(1, bigEndian);
        BigInteger xSquared = y.multiply(y).subtract(BigInteger.ONE)
                .multiply(D.multiply(y).multiply(y).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = xSquared.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(xSquared)) {
            x = x.multiply(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P)).mod(P);
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x).mod(P);
        }
        return new BigInteger[] {x, y};
    }
}
