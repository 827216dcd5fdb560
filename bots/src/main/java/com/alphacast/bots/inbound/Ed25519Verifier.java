package com.alphacast.bots.inbound;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Objects;

/**
 * Ed25519 signature verification with the JDK provider ({@code Signature.getInstance("Ed25519")}), for
 * Discord interaction requests: the signature covers {@code timestamp + raw body}. A malformed signature
 * is an invalid one (the JDK throws for some); the reason says why.
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
        byte[] encoded = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, encoded, X509_PREFIX.length, 32);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static Ed25519Verifier fromHex(String publicKeyHex) {
        return new Ed25519Verifier(Hex.decode(publicKeyHex, "public key"));
    }

    public Verification verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return Verification.invalid("an Ed25519 signature has 64 bytes, got " + (signature == null ? 0 : signature.length));
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
        byte[] stamp = timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] message = new byte[stamp.length + body.length];
        System.arraycopy(stamp, 0, message, 0, stamp.length);
        System.arraycopy(body, 0, message, stamp.length, body.length);
        return verify(message, signature);
    }
}
