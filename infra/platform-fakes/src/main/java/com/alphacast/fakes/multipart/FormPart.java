package com.alphacast.fakes.multipart;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One part of a multipart/form-data body.
 *
 * @param name        the form field ({@code Content-Disposition: form-data; name=...})
 * @param filename    the file name when the part is a file; empty for a plain field
 * @param contentType the part's Content-Type; empty when it named none
 * @param bytes       the part's content
 */
public record FormPart(String name, String filename, String contentType, byte[] bytes) {

    public FormPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isFile() {
        return !filename.isEmpty();
    }

    public int size() {
        return bytes.length;
    }

    /** The content as UTF-8 text (a plain field's value). */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
