package com.alphacast.aws.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphacast.core.distribution.Tier;
import com.alphacast.core.distribution.TierDispatch;
import com.alphacast.core.market.Bar;
import com.alphacast.core.publication.Publication;
import com.alphacast.core.publication.TierRelease;
import com.alphacast.core.publication.TradeExit;
import com.alphacast.core.options.OccSymbol;
import com.alphacast.core.signal.Direction;
import com.alphacast.core.signal.OptionLeg;
import com.alphacast.core.signal.Signal;
import com.alphacast.core.usecase.trading.CloseRequest;
import com.alphacast.core.trading.Fill;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonCodecTest {

    /** The ObjectMapper the codec replaced, configured as it was: the reference for the wire format. */
    private static final ObjectMapper PREVIOUS_MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** A SignalsQueue body exactly as the ingest worker sent it before the codec was replaced. */
    private static final String WORKER_SIGNAL = "{\"id\":\"vs-ESU1-1312150200000\",\"strategy\":\"volume-spike\","
            + "\"underlying\":\"ES\",\"instrument\":\"ESU1\",\"direction\":\"LONG\",\"entry\":1294.5,\"stop\":1292.25,"
            + "\"target\":1299.0,\"quantity\":1,\"confidence\":0.62,\"rationale\":\"volume 4.1x the 20-bar mean, "
            + "close in the top 10% of the range\",\"marketTime\":\"2011-07-31T22:10:00Z\","
            + "\"observedAt\":\"2026-12-02T02:50:34.123456789Z\"}";

    private final JsonCodec codec = new JsonCodec();

    private static Signal signal() {
        return new Signal("vs-ESU1-1312150200000", "volume-spike", "ES", "ESU1", Direction.SHORT, 1294.5, 1296.75,
                1290.0, 3, 0.625, "quote \" backslash \\ newline \n unicode é", Instant.parse("2011-07-31T22:10:00Z"),
                Instant.parse("2026-12-02T02:50:34.120Z"));
    }

    @Test
    void decodesTheBodyTheWorkerSentWithTheMapper() {
        Signal decoded = codec.read(WORKER_SIGNAL, Signal.class);

        assertThat(decoded).isEqualTo(new Signal("vs-ESU1-1312150200000", "volume-spike", "ES", "ESU1", Direction.LONG,
                1294.5, 1292.25, 1299.0, 1, 0.62, "volume 4.1x the 20-bar mean, close in the top 10% of the range",
                Instant.parse("2011-07-31T22:10:00Z"), Instant.parse("2026-12-02T02:50:34.123456789Z")));
        assertThat(decoded.option()).isEmpty();
        assertThat(decoded.observedAt()).isEqualTo(Instant.parse("2026-12-02T02:50:34.123456789Z"));
        assertThat(decoded.target()).isEqualTo(1299.0);
    }

    @Test
    void writesSignalsAndBarsExactlyAsTheMapperDid() throws Exception {
        Bar bar = new Bar("ESU1", 1312150200000L, 1312150260000L, 1294.5, 1295.25, 1293.0, 1295.0, 4_812L, 377);

        // a signal without an option leg is written byte for byte as the mapper wrote it (no "option" key)
        assertThat(codec.write(signal())).isEqualTo("{\"id\":\"vs-ESU1-1312150200000\",\"strategy\":\"volume-spike\",\"underlying\":\"ES\",\"instrument\":\"ESU1\",\"direction\":\"SHORT\",\"entry\":1294.5,\"stop\":1296.75,\"target\":1290.0,\"quantity\":3,\"confidence\":0.625,\"rationale\":\"quote \\\" backslash \\\\ newline \\n unicode é\",\"marketTime\":\"2011-07-31T22:10:00Z\",\"observedAt\":\"2026-12-02T02:50:34.120Z\"}");
        assertThat(codec.write(bar)).isEqualTo(PREVIOUS_MAPPER.writeValueAsString(bar));
    }

    @Test
    void writesATierReleaseWithItsPublicationNamedByKind() {
        TierRelease release = new TierDispatch(signal(), Tier.BASIC, Instant.parse("2011-07-31T22:10:01.5Z")).release();

        assertThat(codec.write(release)).isEqualTo("{\"publication\":{\"signal\":" + codec.write(signal())
                + "},\"tier\":\"BASIC\",\"releasedAt\":\"2011-07-31T22:10:01.500Z\"}");
    }

    static List<Publication> everyKind() {
        Instant at = Instant.parse("2011-07-31T22:10:00Z");
        LocalDate session = LocalDate.of(2026, 11, 27);
        TradeExit target = new TradeExit("s1", "ES", "ESU1", Direction.SHORT, 2, 1303.25, 1300.5,
                TradeExit.ExitReason.TARGET, at, at.plusSeconds(600), 275.0);
        return List.of(new Publication.NewSignal(signal()),
                new Publication.Filled(new Fill("s1", "s1", "ESU1", Direction.SHORT, 2, 1303.25, at), "ES"),
                new Publication.TargetHit(target),
                new Publication.StopHit(new TradeExit("s1", "ES", "ESU1", Direction.SHORT, 2, 1303.25, 1305.0,
                        TradeExit.ExitReason.STOP, at, at.plusSeconds(60), -175.0)),
                new Publication.Closed(new TradeExit("s1", "ES", "ESU1", Direction.SHORT, 2, 1303.25, 1302.0,
                        TradeExit.ExitReason.EXPIRY, at, at.plusSeconds(6000), 125.0)),
                new Publication.StopMoved("s1", "ES", "ESU1", Direction.SHORT, 1305.0, 1303.25, at.plusSeconds(120)),
                new Publication.DailyRecap(session, 2, 1, -0.5, -25.0, 2.75, -3.25, at.plusSeconds(7200)),
                new Publication.MorningBriefing(Publication.MorningBriefing.idOf(session), session, at,
                        "Early close \"13:00\"", Map.of(Tier.PREMIUM, "quote \" backslash \\ newline \n é",
                        Tier.FREE, "short"), true));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void readsBackEveryPublicationKindItWrote(Publication publication) {
        TierRelease release = new TierRelease(publication, Tier.FREE, Instant.parse("2011-07-31T22:10:01Z"));

        assertThat(codec.read(codec.write(release), TierRelease.class)).isEqualTo(release);
    }

    @Test
    void anOptionsSignalCarriesItsContractAndPremiumLevelsAndReadsBack() {
        Signal options = new Signal("0dte-gamma:SPY:2025-10-01T18:00:00Z", "0dte-gamma", "SPY", "SPY",
                Direction.SHORT, 658.05, 659.37, 655.0, 1, 0.78, "negative gamma", Instant.parse("2025-10-01T18:00:00Z"),
                Instant.parse("2025-10-01T18:00:00.300Z"))
                .withOption(new OptionLeg(OccSymbol.parse("SPY251001P00658000"), 2.14, 1.52, 3.37));

        String body = codec.write(options);

        assertThat(body).endsWith(",\"option\":{\"contract\":\"SPY251001P00658000\",\"entry\":2.14,\"stop\":1.52,"
                + "\"target\":3.37}}");
        assertThat(codec.read(body, Signal.class)).isEqualTo(options);
        assertThatThrownBy(() -> codec.read(body.replace("\"stop\":1.52", "\"stop\":2.5"), Signal.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("stop < entry < target");
        assertThatThrownBy(() -> codec.read(body.replace("SPY251001P00658000", "SPY-PUT"), Signal.class))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void readsBackWhatItWrote() {
        Bar bar = new Bar("ESU1", 1312150200000L, 1312150260000L, 1294.5, 1295.25, 1293.0, 1295.0, 4_812L, 377);

        assertThat(codec.read(codec.write(signal()), Signal.class)).isEqualTo(signal());
        assertThat(codec.read(codec.write(bar), Bar.class)).isEqualTo(bar);
    }

    @Test
    void closeRequestTravelsAsItsThreeFieldsAndABlankOneIsRefusedNamingIt() {
        CloseRequest request = new CloseRequest("volume-spike:ESU1:2011-07-31T22:10:00Z", "telegram:42",
                Instant.parse("2026-12-02T08:15:00Z"));

        String body = codec.write(request);

        assertThat(body).isEqualTo("{\"signalId\":\"volume-spike:ESU1:2011-07-31T22:10:00Z\",\"requestedBy\":"
                + "\"telegram:42\",\"requestedAt\":\"2026-12-02T08:15:00Z\"}");
        assertThat(codec.read(body, CloseRequest.class)).isEqualTo(request);
        assertThatThrownBy(() -> codec.read(body.replace("telegram:42", " "), CloseRequest.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("who asked");
        assertThatThrownBy(() -> codec.read(body.replace("requestedAt", "at"), CloseRequest.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("unknown field \"at\"");
    }

    @Test
    void refusesAnUnknownPublicationKindOrASecondOneNamingThem() {
        String unknown = "{\"publication\":{\"rumour\":{}},\"tier\":\"FREE\",\"releasedAt\":\"2011-07-31T22:10:01Z\"}";
        String recap = codec.write(new TierRelease(everyKind().get(6), Tier.FREE, Instant.parse("2011-07-31T22:10:01Z")));
        String two = recap.replace("}},\"tier\"", "},\"signal\":{}},\"tier\"");

        assertThatThrownBy(() -> codec.read(unknown, TierRelease.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("unknown publication kind \"rumour\"");
        assertThatThrownBy(() -> codec.read(two, TierRelease.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("one kind");
    }

    @Test
    void reportsABriefingWithTheWrongIdAsInvalid() {
        String body = codec.write(new TierRelease(everyKind().get(7), Tier.FREE, Instant.parse("2011-07-31T22:10:01Z")))
                .replace("briefing:2026-11-27", "briefing:2026-11-28");

        assertThatThrownBy(() -> codec.read(body, TierRelease.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("briefing:2026-11-27");
    }

    @Test
    void readsFieldsInAnyOrderAndWithWhitespace() {
        String body = "{\n \"trades\": 377, \"volume\": 4812, \"close\": 1295, \"low\": 1293.0, \"high\": 1295.25,\n"
                + " \"open\": 1294.5, \"endMillis\": 1312150260000, \"startMillis\": 1312150200000, \"symbol\": \"ESU1\"}";

        assertThat(codec.read(body, Bar.class))
                .isEqualTo(new Bar("ESU1", 1312150200000L, 1312150260000L, 1294.5, 1295.25, 1293.0, 1295.0, 4812L, 377));
    }

    @Test
    void rejectsAnUnknownFieldNamingIt() {
        String body = WORKER_SIGNAL.replace("\"quantity\":1,", "\"quantity\":1,\"leverage\":20,");

        assertThatThrownBy(() -> codec.read(body, Signal.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("malformed Signal JSON").hasMessageContaining("unknown field \"leverage\"");
    }

    @Test
    void rejectsAMissingFieldNamingIt() {
        String body = WORKER_SIGNAL.replace("\"stop\":1292.25,", "");

        assertThatThrownBy(() -> codec.read(body, Signal.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("missing field \"stop\"");
    }

    @Test
    void rejectsNullWhereANumberIsRequired() {
        String body = WORKER_SIGNAL.replace("\"quantity\":1,", "\"quantity\":null,");

        assertThatThrownBy(() -> codec.read(body, Signal.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("field \"quantity\" must be a whole number");
    }

    @Test
    void reportsTheSignalsOwnValidationAsInvalid() {
        String body = WORKER_SIGNAL.replace("\"stop\":1292.25", "\"stop\":1296.0");

        assertThatThrownBy(() -> codec.read(body, Signal.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageStartingWith("invalid Signal: a LONG signal needs stop < entry < target");
    }

    @Test
    void rejectsAnUnknownDirectionAndABadTimeNamingTheField() {
        assertThatThrownBy(() -> codec.read(WORKER_SIGNAL.replace("\"LONG\"", "\"long\""), Signal.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("field \"direction\" must be one of [LONG, SHORT], was 'long'");
        assertThatThrownBy(() -> codec.read(WORKER_SIGNAL.replace("2011-07-31T22:10:00Z", "yesterday"), Signal.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("field \"marketTime\" is not an ISO-8601 instant: 'yesterday'");
    }

    @Test
    void reportsBrokenJsonWithLineAndColumn() {
        assertThatThrownBy(() -> codec.read("{\"id\": \"x\",\n \"strategy\" 1}", Signal.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("malformed Signal JSON").hasMessageContaining("at line 2, column");
        assertThatThrownBy(() -> codec.read("  ", Bar.class))
                .isInstanceOf(MalformedMessageException.class).hasMessage("empty body where a Bar was expected");
        assertThatThrownBy(() -> codec.read(WORKER_SIGNAL + "{}", Signal.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("after the Signal");
    }

    @Test
    void refusesTypesNoQueueCarries() {
        assertThatThrownBy(() -> codec.write(Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.Instant");
        assertThatThrownBy(() -> codec.read("{}", String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }
}
