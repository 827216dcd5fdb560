package com.alphacast.bots.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Keys and signatures under which the JDK's Ed25519 check would let forgeries through are refused up front. */
class Ed25519VerifierHardeningTest {

    private static final HexFormat HEX = HexFormat.of();
    /** R = identity, S = 0: verifies under a small-order key A whenever [k]A is the identity. */
    private static final String FORGERY = "01" + "00".repeat(31) + "00".repeat(32);

    private final KeyPair keys;

    Ed25519VerifierHardeningTest() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @ParameterizedTest
    @FieldSource("com.alphacast.bots.inbound.Ed25519Encoding#SMALL_ORDER_POINTS")
    void refusesEverySmallOrderPublicKeyWhenBuilt(String key) {
        assertThatThrownBy(() -> Ed25519Verifier.fromHex(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unusable")
                .hasMessageContaining("small order")
                .hasMessageContaining("forged signatures verify");
    }

    @Test
    void namesTheAllZeroPlaceholderKey() {
        assertThatThrownBy(() -> new Ed25519Verifier(new byte[32])).hasMessageContaining("all zeros");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p + 1, i.e. the identity again
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = 2^255 - 1
            "0100000000000000000000000000000000000000000000000000000000000080", // identity with the sign of x = 0 set
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"}) // (0, -1) with the sign of x = 0 set
    void refusesNonCanonicalPublicKeysWhenBuilt(String key) {
        assertThatThrownBy(() -> Ed25519Verifier.fromHex(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unusable")
                .hasMessageContaining("not a canonical point encoding");
    }

    @Test
    void refusesAKeyThatIsNotOnTheCurve() {
        // y = 2 has no x on Ed25519: (y² - 1)/(d·y² + 1) is not a square mod p.
        assertThatThrownBy(() -> Ed25519Verifier.fromHex("02" + "00".repeat(31))).hasMessageContaining("not a point on the curve");
    }

    @Test
    void acceptsARealKeyAndItsSignatures() throws Exception {
        byte[] message = "1700000000{\"type\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier().verify(message, sign(message)).valid()).isTrue();
    }

    @Test
    void refusesSignatureWhoseRIsOfSmallOrder() {
        Ed25519Verifier.Verification verdict = verifier().verify("any".getBytes(StandardCharsets.UTF_8), HEX.parseHex(FORGERY));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).contains("R is a point of small order");
    }

    @Test
    void refusesSignatureWhoseRIsNotCanonical() throws Exception {
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(message);
        byte[] r = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        System.arraycopy(r, 0, signature, 0, 32);
        Ed25519Verifier.Verification verdict = verifier().verify(message, signature);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).contains("R is not a canonical point encoding");
    }

    @Test
    void refusesSignatureWhoseSIsNotBelowTheGroupOrder() throws Exception {
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        byte[] signature = sign(message);
        // S + L is the same scalar mod L, so only the range check can tell it from the real signature.
        BigInteger s = littleEndian(Arrays.copyOfRange(signature, 32, 64)).add(Ed25519Encoding.L);
        System.arraycopy(toLittleEndian(s), 0, signature, 32, 32);
        Ed25519Verifier.Verification verdict = verifier().verify(message, signature);
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).contains("S is not below the group order L");
    }

    private Ed25519Verifier verifier() {
        byte[] encoded = keys.getPublic().getEncoded();
        return new Ed25519Verifier(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
    }

    private byte[] sign(byte[] message) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(message);
        return signer.sign();
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, reversed);
    }

    private static byte[] toLittleEndian(BigInteger value) {
        byte[] out = new byte[32];
        byte[] bigEndian = value.toByteArray();
        for (int i = 0; i < bigEndian.length && i < 32; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
