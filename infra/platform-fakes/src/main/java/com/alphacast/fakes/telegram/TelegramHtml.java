package com.alphacast.fakes.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Telegram's HTML parse mode as the Bot API documents it: the supported tags, the four named entities
 * plus numeric ones, every tag closed in order, and {@code <}, {@code &} used literally only as entities.
 * Returns the text after entity parsing, whose length the API limits.
 */
public final class TelegramHtml {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji", "tg-time");

    private TelegramHtml() {
    }

    /** The visible text, or throws {@link IllegalArgumentException} with Telegram's kind of message. */
    public static String parse(String html) {
        StringBuilder text = new StringBuilder(html.length());
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("can't parse entities: unclosed start tag at byte offset " + i);
                }
                String tag = html.substring(i + 1, end).strip();
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).strip();
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new IllegalArgumentException("can't parse entities: unmatched end tag at byte offset " + i
                                + ", expected \"</" + (open.isEmpty() ? "" : open.peek()) + ">\", found \"</" + name + ">\"");
                    }
                    open.pop();
                } else {
                    String name = tag.split("\\s+", 2)[0];
                    if (!TAGS.contains(name)) {
                        throw new IllegalArgumentException("can't parse entities: unsupported start tag \"" + name
                                + "\" at byte offset " + i);
                    }
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                String entity = end < 0 ? "" : html.substring(i + 1, end);
                String decoded = decode(entity);
                if (decoded == null) {
                    throw new IllegalArgumentException("can't parse entities: character '&' at byte offset " + i
                            + " must be escaped as &amp;");
                }
                text.append(decoded);
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("can't parse entities: can't find end tag corresponding to start tag \""
                    + open.peek() + "\"");
        }
        return text.toString();
    }

    private static String decode(String entity) {
        switch (entity) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                break;
        }
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
