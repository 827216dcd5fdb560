package com.alphacast.bots.telegram;

/** Escaping for Telegram's HTML parse mode: only values are escaped, never the template's own tags. */
public final class TelegramHtml {

    private TelegramHtml() {
    }

    /** Escapes {@code & < > "} so a value can sit in text or in an attribute. */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
