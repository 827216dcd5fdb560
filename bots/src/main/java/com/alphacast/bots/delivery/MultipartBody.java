package com.alphacast.bots.delivery;

import com.alphacast.bots.render.Attachment;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A multipart/form-data body (RFC 7578) for the senders that speak HTTP themselves (Discord, X): text fields and
 * files, framed with a random boundary. Field names and file names are written as given, so they must not contain
 * quotes or line breaks; anything else would let a value forge a part.
 */
public final class MultipartBody {

    private static final byte[] CRLF = {'\r', '\n'};

    private final String boundary;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    public MultipartBody() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.boundary = "alphacast-" + HexFormat.of().formatHex(random);
    }

    /** A text field; {@code contentType} may be null (plain text). */
    public MultipartBody field(String name, String value, String contentType) {
        Objects.requireNonNull(value, "value");
        start("form-data; name=\"" + checked(name) + "\"", contentType);
        write(value.getBytes(StandardCharsets.UTF_8));
        write(CRLF);
        return this;
    }

    /** The file under {@code field} (which may differ from the attachment's own field name). */
    public MultipartBody file(String field, Attachment file) {
        start("form-data; name=\"" + checked(field) + "\"; filename=\"" + checked(file.filename()) + "\"", file.contentType());
        write(file.bytes());
        write(CRLF);
        return this;
    }

    /** {@code multipart/form-data; boundary=...}, the request's Content-Type. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with its closing delimiter. */
    public byte[] bytes() {
        ByteArrayOutputStream closed = new ByteArrayOutputStream(body.size() + boundary.length() + 8);
        closed.writeBytes(body.toByteArray());
        closed.writeBytes(("--" + boundary + "--").getBytes(StandardCharsets.US_ASCII));
        closed.writeBytes(CRLF);
        return closed.toByteArray();
    }

    private void start(String disposition, String contentType) {
        write(("--" + boundary).getBytes(StandardCharsets.US_ASCII));
        write(CRLF);
        write(("Content-Disposition: " + disposition).getBytes(StandardCharsets.UTF_8));
        write(CRLF);
        if (contentType != null) {
            write(("Content-Type: " + checked(contentType)).getBytes(StandardCharsets.US_ASCII));
            write(CRLF);
        }
        write(CRLF);
    }

    private static String checked(String header) {
        if (header.isEmpty() || header.chars().anyMatch(c -> c == '"' || c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("a multipart name must be non-empty, without quotes or line breaks, was '"
                    + header + "'");
        }
        return header;
    }

    private void write(byte[] bytes) {
        body.writeBytes(bytes);
    }
}
