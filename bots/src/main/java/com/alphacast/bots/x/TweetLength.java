package com.alphacast.bots.x;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a post's length the way X does (twitter-text v3 weighting): every URL counts 23, code points in
 * the Latin, punctuation and general ranges count 1, everything else (CJK, emoji) counts 2. Emoji sequences
 * are counted per code point, which can only over-count, so a post that fits here fits on X.
 *
 * <p>URLs follow twitter-text's extractor: {@code http(s)://} links, and bare domains whose top-level domain
 * is a known one ({@code alphacast.io/x}, {@code www.example.com}). Trailing punctuation such as
 * {@code . , ; : ! ? )} is not part of a URL (a {@code )} closing a parenthesis opened inside it is). A bare
 * two-label domain under a country code ({@code example.io}) is a URL only with a path, except {@code .co}
 * and {@code .tv}; an address after {@code @}, {@code $} or {@code #} (e-mail, cashtag, hashtag) is not.
 */
public final class TweetLength {

    public static final int LIMIT = 280;
    public static final int URL_LENGTH = 23;

    /** Generic top-level domains common enough to appear in posts; twitter-text carries the full IANA list. */
    private static final Set<String> GENERIC_TLDS = Set.of(
            "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "name", "pro", "mobi", "aero", "asia", "coop",
            "jobs", "museum", "tel", "travel", "xxx", "app", "dev", "page", "xyz", "online", "site", "website", "store",
            "shop", "tech", "blog", "news", "live", "media", "link", "click", "cloud", "digital", "email", "global", "group",
            "network", "one", "top", "world", "today", "space", "life", "agency", "company", "solutions", "services",
            "finance", "financial", "fund", "capital", "money", "trade", "trading", "markets", "exchange", "investments",
            "bank", "insure", "cash", "credit", "gold", "bet", "poker", "game", "games", "chat", "social", "bot");
    /** ISO 3166 country codes plus the country-code TLDs that are not (uk, eu, ac, su). */
    private static final Set<String> COUNTRY_TLDS;
    /** Country codes whose bare two-label domains twitter-text still links (t.co style). */
    private static final Set<String> LINKED_SHORT_COUNTRY_TLDS = Set.of("co", "tv");

    private static final String PATH_CHARS = "a-z0-9!*';:=+,.$/%#\\[\\]\\-\\u2013_~|&@()?\\u00c0-\\u024f\\u0400-\\u04ff";
    private static final Pattern URL;

    static {
        Set<String> country = new TreeSet<>();
        for (String code : Locale.getISOCountries()) {
            country.add(code.toLowerCase(Locale.ROOT));
        }
        country.addAll(List.of("uk", "eu", "ac", "su"));
        COUNTRY_TLDS = Set.copyOf(country);
        List<String> tlds = new ArrayList<>(GENERIC_TLDS);
        tlds.addAll(COUNTRY_TLDS);
        tlds = new ArrayList<>(new TreeSet<>(tlds));
        // Longest first, so "com" is tried before "co".
        tlds.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        String label = "[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?";
        URL = Pattern.compile("(?<![a-z0-9@\\uff20$#\\uff03])"
                + "(?:(?<protocol>https?://)[^\\s/?#,;!()\\[\\]<>\"'|]+"
                + "|(?<![_./-])(?<host>(?:" + label + "\\.)+(?<tld>" + String.join("|", tlds)
                + "))(?![a-z0-9@+_-]))"
                + "(?::[0-9]+)?(?<rest>[/?][" + PATH_CHARS + "]*)?",
                Pattern.CASE_INSENSITIVE);
    }

    private TweetLength() {
    }

    public static int of(String text) {
        int length = 0;
        int position = 0;
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = url.start() + trimmed(url.group());
            if (!isUrl(url, end)) {
                continue;
            }
            length += weigh(text, position, url.start()) + URL_LENGTH;
            position = end;
        }
        return length + weigh(text, position, text.length());
    }

    public static boolean fits(String text) {
        return of(text) <= LIMIT;
    }

    private static boolean isUrl(Matcher url, int end) {
        if (url.group("protocol") != null) {
            return end > url.start() + url.group("protocol").length();
        }
        String tld = url.group("tld").toLowerCase(Locale.ROOT);
        boolean twoLabels = url.group("host").indexOf('.') == url.group("host").lastIndexOf('.');
        boolean hasPath = url.group("rest") != null && url.group("rest").startsWith("/") && end > url.start("rest");
        return hasPath || !twoLabels || !COUNTRY_TLDS.contains(tld) || LINKED_SHORT_COUNTRY_TLDS.contains(tld);
    }

    /** The URL's length once trailing punctuation and an unbalanced closing parenthesis are dropped. */
    private static int trimmed(String candidate) {
        int end = candidate.length();
        while (end > 0) {
            char last = candidate.charAt(end - 1);
            if (Character.isLetterOrDigit(last) || "=_#/-+&".indexOf(last) >= 0
                    || (last == ')' && count(candidate, '(', end) >= count(candidate, ')', end))) {
                break;
            }
            end--;
        }
        return end;
    }

    private static int count(String text, char c, int end) {
        int count = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        return count;
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
