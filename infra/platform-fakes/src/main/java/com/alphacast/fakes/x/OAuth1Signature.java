package com.alphacast.fakes.x;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** OAuth 1.0a HMAC-SHA1 request signatures (RFC 5849), as X checks them for user-context calls. */
public final class OAuth1Signature {

    private static final Pattern PARAMETER = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    private OAuth1Signature() {
    }

    /** The {@code oauth_*} parameters of an {@code Authorization: OAuth ...} header, percent-decoded. */
    public static Map<String, String> parseHeader(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (header == null || !header.startsWith("OAuth ")) {
            return parameters;
        }
        Matcher matcher = PARAMETER.matcher(header);
        while (matcher.find()) {
            parameters.put(matcher.group(1), java.net.URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Base64 HMAC-SHA1 over the signature base string. {@code parameters} excludes {@code oauth_signature}. */
    public static String sign(String method, String baseUrl, Map<String, String> parameters, String consumerSecret,
                              String tokenSecret) {
        StringBuilder normalized = new StringBuilder();
        Map<String, String> sorted = new TreeMap<>();
        parameters.forEach((name, value) -> sorted.put(encode(name), encode(value)));
        sorted.forEach((name, value) -> {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(name).append('=').append(value);
        });
        String base = method.toUpperCase() + "&" + encode(baseUrl) + "&" + encode(normalized.toString());
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&" + encode(tokenSecret)).getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    public static boolean matches(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
