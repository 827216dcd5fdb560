package com.alphacast.bots.inbound;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Ed25519 signature verification with the JDK provider ({@code Signature.getInstance("Ed25519")}), for
 * Discord interaction requests: the signature covers {@code timestamp + raw body}. A malformed signature
 * is an invalid one (the JDK throws for some); the reason says why.
 *
 * <p>The JDK follows RFC 8032's cofactorless check but accepts public keys of small order, under which
 * forgeries verify (see {@link Ed25519Encoding#SMALL_ORDER_POINTS}). So a key that is not a canonical
 * encoding of a point of large order is refused when the verifier is built, and a signature whose R is not
 * canonical or of small order, or whose S is not below L, is refused before the JDK sees it.
 */
public final class Ed25519Verifier {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for an Ed25519 key; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = Hex.decode("302a300506032b6570032100", "prefix");

    /** The verdict and, when invalid, why. */
    public record Verification(boolean valid, String reason) {
        static Verification ok() {
            return new Verification(true, "signature matches");
        }

        static Verification invalid(String reason) {
            return new Verification(false, reason);
        }
    }

    private final PublicKey key;

    /** @param rawPublicKey the 32-byte public key (Discord shows it as 64 hex digits) */
    public Ed25519Verifier(byte[] rawPublicKey) {
        Objects.requireNonNull(rawPublicKey, "rawPublicKey");
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + rawPublicKey.length);
        }
        refuseUnusableKey(rawPublicKey);
        byte[] encoded = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, 32);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private static void refuseUnusableKey(byte[] key) {
        Optional<String> nonCanonical = Ed25519Encoding.nonCanonicalPoint(key);
        if (nonCanonical.isPresent()) {
            throw new IllegalArgumentException("the Ed25519 public key is unusable: it is not a canonical point encoding ("
                    + nonCanonical.get() + ")");
        }
        if (Ed25519Encoding.smallOrder(key)) {
            throw new IllegalArgumentException("the Ed25519 public key is unusable: it is a point of small order"
                    + (isAllZero(key) ? " (all zeros, a placeholder)" : "")
                    + ", under which forged signatures verify; use the application's public key from the Discord"
                    + " developer portal");
        }
        if (!Ed25519Encoding.onCurve(key)) {
            throw new IllegalArgumentException("the Ed25519 public key is unusable: it is not a point on the curve");
        }
    }

    private static boolean isAllZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    public static Ed25519Verifier fromHex(String publicKeyHex) {
        return new Ed25519Verifier(Hex.decode(publicKeyHex, "public key"));
    }

    public Verification verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return Verification.invalid("an Ed25519 signature has 64 bytes, got " + (signature == null ? 0 : signature.length));
        }
        byte[] r = Arrays.copyOfRange(signature, 0, 32);
        Optional<String> nonCanonicalR = Ed25519Encoding.nonCanonicalPoint(r);
        if (nonCanonicalR.isPresent()) {
            return Verification.invalid("malformed signature: R is not a canonical point encoding (" + nonCanonicalR.get() + ")");
        }
        if (Ed25519Encoding.smallOrder(r)) {
            return Verification.invalid("malformed signature: R is a point of small order");
        }
        if (Ed25519Encoding.scalarOutOfRange(Arrays.copyOfRange(signature, 32, 64))) {
            return Verification.invalid("malformed signature: S is not below the group order L");
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature) ? Verification.ok() : Verification.invalid("signature does not match the message and key");
        } catch (SignatureException e) {
            return Verification.invalid("malformed signature: " + e.getMessage());
        } catch (InvalidKeyException e) {
            return Verification.invalid("unusable public key: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** Discord's check: the signature (hex) over {@code timestamp + body}. Bad hex is an invalid signature. */
    public Verification verifyDiscord(String signatureHex, String timestamp, byte[] body) {
        if (signatureHex == null || signatureHex.isBlank()) {
            return Verification.invalid("missing X-Signature-Ed25519 header");
        }
        if (timestamp == null || timestamp.isBlank()) {
            return Verification.invalid("missing X-Signature-Timestamp header");
        }
        byte[] signature;
        try {
            signature = Hex.decode(signatureHex, "signature");
        } catch (IllegalArgumentException e) {
            return Verification.invalid(e.getMessage());
        }
        if (body == null) {
            return Verification.invalid("missing request body");
        }
        byte[] stamp = timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] message = new byte[stamp.length + body.length];
        System.arraycopy(stamp, 0, message, 0, stamp.length);
        System.arraycopy(body, 0, message, stamp.length, body.length);
        return verify(message, signature);
    }
}
