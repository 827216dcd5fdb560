package com.alphacast.core.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a value that may be a secret appears in an error or a log line. A settings value can be a token pasted
 * under the wrong key, so errors quote at most {@value #PREVIEW_CHARACTERS} characters of it (too few to be
 * any use to a reader of the log) and its length; and a message that may carry a known secret (a URL with a
 * webhook token, a header value) is scrubbed of it before it is thrown or logged.
 */
public final class Redaction {

    /** Characters of a value shown in an error; a secret's 6-character substring must never appear. */
    public static final int PREVIEW_CHARACTERS = 4;
    /** Replaces each known secret in a scrubbed message. */
    public static final String REDACTED = "[redacted]";

    private Redaction() {
    }

    /** {@code 'abcd…' (37 characters)}: a short prefix, control characters shown as {@code ?}. */
    public static String preview(Object value) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        if (text.length() <= PREVIEW_CHARACTERS) {
            return "'" + printable(text) + "'";
        }
        return "'" + printable(text.substring(0, PREVIEW_CHARACTERS)) + "…' (" + text.length() + " characters)";
    }

    /**
     * {@code text} with every occurrence of each secret replaced by {@value #REDACTED}. Secrets shorter than
     * {@value #PREVIEW_CHARACTERS} + 2 characters are not searched for (they would match ordinary words).
     */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        // Longest first, so a secret containing another is replaced whole.
        List<String> ordered = secrets.stream().filter(Objects::nonNull).map(String::strip)
                .filter(secret -> secret.length() > PREVIEW_CHARACTERS + 1)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            out = out.replace(secret, REDACTED);
        }
        return out;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
