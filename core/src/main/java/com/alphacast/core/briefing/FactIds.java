package com.alphacast.core.briefing;

/**
 * The stable ids of the facts {@link BriefingFacts} computes. Prompts, answers, charts and stored briefings refer to
 * facts by these ids, so an id is never renamed; a new fact gets a new id.
 */
public final class FactIds {

    public static final String SESSION_DATE = "session.date";
    public static final String SESSION_OPEN = "session.open";
    public static final String SESSION_CLOSE = "session.close";
    /** Present only on an early-close day: the holiday entry that shortens it. */
    public static final String SESSION_EARLY_CLOSE = "session.early_close";

    public static final String PRIOR_DATE = "prior.date";
    public static final String PRIOR_OPEN = "prior.open";
    public static final String PRIOR_HIGH = "prior.high";
    public static final String PRIOR_LOW = "prior.low";
    public static final String PRIOR_CLOSE = "prior.close";
    public static final String PRIOR_VWAP = "prior.vwap";
    public static final String PRIOR_RANGE = "prior.range";
    public static final String PRIOR_VOLUME = "prior.volume";

    public static final String OVERNIGHT_HIGH = "overnight.high";
    public static final String OVERNIGHT_LOW = "overnight.low";
    public static final String OVERNIGHT_RANGE = "overnight.range";
    public static final String OVERNIGHT_LAST = "overnight.last";
    public static final String GAP_POINTS = "gap.points";
    public static final String GAP_PERCENT = "gap.percent";

    public static final String VOL_REALIZED = "vol.realized";
    public static final String VOL_REGIME = "vol.regime";
    public static final String VPIN_LAST = "vpin.last";
    public static final String VOLUME_BASELINE = "volume.baseline";
    public static final String VOLUME_RATIO = "volume.ratio";

    public static final String GEX_CHAIN_DATE = "gex.chain_date";
    public static final String GEX_SPOT = "gex.spot";
    public static final String GEX_CALL = "gex.call";
    public static final String GEX_PUT = "gex.put";
    public static final String GEX_NET = "gex.net";
    public static final String GEX_DEX = "gex.dex";
    public static final String GEX_ZERO_GAMMA = "gex.zero_gamma";
    public static final String GEX_CALL_WALL = "gex.call_wall";
    public static final String GEX_PUT_WALL = "gex.put_wall";
    /** {@code gex.top_strike.1} … {@code gex.top_strike.N}, largest absolute net GEX first. */
    public static final String GEX_TOP_STRIKE = "gex.top_strike";
    public static final String GEX_PUT_CALL_RATIO = "gex.put_call_ratio";

    public static final String SIGNALS_COUNT = "signals.count";
    public static final String SIGNALS_TARGETS = "signals.targets";
    public static final String SIGNALS_STOPS = "signals.stops";
    public static final String SIGNALS_OPEN = "signals.open";
    public static final String SIGNALS_NET_POINTS = "signals.net_points";

    public static final String EVENTS_COUNT = "events.count";
    /** {@code events.1.name}, {@code events.1.time}, … in time order. */
    public static final String EVENTS = "events";

    private FactIds() {
    }

    public static String topStrike(int rank) {
        return GEX_TOP_STRIKE + "." + rank;
    }

    public static String eventName(int rank) {
        return EVENTS + "." + rank + ".name";
    }

    public static String eventTime(int rank) {
        return EVENTS + "." + rank + ".time";
    }
}
