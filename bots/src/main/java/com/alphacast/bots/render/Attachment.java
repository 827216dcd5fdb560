package com.alphacast.bots.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file sent with a platform request as one part of a multipart/form-data body (a briefing's chart).
 *
 * @param field       the form field the platform expects the file in ({@code photo}, {@code files[0]}, {@code media})
 * @param filename    the file name the platform sees ({@code chart.png})
 * @param contentType the part's content type ({@code image/png})
 * @param bytes       the file
 */
public record Attachment(String field, String filename, String contentType, byte[] bytes) {

    public Attachment {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
        if (field.isBlank() || filename.isBlank()) {
            throw new IllegalArgumentException("an attachment needs a field and a file name, were '" + field + "' and '"
                    + filename + "'");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("attachment " + filename + " is empty");
        }
        bytes = bytes.clone();
    }

    /** A PNG image. */
    public static Attachment png(String field, String filename, byte[] bytes) {
        return new Attachment(field, filename, "image/png", bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** Hex SHA-256 of the bytes: what the outbox records instead of the file. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
