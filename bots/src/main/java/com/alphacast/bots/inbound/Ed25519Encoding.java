package com.alphacast.bots.inbound;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The encoding rules of RFC 8032 §5.1 that the JDK's verifier does not enforce on its own, checked before a
 * key or signature reaches it. Each check returns why an encoding is refused, or empty when it is acceptable.
 * Point encodings are 32 bytes little-endian: the y coordinate in the low 255 bits, the sign of x in the top bit.
 */
final class Ed25519Encoding {

    /** The field prime p = 2^255 - 19 (RFC 8032 §5.1). */
    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The order of the base point, L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 §5.1). */
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** The curve constant d = -121665/121666 mod p (RFC 8032 §5.1). */
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    /** sqrt(-1) mod p = 2^((p-1)/4), used to decompress x (RFC 8032 §5.1.3 step 3). */
    private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);

    /**
     * The 8 points whose order divides the cofactor 8, in canonical encoding: the identity (order 1), (0, -1)
     * (order 2), (±sqrt(-1), 0) (order 4) and four points of order 8. Under such a public key A, [k]A takes at
     * most 8 values, so the signature R = identity, S = 0 verifies for every message whose k lands on the
     * identity: always under the identity key, one message in four under the all-zero key. The list is the one
     * in libsodium's blocklist and Wycheproof's EdDSA "small order" test cases; each point's order is re-derived
     * in {@code Ed25519EncodingTest}.
     */
    static final List<String> SMALL_ORDER_POINTS = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000", // identity, order 1
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // (0, -1), order 2
            "0000000000000000000000000000000000000000000000000000000000000000", // (sqrt(-1), 0), order 4: the all-zero key
            "0000000000000000000000000000000000000000000000000000000000000080", // (-sqrt(-1), 0), order 4
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05", // order 8
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"); // order 8

    private static final List<byte[]> SMALL_ORDER_BYTES = SMALL_ORDER_POINTS.stream()
            .map(hex -> Hex.decode(hex, "small-order point")).toList();

    private Ed25519Encoding() {
    }

    /**
     * Why a 32-byte point encoding is not canonical, or empty: y must be below p (RFC 8032 §5.1.3 step 1), and
     * when x is 0 (y = ±1) its sign bit must be 0 (step 4). Otherwise one point has several encodings.
     */
    static Optional<String> nonCanonicalPoint(byte[] encoded) {
        BigInteger y = y(encoded);
        if (y.compareTo(P) >= 0) {
            return Optional.of("its y coordinate is not reduced below p = 2^255 - 19");
        }
        boolean xIsZero = y.equals(BigInteger.ONE) || y.equals(P.subtract(BigInteger.ONE));
        if (xIsZero && signBit(encoded)) {
            return Optional.of("it sets the sign bit of an x coordinate that is 0");
        }
        return Optional.empty();
    }

    /** Whether the encoding is one of {@link #SMALL_ORDER_POINTS}. */
    static boolean smallOrder(byte[] encoded) {
        return SMALL_ORDER_BYTES.stream().anyMatch(point -> Arrays.equals(point, encoded));
    }

    /** Whether y decodes to a point on the curve: x² = (y² - 1) / (d·y² + 1) has a root (RFC 8032 §5.1.3 steps 2-3). */
    static boolean onCurve(byte[] encoded) {
        BigInteger y = y(encoded);
        BigInteger ySquared = y.multiply(y).mod(P);
        BigInteger u = ySquared.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(ySquared).add(BigInteger.ONE).mod(P);
        BigInteger xSquared = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = xSquared.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (x.multiply(x).mod(P).equals(xSquared)) {
            return true;
        }
        x = x.multiply(SQRT_MINUS_ONE).mod(P);
        return x.multiply(x).mod(P).equals(xSquared);
    }

    /** Whether the scalar S (32 bytes little-endian) is at least L: RFC 8032 §5.1.7 step 1 requires 0 ≤ S < L. */
    static boolean scalarOutOfRange(byte[] scalar) {
        return littleEndian(scalar, false).compareTo(L) >= 0;
    }

    private static BigInteger y(byte[] encoded) {
        return littleEndian(encoded, true);
    }

    private static boolean signBit(byte[] encoded) {
        return (encoded[31] & 0x80) != 0;
    }

    private static BigInteger littleEndian(byte[] bytes, boolean dropTopBit) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        if (dropTopBit) {
            bigEndian[0] &= 0x7f;
        }
        return new BigInteger(1, bigEndian);
    }
}
