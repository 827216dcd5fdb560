package com.alphacast.functions.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.publication.ChartArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LatestChartTest {

    private final List<String> reads = new ArrayList<>();
    private final ChartArchive table = id -> {
        reads.add(id);
        // Stored: every briefing but the one of 30 November; the PNG's last byte tells the briefings apart.
        return id.equals("briefing:2026-11-30") ? Optional.empty()
                : Optional.of(new byte[] {1, 2, (byte) id.charAt(id.length() - 1)});
    };

    @Test
    void readsABriefingsChartOnceForAllItsDestinations() {
        LatestChart charts = new LatestChart(table);

        byte[] first = charts.chart("briefing:2026-11-27").orElseThrow();
        byte[] second = charts.chart("briefing:2026-11-27").orElseThrow();
        first[0] = 9; // a caller changing its copy changes nobody else's

        assertThat(second).containsExactly(1, 2, '7');
        assertThat(charts.chart("briefing:2026-11-27").orElseThrow()).containsExactly(1, 2, '7');
        assertThat(reads).containsExactly("briefing:2026-11-27");
    }

    @Test
    void readsTheNextBriefingsChartAndAsksAgainForOneNotStoredYet() {
        LatestChart charts = new LatestChart(table);
        charts.chart("briefing:2026-11-27");

        assertThat(charts.chart("briefing:2026-11-28")).hasValueSatisfying(png -> assertThat(png).containsExactly(1, 2, '8'));
        assertThat(charts.chart("briefing:2026-11-30")).isEmpty();
        assertThat(charts.chart("briefing:2026-11-30")).isEmpty();

        assertThat(reads).containsExactly("briefing:2026-11-27", "briefing:2026-11-28", "briefing:2026-11-30", "briefing:2026-11-30");
    }
}
