package com.alphacast.core.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphacast.core.briefing.events.ShippedEconomicCalendar;
import com.alphacast.core.calendar.Exchange;
import com.alphacast.core.calendar.MarketCalendar;
import com.alphacast.core.calendar.ShippedCalendars;
import com.alphacast.core.distribution.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TemplateBriefingTest {

    private final TemplateBriefing template = new TemplateBriefing();

    @Test
    void everyTierSaysTheMarketClosesAt1300OnAnEarlyCloseDay() {
        FactSheet sheet = BriefingSheets.earlyCloseDay();
        for (Tier tier : Tier.values()) {
            BriefingText text = template.compose(sheet, tier);
            assertThat(text.text()).as(tier.key())
                    .contains("Early close (Day after Thanksgiving Day): the market closes at 13:00 ET.");
            assertThat(text.source()).isEqualTo(BriefingText.Source.TEMPLATE);
            assertThat(text.title()).isEqualTo("SPY briefing for 2026-11-27");
        }
    }

    @Test
    void premiumListsEveryPresentFactAndNamesWhatIsMissing() {
        String text = template.compose(BriefingSheets.earlyCloseDay(), Tier.PREMIUM).text();

        assertThat(text).contains("- Prior close: 396.33", "- Prior VWAP: 396.55", "- Zero gamma: 668.50",
                "- Net GEX: -3.92 bn USD per 1% move", "- Call wall: 670.00", "- Put wall: 655.00",
                "- Put/call ratio (open interest): 4.22x");
        assertThat(text).contains("Overnight: left out, no bars since the prior session's close.");
        assertThat(text).contains("Volatility and flow: left out, realized volatility needs 21 daily closes, got 0;");
        assertThat(text).contains("Prior session's signals: left out, the prior session's signals were not read.");
        assertThat(text).contains("Events: left out, no events file is configured.");
    }

    @Test
    void basicIsShorterAndStillSaysWhatIsLeftOut() {
        FactSheet sheet = BriefingSheets.earlyCloseDay();
        String basic = template.compose(sheet, Tier.BASIC).text();
        String premium = template.compose(sheet, Tier.PREMIUM).text();

        assertThat(basic.length()).isLessThan(premium.length() / 2);
        assertThat(basic).contains("- Prior high: 398.00", "- Zero gamma: 668.50", "Gap: left out",
                "Events: left out, no events file is configured.");
        assertThat(basic).doesNotContain("VWAP", "Net GEX");
    }

    @Test
    void sectionsWithoutDataAreLeftOutWithTheReasonNeverFilledIn() {
        String text = template.compose(BriefingSheets.nothing(), Tier.PREMIUM).text();

        assertThat(text).contains("Prior session: left out, no bars of the prior session 2025-09-25.",
                "Options: left out, no option chain.");
        assertThat(text).startsWith("SPY briefing for 2025-09-26\n\nOpens 09:30 ET, closes 16:00 ET.");
    }

    @Test
    void freeTeaserFitsOneXPost() {
        for (FactSheet sheet : new FactSheet[] {BriefingSheets.earlyCloseDay(), BriefingSheets.nothing()}) {
            BriefingText teaser = template.compose(sheet, Tier.FREE);
            assertThat(PlatformLimit.X_POST.fits(teaser.text())).as(teaser.text()).isTrue();
            assertThat(teaser.text()).doesNotContain("Zero gamma: ").contains("members' briefing");
        }
    }

    @Test
    void xCountsWideCharactersTwice() {
        assertThat(PlatformLimit.X_POST.length("abc")).isEqualTo(3);
        assertThat(PlatformLimit.X_POST.length("日本")).isEqualTo(4);
        assertThat(PlatformLimit.X_POST.length("\uD83D\uDCC8")).as("one emoji").isEqualTo(2);
        assertThat(PlatformLimit.TELEGRAM_MESSAGE.length("\uD83D\uDCC8")).as("UTF-16 units").isEqualTo(2);
    }

    @Test
    void theSessionsEventsAreListedWithTheirTimes() {
        MarketCalendar nyse = new ShippedCalendars()
                .calendar(Exchange.XNYS);
        LocalDate day = LocalDate.of(2026, 3, 18);
        FactSheet sheet = new BriefingFacts(BriefingFactsConfig.standard()).compute(new BriefingInputs("SPY",
                nyse.session(day).orElseThrow(), nyse.previousSession(day), List.of(), List.of(),
                List.of(), OptionalDouble.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.of(new ShippedEconomicCalendar().calendar())));

        for (Tier tier : new Tier[] {Tier.PREMIUM, Tier.BASIC}) {
            assertThat(template.compose(sheet, tier).text()).as(tier.key()).contains("Events\n- 08:30 ET PPI\n- 14:00 ET FOMC");
        }
    }
}
