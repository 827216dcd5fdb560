package com.alphacast.worker.live;

import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.feed.binance.BinanceMarket;
import com.alphacast.core.marketdata.FeedSource;
import com.alphacast.core.settings.InstrumentSettings;
import com.alphacast.core.settings.WorkerSettings;
import com.alphacast.feeds.alpaca.AlpacaFeedSource;
import com.alphacast.feeds.binance.BinanceEndpoints;
import com.alphacast.feeds.binance.BinanceFeedSettings;
import com.alphacast.feeds.binance.BinanceFeedSource;
import com.alphacast.feeds.cboe.CboeChainPoller;
import com.alphacast.feeds.cboe.CboePollTarget;
import com.alphacast.feeds.keyed.KeyedFeedSettings;
import com.alphacast.feeds.keyed.StreamCredentials;
import com.alphacast.feeds.massive.MassiveFeedSource;
import com.alphacast.feeds.supervisor.FeedSupervisor;
import com.alphacast.feeds.supervisor.InstrumentRoute;
import com.alphacast.feeds.supervisor.OperatorAlerts;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the live sources the worker configuration names, under one {@link FeedSupervisor}: each instrument's
 * {@code sources} in priority order, the configured staleness window and failback hold-down. Source names:
 * {@code binance-spot}, {@code binance-futures} (USD-M). Each Binance source carries every instrument routed to it on
 * one connection. Endpoints are Binance's public ones unless the environment overrides them
 * ({@code BINANCE_SPOT_WS_URL}/{@code BINANCE_SPOT_REST_URL}, {@code BINANCE_FUTURES_WS_URL}/
 * {@code BINANCE_FUTURES_REST_URL}), which is how the loopback servers stand in for the venue. Instruments with a
 * {@code chain} source get their option chain from one {@link CboeChainPoller} (source {@value #CBOE}, its own
 * thread, gated by the NYSE calendar), beside their failover route: {@code CBOE_URL} replaces CBOE's public base URL.
 *
 * <p>Keyed US equities sources: {@code alpaca} (credentials {@code APCA_API_KEY_ID}, {@code APCA_API_SECRET_KEY};
 * {@code ALPACA_WS_URL} / {@code ALPACA_REST_URL}, default Alpaca's IEX stream and data API) and {@code massive}
 * ({@code MASSIVE_API_KEY}; {@code MASSIVE_WS_URL} / {@code MASSIVE_REST_URL}, default Massive's real-time stocks
 * cluster and API). A keyed source named by an instrument whose
 * credentials are missing stops the start, naming the variable and the instrument.
 */
public final class LiveFeeds {

    public static final String BINANCE_SPOT = "binance-spot";
    public static final String BINANCE_FUTURES = "binance-futures";
    public static final String CBOE = "cboe";
    public static final String CBOE_URL = "CBOE_URL";
    public static final String ALPACA = "alpaca";
    public static final String MASSIVE = "massive";

    private final Map<String, String> environment;
    private final HttpClient http;
    private final Clock clock;
    private final MarketCalendar optionsCalendar;

    public LiveFeeds(Map<String, String> environment, HttpClient http, Clock clock) {
        this(environment, http, clock, new ShippedCalendars().calendar(Exchange.XNYS));
    }

    /** @param optionsCalendar the sessions during which option chains are polled (US options trade on NYSE days) */
    public LiveFeeds(Map<String, String> environment, HttpClient http, Clock clock, MarketCalendar optionsCalendar) {
        this.environment = Map.copyOf(environment);
        this.http = http;
        this.clock = clock;
        this.optionsCalendar = optionsCalendar;
    }

    public FeedSupervisor supervisor(WorkerSettings worker, OperatorAlerts alerts) {
        Map<String, List<String>> symbolsBySource = new LinkedHashMap<>();
        List<InstrumentRoute> routes = new ArrayList<>();
        for (InstrumentSettings instrument : worker.instruments()) {
            for (String source : instrument.sources()) {
                for (String variable : credentialVariables(source, instrument.symbol())) {
                    credential(variable, source, instrument.symbol());
                }
                symbolsBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(instrument.symbol());
            }
            routes.add(new InstrumentRoute(instrument.symbol(), instrument.sources(), worker.failbackHoldDown()));
        }
        List<FeedSource> sources = new ArrayList<>();
        symbolsBySource.forEach((source, symbols) -> sources.add(switch (source) {
            case ALPACA -> new AlpacaFeedSource(keyed(source, symbols, worker, "ALPACA",
                    AlpacaFeedSource.DEFAULT_STREAM, AlpacaFeedSource.DEFAULT_REST), http, clock, new Random());
            case MASSIVE -> new MassiveFeedSource(keyed(source, symbols, worker, "MASSIVE",
                    MassiveFeedSource.DEFAULT_STREAM, MassiveFeedSource.DEFAULT_REST), http, clock, new Random());
            default -> binance(source, symbols, worker);
        }));
        List<CboePollTarget> chains = new ArrayList<>();
        for (InstrumentSettings instrument : worker.instruments()) {
            instrument.chain().ifPresent(c -> chains.add(CboePollTarget.of(instrument.symbol(), c)));
        }
        if (!chains.isEmpty()) {
            sources.add(new CboeChainPoller(CBOE, cboeBase(), chains, http, clock, optionsCalendar));
        }
        return new FeedSupervisor(sources, routes, worker.stalenessWindow(), alerts,
                () -> clock.millis() * 1_000_000L);
    }

    private FeedSource binance(String source, List<String> symbols, WorkerSettings worker) {
        BinanceMarket market = source.equals(BINANCE_SPOT) ? BinanceMarket.SPOT : BinanceMarket.USDM_FUTURES;
        BinanceFeedSettings settings = BinanceFeedSettings.defaults(source, market, symbols)
                .withEndpoints(endpoints(source, market));
        settings = settings.withTimings(settings.heartbeatInterval(), settings.heartbeatTimeout(),
                worker.stalenessWindow(), settings.backoff(), settings.maxConnectionAge());
        return new BinanceFeedSource(settings, http, clock, new Random());
    }

    /** The environment variables a source's credentials come from; also refuses a name that is no live source. */
    private static List<String> credentialVariables(String source, String symbol) {
        return switch (source) {
            case BINANCE_SPOT, BINANCE_FUTURES -> List.of();
            case ALPACA -> List.of(AlpacaFeedSource.KEY_ID_ENV, AlpacaFeedSource.SECRET_ENV);
            case MASSIVE -> List.of(MassiveFeedSource.API_KEY_ENV);
            default -> throw new IllegalArgumentException("worker.instruments." + symbol + ".sources: '" + source
                    + "' is not a live source (known: " + BINANCE_SPOT + ", " + BINANCE_FUTURES + ", " + ALPACA
                    + ", " + MASSIVE + ")");
        };
    }

    private URI cboeBase() {
        String url = environment.get(CBOE_URL);
        if (url == null || url.isBlank()) {
            return CboeChainPoller.PUBLIC_BASE;
        }
        try {
            URI base = URI.create(url.endsWith("/") ? url : url + "/");
            if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return base;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(CBOE_URL + " must be the http(s) URL the <UNDERLYING>.json files are "
                    + "under, was '" + url + "'");
        }
    }

    private String credential(String variable, String source, String symbol) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("worker.instruments." + symbol + ".sources: '" + source
                    + "' needs the environment variable " + variable + " (on AWS the task definition sets it from "
                    + "Secrets Manager)");
        }
        return value;
    }

    /** A keyed source's settings; {@code <prefix>_WS_URL} and {@code <prefix>_REST_URL} override its endpoints. */
    private KeyedFeedSettings keyed(String source, List<String> symbols, WorkerSettings worker, String prefix,
                                    URI defaultStream, URI defaultRest) {
        List<String> variables = credentialVariables(source, symbols.get(0));
        StreamCredentials credentials = new StreamCredentials(credential(variables.get(0), source, symbols.get(0)),
                variables.size() > 1 ? credential(variables.get(1), source, symbols.get(0)) : "");
        URI stream = environment.containsKey(prefix + "_WS_URL") ? URI.create(environment.get(prefix + "_WS_URL"))
                : defaultStream;
        URI rest = environment.containsKey(prefix + "_REST_URL") ? URI.create(environment.get(prefix + "_REST_URL"))
                : defaultRest;
        KeyedFeedSettings settings = KeyedFeedSettings.defaults(source, symbols, stream, rest, credentials);
        return settings.withTimings(settings.heartbeatInterval(), settings.heartbeatTimeout(),
                worker.stalenessWindow(), settings.backoff(), settings.refusalDelay());
    }

    private BinanceEndpoints endpoints(String source, BinanceMarket market) {
        String prefix = market == BinanceMarket.SPOT ? "BINANCE_SPOT" : "BINANCE_FUTURES";
        String ws = environment.get(prefix + "_WS_URL");
        String rest = environment.get(prefix + "_REST_URL");
        if (ws == null && rest == null) {
            return BinanceEndpoints.publicEndpoints(market);
        }
        if (ws == null || rest == null) {
            throw new IllegalArgumentException(source + ": set both " + prefix + "_WS_URL and " + prefix
                    + "_REST_URL, or neither for Binance's public endpoints");
        }
        return new BinanceEndpoints(URI.create(ws), URI.create(rest));
    }
}
