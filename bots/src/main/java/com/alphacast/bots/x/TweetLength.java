package com.alphacast.bots.x;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a post's length the way X does (twitter-text v3 weighting): every URL counts 23, code points in
 * the Latin, punctuation and general ranges count 1, everything else (CJK, emoji) counts 2. Emoji sequences
 * are counted per code point, which can only over-count, so a post that fits here fits on X.
 */
public final class TweetLength {

    public static final int LIMIT = 280;
    public static final int URL_LENGTH = 23;
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);

    private TweetLength() {
    }

    public static int of(String text) {
        int length = 0;
        Matcher url = URL.matcher(text);
        int position = 0;
        while (url.find()) {
            length += weigh(text, position, url.start()) + URL_LENGTH;
            position = url.end();
        }
        return length + weigh(text, position, text.length());
    }

    public static boolean fits(String text) {
        return of(text) <= LIMIT;
    }

    private static int weigh(String text, int from, int to) {
        int length = 0;
        int i = from;
        while (i < to) {
            int codePoint = text.codePointAt(i);
            length += light(codePoint) ? 1 : 2;
            i += Character.charCount(codePoint);
        }
        return length;
    }

    private static boolean light(int codePoint) {
        return codePoint <= 4351
                || (codePoint >= 8192 && codePoint <= 8205)
                || (codePoint >= 8208 && codePoint <= 8223)
                || (codePoint >= 8242 && codePoint <= 8247);
    }
}
