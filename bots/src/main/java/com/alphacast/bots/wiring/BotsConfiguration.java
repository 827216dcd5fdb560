package com.alphacast.bots.wiring;

import com.alphacast.bots.ratelimit.RateLimit;
import com.alphacast.bots.x.XCredentials;
import com.alphacast.core.settings.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the bots connect and with which secrets. Secrets come from environment variables
 * ({@link #fromEnvironment}) or, for callers that already resolved them from a secrets store, the typed
 * factories {@link #telegram(String, URI, Duration)}, {@link #discord(String, Optional, Map, Duration)} and
 * {@link #x(String, XCredentials, Duration)}; never from committed files. Variable names:
 *
 * <pre>
 * TELEGRAM_BOT_TOKEN        bot token from BotFather (enables Telegram)
 * TELEGRAM_API_BASE         default https://api.telegram.org
 * TELEGRAM_BOT_USERNAME     the bot's @username without @, for "/cmd@bot" addressing
 * TELEGRAM_WEBHOOK_SECRET   secret_token given to setWebhook; checked on every update
 * TELEGRAM_UPGRADE_URL      optional URL of the "Upgrade" button under teasers
 * TELEGRAM_RATE_LIMIT       default 30/1s (per bot); TELEGRAM_CHAT_RATE_LIMIT default 1/1s (per chat)
 * DISCORD_BOT_TOKEN         bot token (channel posts, command registration)
 * DISCORD_API_BASE          default https://discord.com/api/v10
 * DISCORD_WEBHOOKS          comma-separated webhook URLs (…/webhooks/&lt;id&gt;/&lt;token&gt;) or id:token pairs
 * DISCORD_APPLICATION_ID    application id (command registration)
 * DISCORD_PUBLIC_KEY        application public key, hex (interaction signatures)
 * X_API_KEY, X_API_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET   OAuth 1.0a user context (enables X)
 * X_API_BASE                default https://api.twitter.com
 * X_LINK                    optional link appended to posts
 * ALPHACAST_HTTP_TIMEOUT    per-request timeout, default PT10S (ISO-8601)
 * </pre>
 */
public record BotsConfiguration(Optional<Telegram> telegram, Optional<Discord> discord, Optional<X> x, Duration timeout) {

    public record Telegram(String botToken, URI apiBase, String botUsername, Optional<String> webhookSecret,
                           Optional<String> upgradeUrl, RateLimit botLimit, RateLimit chatLimit) {
        @Override
        public String toString() {
            return "Telegram[apiBase=" + apiBase + ", botUsername=" + botUsername + ", token hidden]";
        }
    }

    public record Discord(String apiBase, Optional<String> botToken, Map<String, String> webhookTokens,
                          Optional<String> applicationId, Optional<String> publicKeyHex) {
        public Discord {
            webhookTokens = Map.copyOf(webhookTokens);
        }

        @Override
        public String toString() {
            return "Discord[apiBase=" + apiBase + ", webhooks=" + webhookTokens.keySet() + ", tokens hidden]";
        }
    }

    public record X(String apiBase, XCredentials credentials, Optional<String> link) {
    }

    private static final Pattern WEBHOOK_URL = Pattern.compile("/webhooks/(\\d+)/([^/?\\s]+)");
    /** Discord tokens (bot and webhook) are base64url-ish: anything else is a paste error that would break the URL or header. */
    private static final Pattern DISCORD_TOKEN = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]+");
    private static final String DEFAULT_TELEGRAM_BOT_LIMIT = "30/1s";
    private static final String DEFAULT_TELEGRAM_CHAT_LIMIT = "1/1s";

    /** Reads the variables above; a channel is configured when its credentials are present. Bad values fail naming the variable. */
    public static BotsConfiguration fromEnvironment(Map<String, String> env) {
        Duration timeout = parse(env, "ALPHACAST_HTTP_TIMEOUT", "PT10S", Duration::parse);
        Optional<Telegram> telegram = Optional.empty();
        if (present(env, "TELEGRAM_BOT_TOKEN")) {
            requireBotToken(env.get("TELEGRAM_BOT_TOKEN").strip(), "TELEGRAM_BOT_TOKEN");
            telegram = Optional.of(new Telegram(env.get("TELEGRAM_BOT_TOKEN").strip(),
                    parse(env, "TELEGRAM_API_BASE", "https://api.telegram.org", URI::create),
                    env.getOrDefault("TELEGRAM_BOT_USERNAME", "").replace("@", "").strip(),
                    optional(env, "TELEGRAM_WEBHOOK_SECRET"), optional(env, "TELEGRAM_UPGRADE_URL"),
                    parse(env, "TELEGRAM_RATE_LIMIT", DEFAULT_TELEGRAM_BOT_LIMIT, RateLimit::parse),
                    parse(env, "TELEGRAM_CHAT_RATE_LIMIT", DEFAULT_TELEGRAM_CHAT_LIMIT, RateLimit::parse)));
        }
        Optional<Discord> discord = Optional.empty();
        if (present(env, "DISCORD_BOT_TOKEN") || present(env, "DISCORD_WEBHOOKS") || present(env, "DISCORD_PUBLIC_KEY")) {
            Optional<String> botToken = optional(env, "DISCORD_BOT_TOKEN");
            botToken.ifPresent(token -> requireDiscordToken(token, "DISCORD_BOT_TOKEN"));
            String apiBase = env.getOrDefault("DISCORD_API_BASE", "https://discord.com/api/v10").strip();
            requireHttpUri(uri(apiBase, "DISCORD_API_BASE"), "DISCORD_API_BASE");
            discord = Optional.of(new Discord(apiBase, botToken, webhooks(env.getOrDefault("DISCORD_WEBHOOKS", "")),
                    optional(env, "DISCORD_APPLICATION_ID"), optional(env, "DISCORD_PUBLIC_KEY")));
        }
        Optional<X> x = Optional.empty();
        List<String> xVariables = List.of("X_API_KEY", "X_API_SECRET", "X_ACCESS_TOKEN", "X_ACCESS_TOKEN_SECRET");
        long presentX = xVariables.stream().filter(name -> present(env, name)).count();
        if (presentX > 0 && presentX < xVariables.size()) {
            List<String> missing = new ArrayList<>(xVariables.stream().filter(name -> !present(env, name)).toList());
            throw new IllegalArgumentException("X is partly configured: missing " + String.join(", ", missing));
        }
        if (presentX == xVariables.size()) {
            x = Optional.of(new X(env.getOrDefault("X_API_BASE", "https://api.twitter.com").strip(),
                    new XCredentials(env.get("X_API_KEY").strip(), env.get("X_API_SECRET").strip(),
                            env.get("X_ACCESS_TOKEN").strip(), env.get("X_ACCESS_TOKEN_SECRET").strip()),
                    optional(env, "X_LINK")));
        }
        return new BotsConfiguration(telegram, discord, x, timeout);
    }

    /**
     * Telegram only, for callers that already hold the resolved bot token (e.g. from a secrets store): no bot
     * username, webhook secret or upgrade button; the default limits (30/s per bot, 1/s per chat).
     *
     * @param botToken the BotFather token ({@code <bot id>:<secret>})
     * @param apiBase  {@code https://api.telegram.org} in production
     * @param timeout  per-request timeout
     * @throws IllegalArgumentException naming what is wrong (never echoing the token)
     */
    public static BotsConfiguration telegram(String botToken, URI apiBase, Duration timeout) {
        requireBotToken(botToken == null ? null : botToken.strip(), "Telegram bot token");
        URI base = requireHttpUri(apiBase, "Telegram API base");
        return new BotsConfiguration(Optional.of(new Telegram(botToken.strip(), base, "", Optional.empty(), Optional.empty(),
                RateLimit.parse(DEFAULT_TELEGRAM_BOT_LIMIT), RateLimit.parse(DEFAULT_TELEGRAM_CHAT_LIMIT))),
                Optional.empty(), Optional.empty(), requirePositive(timeout));
    }

    /**
     * Discord only, for callers that already hold the resolved secrets: posts through webhooks and/or as the bot.
     *
     * @param apiBase       {@code https://discord.com/api/v10} in production
     * @param botToken      the bot token for channel posts; empty when only webhooks are used
     * @param webhookTokens webhook id → webhook token ({@link #webhooks(String)} parses the URL form)
     * @param timeout       per-request timeout
     * @throws IllegalArgumentException when there is neither a bot token nor a webhook, or a value is malformed
     */
    public static BotsConfiguration discord(String apiBase, Optional<String> botToken, Map<String, String> webhookTokens,
                                            Duration timeout) {
        String base = requireHttpUri(apiBase == null ? null : uri(apiBase.strip(), "Discord API base"), "Discord API base").toString();
        Optional<String> token = Objects.requireNonNull(botToken, "botToken").map(String::strip).filter(value -> !value.isEmpty());
        token.ifPresent(value -> requireDiscordToken(value, "Discord bot token"));
        Objects.requireNonNull(webhookTokens, "webhookTokens").forEach((id, secret) -> {
            if (id == null || !id.matches("\\d+") || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("Discord webhooks need a numeric id and a token, got id " + Redaction.preview(id));
            }
            requireDiscordToken(secret, "the token of Discord webhook " + id);
        });
        if (token.isEmpty() && webhookTokens.isEmpty()) {
            throw new IllegalArgumentException("Discord needs a bot token or at least one webhook to send anything");
        }
        return new BotsConfiguration(Optional.empty(), Optional.of(new Discord(base, token, webhookTokens, Optional.empty(),
                Optional.empty())), Optional.empty(), requirePositive(timeout));
    }

    /**
     * X only, for callers that already hold the resolved OAuth 1.0a credentials.
     *
     * @param apiBase {@code https://api.twitter.com} in production (the v2 base becomes {@code apiBase + "/2/"})
     * @param timeout per-request timeout
     */
    public static BotsConfiguration x(String apiBase, XCredentials credentials, Duration timeout) {
        String base = requireHttpUri(apiBase == null ? null : uri(apiBase.strip(), "X API base"), "X API base").toString();
        if (credentials == null) {
            throw new IllegalArgumentException("X credentials are missing");
        }
        return new BotsConfiguration(Optional.empty(), Optional.empty(), Optional.of(new X(base, credentials, Optional.empty())),
                requirePositive(timeout));
    }

    private static void requireBotToken(String token, String what) {
        if (token == null || !BOT_TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(what + " does not look like a bot token (<bot id>:<secret>)");
        }
    }

    /** Refuses a Discord token with characters no Discord token has (a quote, a newline), without quoting it. */
    private static void requireDiscordToken(String token, String what) {
        if (!DISCORD_TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException(what + " has characters no Discord token has (only letters, digits, '.', '_'"
                    + " and '-'; check for a stray quote, space or line break)");
        }
    }

    private static URI uri(String text, String what) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            // The parser's message quotes the whole text, which may be a pasted secret.
            throw new IllegalArgumentException(what + " is not a URL: " + Redaction.preview(text));
        }
    }

    private static URI requireHttpUri(URI uri, String what) {
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException(what + " must be an http(s) URL, was " + Redaction.preview(uri));
        }
        return uri;
    }

    private static Duration requirePositive(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the request timeout must be positive, was " + timeout);
        }
        return timeout;
    }

    /** Parses {@code DISCORD_WEBHOOKS}: webhook URLs or {@code id:token} pairs, comma-separated. */
    public static Map<String, String> webhooks(String value) {
        Map<String, String> tokens = new LinkedHashMap<>();
        String[] entries = value.split(",");
        for (int index = 0; index < entries.length; index++) {
            String item = entries[index].strip();
            if (item.isEmpty()) {
                continue;
            }
            Matcher url = WEBHOOK_URL.matcher(item);
            if (url.find()) {
                requireDiscordToken(url.group(2), "the token of Discord webhook " + url.group(1));
                tokens.put(url.group(1), url.group(2));
            } else if (item.matches("\\d+:[^:\\s]+")) {
                String id = item.substring(0, item.indexOf(':'));
                requireDiscordToken(item.substring(item.indexOf(':') + 1), "the token of Discord webhook " + id);
                tokens.put(id, item.substring(item.indexOf(':') + 1));
            } else {
                throw new IllegalArgumentException("DISCORD_WEBHOOKS entry " + (index + 1) + " (" + Redaction.preview(item)
                        + ") is neither a webhook URL nor id:token");
            }
        }
        return tokens;
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return present(env, name) ? Optional.of(env.get(name).strip()) : Optional.empty();
    }

    /**
     * Parses one variable. The parser's own message and cause quote the value (a token pasted under the wrong
     * name would end up in the log), so neither is kept: the error names the variable and a short preview.
     */
    private static <T> T parse(Map<String, String> env, String name, String fallback, java.util.function.Function<String, T> parser) {
        String value = present(env, name) ? env.get(name).strip() : fallback;
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " has an invalid value " + Redaction.preview(value));
        }
    }
}
