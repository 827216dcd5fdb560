package com.alphacast.core.options.gex;

import java.time.LocalDate;
import java.util.List;

/**
 * Full GEX/DEX analysis of one chain snapshot.
 *
 * @param underlying        underlying name
 * @param spot              spot used
 * @param asOf              as-of date used
 * @param totals            chain totals
 * @param byStrike          per strike, ascending strike
 * @param byExpiry          per expiry, ascending date
 * @param topStrikes        strikes with the largest |net GEX|, largest first
 * @param zeroGamma         zero-gamma level (or why there is none) and the profile
 * @param excludedExpired   contracts left out because they expired before the as-of date
 * @param expiredExpiries   the expiries those contracts belong to
 * @param excludedMinOi     contracts left out by the MIN_OI filter
 * @param convention        one line naming the convention used
 */
public record GexReport(String underlying, double spot, LocalDate asOf, GexTotals totals, List<StrikeExposure> byStrike,
                        List<ExpiryExposure> byExpiry, List<StrikeExposure> topStrikes, ZeroGamma zeroGamma,
                        int excludedExpired, List<LocalDate> expiredExpiries, int excludedMinOi,
                        String convention) {
}
