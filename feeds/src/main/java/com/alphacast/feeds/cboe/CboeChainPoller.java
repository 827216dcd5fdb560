package com.alphacast.feeds.cboe;

import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.cboe.CboeDelayedQuotesParser;
import com.alphacast.core.feed.cboe.CboeQuoteData;
import com.alphacast.core.marketdata.FeedHealth;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.marketdata.MarketEventListener;
import com.alphacast.core.text.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Polls CBOE's public delayed-quotes option JSON ({@code <base><UNDERLYING>.json}, {@code _SPX} style for indices) for
 * each target at its interval, only while the exchange calendar has a session open (and for
 * {@value #AFTER_CLOSE_MINUTES} minutes after the close, when the last delayed quotes of the day arrive), on its own
 * thread: the HTTP call blocks that thread and nothing else. Each chain is decoded by core's
 * {@link CboeDelayedQuotesParser} and delivered as {@link MarketEventListener#onOptionChain} of the target's instrument.
 *
 * <p>Politeness: one request per target per interval (at least {@code ChainSourceSettings.MIN_INTERVAL}), conditional
 * on the last answer's {@code ETag} / {@code Last-Modified} (a 304 costs CBOE nothing and keeps our chain current),
 * gzip accepted, a 429's {@code Retry-After} honoured, and errors backed off exponentially up to
 * {@value #MAX_BACKOFF_MINUTES} minutes.
 *
 * <p>Bad answers (HTTP errors, a body that is not a chain, a network failure) are counted, logged with the URL and,
 * for a bad body, the line and column, and never fatal: the target is reported {@link FeedHealth#STALE} (its last good
 * chain stays in the market state; strategies judge its age) until a poll succeeds again, then {@link FeedHealth#LIVE}.
 * Under the feeds supervisor a chain source is outside every failover route, so its health never silences the
 * instrument's trades.
 */
public final class CboeChainPoller implements FeedSource {

    /** CBOE's public CDN; {@code CBOE_URL} overrides it for tests and proxies. */
    public static final URI PUBLIC_BASE = URI.create("https://cdn.cboe.com/api/global/delayed_quotes/options/");
    static final int AFTER_CLOSE_MINUTES = 20;
    static final int MAX_BACKOFF_MINUTES = 15;
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(CboeChainPoller.class.getName());
    private static final int LOGGED_IN_FULL = 20;

    private final String name;
    private final URI base;
    private final List<Target> targets = new ArrayList<>();
    private final HttpClient http;
    private final Clock clock;
    private final MarketCalendar calendar;
    private final CboeDelayedQuotesParser parser = new CboeDelayedQuotesParser();
    private ScheduledExecutorService thread;
    private MarketEventListener listener;

    /**
     * @param base      directory URL the {@code <UNDERLYING>.json} files are under (ends with '/')
     * @param calendar  the exchange whose sessions gate the polls (NYSE for US equity and index options)
     */
    public CboeChainPoller(String name, URI base, List<CboePollTarget> targets, HttpClient http, Clock clock,
                           MarketCalendar calendar) {
        this.name = Objects.requireNonNull(name, "name");
        this.base = Objects.requireNonNull(base, "base");
        if (!base.toString().endsWith("/")) {
            throw new IllegalArgumentException(name + ": the CBOE base URL must end with '/', was " + base);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(name + ": no chain to poll");
        }
        for (CboePollTarget t : targets) {
            this.targets.add(new Target(t, base.resolve(t.underlying() + ".json")));
        }
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(MarketEventListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-poller");
            t.setDaemon(true);
            return t;
        });
        for (Target t : targets) {
            thread.execute(() -> poll(t));
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService t = thread;
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Each target's counters and state, in configuration order. */
    public List<CboeChainStatus> status() {
        return targets.stream().map(Target::status).toList();
    }

    private void poll(Target t) {
        Duration next;
        try {
            next = pollOnce(t);
        } catch (RuntimeException e) {
            // a bug must not end the polling of every target: count it as the target's failure
            next = t.failed("unexpected " + e, false);
            LOG.log(System.Logger.Level.ERROR, name + ": polling " + t.url + " failed unexpectedly", e);
        }
        ScheduledExecutorService s = thread;
        if (s != null && !s.isShutdown()) {
            s.schedule(() -> poll(t), next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Duration pollOnce(Target t) {
        Instant now = clock.instant();
        if (!inSession(now)) {
            t.skipped();
            return t.interval;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(t.url).timeout(REQUEST_TIMEOUT).GET()
                .header("Accept", "application/json").header("Accept-Encoding", "gzip")
                .header("User-Agent", "alphacast-worker (https://github.com/alphacast)");
        t.conditions(request);
        HttpResponse<InputStream> response;
        try {
            t.requested();
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return report(t, t.networkError(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return t.interval;
        }
        int code = response.statusCode();
        try (InputStream body = body(response)) {
            if (code == 304) {
                t.notModified();
                live(t, "304 not modified");
                return t.interval;
            }
            if (code == 429) {
                Duration retryAfter = retryAfter(response.headers().firstValue("Retry-After").orElse(null), now);
                return report(t, t.rateLimited(retryAfter));
            }
            if (code != 200) {
                return report(t, t.httpError(code));
            }
            CboeQuoteData data;
            try (Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8)) {
                data = parser.parse(reader, t.url.toString());
            } catch (InputFormatException e) {
                return report(t, t.malformed(e.getMessage()));
            }
            long receiveNanos = clock.millis() * 1_000_000L;
            Instant asOf = data.asOfTime().toInstant();
            long exchangeNanos = asOf.getEpochSecond() * 1_000_000_000L + asOf.getNano();
            t.delivered(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null), clock.instant());
            // health first: whoever sees the chain can rely on the target being reported LIVE already
            live(t, data.chain().contracts().size() + " contracts as of " + data.asOfTime());
            listener.onOptionChain(t.target.instrument(), exchangeNanos, receiveNanos, data.chain());
            return t.interval;
        } catch (IOException e) {
            return report(t, t.networkError("reading the answer: " + e));
        }
    }

    private Duration report(Target t, Duration next) {
        String problem = t.turnedStale();
        if (problem != null) {
            listener.onFeedHealth(name, t.target.instrument(), FeedHealth.STALE, clock.millis() * 1_000_000L,
                    problem);
        }
        return next;
    }

    private void live(Target t, String reason) {
        if (t.turnedLive()) {
            listener.onFeedHealth(name, t.target.instrument(), FeedHealth.LIVE, clock.millis() * 1_000_000L,
                    reason);
        }
    }

    private boolean inSession(Instant now) {
        return calendar.sessionAt(now).isPresent()
                || calendar.sessionAt(now.minus(Duration.ofMinutes(AFTER_CLOSE_MINUTES))).isPresent();
    }

    private static InputStream body(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip"))
                .orElse(false);
        return gzip ? new GZIPInputStream(response.body()) : response.body();
    }

    /** Seconds or an HTTP date (RFC 9110); absent or unreadable is no wait beyond the usual backoff. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String v = header.strip();
        Duration wait;
        if (v.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(v));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Duration.ZERO;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    /** One target's request state and counters; written on the poller thread, read by {@link #status()}. */
    private final class Target {
        final CboePollTarget target;
        final URI url;
        final Duration interval;
        private long requests;
        private long chains;
        private long notModified;
        private long httpErrors;
        private long rateLimited;
        private long malformed;
        private long networkErrors;
        private long outsideSession;
        private int consecutiveFailures;
        private boolean stale;
        private boolean reportedStale;
        private boolean reportedLive;
        private String etag;
        private String lastModified;
        private String lastProblem;
        private Instant lastChainAt;

        Target(CboePollTarget target, URI url) {
            this.target = target;
            this.url = url;
            this.interval = target.interval();
        }

        synchronized void conditions(HttpRequest.Builder request) {
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
        }

        synchronized void requested() {
            requests++;
        }

        synchronized void skipped() {
            outsideSession++;
        }

        synchronized void notModified() {
            notModified++;
            consecutiveFailures = 0;
            stale = false;
        }

        synchronized void delivered(String etag, String lastModified, Instant at) {
            chains++;
            consecutiveFailures = 0;
            stale = false;
            this.etag = etag;
            this.lastModified = lastModified;
            lastChainAt = at;
        }

        synchronized Duration httpError(int code) {
            httpErrors++;
            return failed("HTTP " + code, true);
        }

        synchronized Duration rateLimited(Duration retryAfter) {
            httpErrors++;
            rateLimited++;
            Duration backoff = failed("HTTP 429, Retry-After " + retryAfter.toSeconds() + " s", true);
            return retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        }

        synchronized Duration malformed(String problem) {
            malformed++;
            // the message names the URL, line and column (InputFormatException)
            return failed("not a chain: " + problem, false);
        }

        synchronized Duration networkError(String problem) {
            networkErrors++;
            return failed(problem, true);
        }

        /** @param backOff whether the next poll waits longer than the interval (the server or network is unwell) */
        synchronized Duration failed(String problem, boolean backOff) {
            stale = true;
            lastProblem = problem;
            consecutiveFailures++;
            long failures = httpErrors + malformed + networkErrors;
            if (failures <= LOGGED_IN_FULL || failures % 100 == 0) {
                LOG.log(System.Logger.Level.WARNING, "{0}: {1} for {2}: {3} ({4} failures so far); chain stale",
                        name, url, target.instrument(), TerminalText.excerpt(problem, 300), failures);
            }
            if (!backOff) {
                return interval;
            }
            Duration max = Duration.ofMinutes(MAX_BACKOFF_MINUTES);
            Duration wait = interval.multipliedBy(1L << Math.min(consecutiveFailures - 1, 10));
            return wait.compareTo(max) > 0 ? (interval.compareTo(max) > 0 ? interval : max) : wait;
        }

        /** @return the problem when the target just turned stale, else null */
        synchronized String turnedStale() {
            if (stale && !reportedStale) {
                reportedStale = true;
                reportedLive = false;
                return lastProblem;
            }
            return null;
        }

        synchronized boolean turnedLive() {
            if (!stale && !reportedLive) {
                reportedLive = true;
                reportedStale = false;
                return true;
            }
            return false;
        }

        synchronized CboeChainStatus status() {
            return new CboeChainStatus(target.instrument(), url.toString(), requests, chains, notModified, httpErrors,
                    rateLimited, malformed, networkErrors, outsideSession, stale, Optional.ofNullable(lastProblem),
                    Optional.ofNullable(lastChainAt));
        }
    }
}
