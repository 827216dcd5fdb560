package com.alphacast.core.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactSheetJsonTest {

    @Test
    void showsDisplayValuesUnitsAndAbsencesWithReasons() {
        String json = new FactSheetJson().write(BriefingSheets.earlyCloseDay());

        assertThat(json).startsWith("{\"instrument\":\"SPY\",\"session_date\":\"2026-11-27\",\"facts\":[");
        assertThat(json).contains(
                "{\"id\":\"session.close\",\"label\":\"Closes\",\"value\":\"13:00\",\"unit\":\"time_et\"}",
                "{\"id\":\"session.early_close\",\"label\":\"Early close\",\"value\":\"Day after Thanksgiving Day\",\"unit\":\"text\"}",
                "{\"id\":\"gex.zero_gamma\",\"label\":\"Zero gamma\",\"value\":\"668.50\",\"unit\":\"price\"}",
                "{\"id\":\"gex.net\",\"label\":\"Net GEX\",\"value\":\"-3.92\",\"unit\":\"usd_bn_per_1pct\"}",
                "{\"id\":\"overnight.last\",\"reason\":\"no bars since the prior session's close\"}");
        assertThat(json).doesNotContain("668.49", "668.50000");
    }
}
