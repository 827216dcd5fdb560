package com.alphacast.bench;

import com.alphacast.core.options.BlackScholes;
import com.alphacast.core.options.ExpiryTime;
import com.alphacast.core.options.OptionRight;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An SPX-size chain written in CBOE quotedata.csv layout: spot 6600, as of Thu 2025-09-25, 20 daily SPXW expiries
 * plus 6 monthly SPX expiries, strikes 5600–7600 every 5 points: 26 × 401 rows = 20,852 contracts (a real SPX chain
 * holds about 21,000), ~1.6 MB of text. IV follows a skew, OI decays away from spot, greeks are Black–Scholes rounded
 * to 4 decimals like CBOE's. Deterministic (fixed seed), so every run measures the same chain.
 */
final class SyntheticSpxChain {

    static final double SPOT = 6600.0;
    static final LocalDate AS_OF = LocalDate.of(2025, 9, 25);
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.US);

    private SyntheticSpxChain() {
    }

    static String csv() {
        StringBuilder b = new StringBuilder(1_700_000);
        b.append("S&P 500 INDEX,Last: 6600.00,Change: -33.12\n");
        b.append("\"Date: September 25, 2025 at 4:15 PM EDT\",Bid: 6599.50,Ask: 6600.50,Size: 0*0,Volume: 0\n");
        b.append("Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,")
                .append("Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n");
        Random random = new Random(20250925);
        for (LocalDate expiry : expiries()) {
            boolean monthly = expiry.equals(expiry.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)))
                    && expiry.isAfter(AS_OF.plusWeeks(4));
            String root = monthly ? "SPX" : "SPXW";
            double t = ExpiryTime.years(AS_OF, expiry);
            for (int strike = 5600; strike <= 7600; strike += 5) {
                double m = Math.log(strike / SPOT);
                double iv = Math.max(0.06, 0.14 - 0.35 * m + 1.2 * m * m + 0.02 / Math.sqrt(t * 52));
                double oiScale = Math.exp(-Math.abs(m) * 18) * (strike % 100 == 0 ? 4 : strike % 25 == 0 ? 2 : 1);
                long callOi = (long) (random.nextDouble() * 9000 * oiScale * (m > 0 ? 1.3 : 0.6));
                long putOi = (long) (random.nextDouble() * 9000 * oiScale * (m < 0 ? 1.6 : 0.5));
                b.append(EXPIRY.format(expiry)).append(',');
                side(b, root, expiry, strike, OptionRight.CALL, t, iv, callOi, random);
                b.append(String.format(Locale.ROOT, "%.2f", (double) strike)).append(',');
                side(b, root, expiry, strike, OptionRight.PUT, t, iv, putOi, random);
                b.setLength(b.length() - 1);
                b.append('\n');
            }
        }
        return b.toString();
    }

    static List<LocalDate> expiries() {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = AS_OF;
        while (out.size() < 20) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                out.add(d);
            }
            d = d.plusDays(1);
        }
        LocalDate month = AS_OF.withDayOfMonth(1).plusMonths(2);
        while (out.size() < 26) {
            out.add(month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY)));
            month = month.plusMonths(1);
        }
        return out;
    }

    private static void side(StringBuilder b, String root, LocalDate expiry, int strike, OptionRight right, double t,
                             double iv, long oi, Random random) {
        double price = BlackScholes.price(right, SPOT, strike, t, iv, 0, 0);
        double delta = BlackScholes.delta(right, SPOT, strike, t, iv, 0, 0);
        double gamma = BlackScholes.gamma(SPOT, strike, t, iv, 0, 0);
        double spread = Math.max(0.05, price * 0.02);
        double bid = Math.max(0, price - spread / 2);
        long volume = (long) (random.nextDouble() * oi * 0.4);
        b.append(String.format(Locale.ROOT, "%s%02d%02d%02d%c%08d,%.2f,%.2f,%.2f,%.2f,%d,%.4f,%.4f,%.4f,%d,",
                root, expiry.getYear() % 100, expiry.getMonthValue(), expiry.getDayOfMonth(), right.code(),
                strike * 1000L, price, 0.0, bid, bid + spread, volume, iv, delta, gamma, oi));
    }
}
