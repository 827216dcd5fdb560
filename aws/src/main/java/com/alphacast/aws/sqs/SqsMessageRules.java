package com.alphacast.aws.sqs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What SQS accepts in one SendMessage, as documented: at most 256 KiB for the body and the message attributes
 * together (each attribute counts its name, data type and value in UTF-8), only the characters #x9, #xA, #xD,
 * #x20-#xD7FF, #xE000-#xFFFD and #x10000-#x10FFFF in the body and string attribute values, and a delay of
 * 0-900 s. A message that breaks one of these is refused on every attempt, so it is checked before anything
 * depends on it being sent.
 */
public final class SqsMessageRules {

    /** 256 KiB: body plus attributes. */
    public static final int MAX_MESSAGE_BYTES = 262_144;
    /** SQS's per-message delay ceiling. */
    public static final int MAX_DELAY_SECONDS = 900;
    private static final String STRING_TYPE = "String";

    private SqsMessageRules() {
    }

    /** Every reason SQS would refuse this message for good; empty when it would be accepted. */
    public static List<String> refusals(String body, Map<String, String> stringAttributes, int delaySeconds) {
        List<String> reasons = new ArrayList<>();
        if (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
            reasons.add("delay of " + delaySeconds + " s is outside SQS's 0.." + MAX_DELAY_SECONDS + " s");
        }
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        refusedCharacter(body).ifPresent(c -> reasons.add("body contains " + c + ", which SQS refuses"));
        for (Map.Entry<String, String> attribute : stringAttributes.entrySet()) {
            String value = attribute.getValue();
            bytes += utf8Length(attribute.getKey()) + utf8Length(STRING_TYPE) + utf8Length(value);
            if (value.isEmpty()) {
                reasons.add("attribute " + attribute.getKey() + " is empty, which SQS refuses");
            }
            refusedCharacter(value).ifPresent(c ->
                    reasons.add("attribute " + attribute.getKey() + " contains " + c + ", which SQS refuses"));
        }
        if (bytes > MAX_MESSAGE_BYTES) {
            reasons.add("message is " + bytes + " bytes with its attributes, over SQS's limit of "
                    + MAX_MESSAGE_BYTES + " bytes (256 KiB)");
        }
        return reasons;
    }

    /** The first character outside SQS's allowed set, described with its position; empty when there is none. */
    static Optional<String> refusedCharacter(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                // A lone surrogate (half of a broken pair) lands here too: it is no character at all.
                return Optional.of(String.format("U+%04X at index %d", c, i));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
