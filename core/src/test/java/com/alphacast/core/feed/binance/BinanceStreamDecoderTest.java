package com.alphacast.core.feed.binance;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.TopOfBook;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.fixtures.TestData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceStreamDecoderTest {

    private static final List<String> CAPTURES = List.of(
            "orderbook/binance_spot_depth_snapshots.capture",
            "orderbook/binance_spot_stream.capture",
            "orderbook/hftbacktest_binance_spot_btcusdt_20240808.gz",
            "orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz");

    /** The JSON part of every line of a capture that carries a message. */
    static List<String> messages(String capture) throws IOException {
        Path file = TestData.file(capture);
        List<String> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = capture.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int brace = line.indexOf('{');
                if (brace >= 0) {
                    out.add(line.substring(brace));
                }
            }
        }
        return out;
    }

    @Test
    void decodesEveryCapturedBinanceMessageExactlyAsTheJacksonReference() throws IOException {
        long total = 0;
        long snapshots = 0;
        long depthLevels = 0;
        for (String capture : CAPTURES) {
            BinanceMessageParser reference = new BinanceMessageParser();
            BinanceStreamDecoder decoder = new BinanceStreamDecoder();
            List<String> lines = messages(capture);
            for (int i = 0; i < lines.size(); i++) {
                String json = lines.get(i);
                BinanceMessage expected = reference.parse(json, "hintusdt", capture, i + 1, 0);
                decoder.decode(json, "hintusdt", capture, i + 1);
                assertThat(describe(decoder.message())).as(capture + " message " + (i + 1))
                        .isEqualTo(describe(expected));
                if (expected instanceof BinanceMessage.Snapshot) {
                    snapshots++;
                }
                if (expected instanceof BinanceMessage.Depth d) {
                    depthLevels += d.update().bidCount() + d.update().askCount();
                }
                total++;
            }
            // every stream message went the direct way; only the REST snapshots went through Jackson
            assertThat(decoder.referenceDecodes()).as(capture)
                    .isEqualTo(lines.stream().filter(l -> l.contains("\"lastUpdateId\"")).count());
        }
        assertThat(total).isEqualTo(4 + 265 + 41_249 + 93_954);
        assertThat(snapshots).isEqualTo(4 + 1 + 1);
        assertThat(depthLevels).isEqualTo(568_033); // every price level compared bit for bit
    }

    @Test
    void namesTheSameErrorAsTheReferenceForCorruptedCaptureMessages() throws IOException {
        Random random = new Random(11);
        long corrupted = 0;
        long failed = 0;
        for (String capture : CAPTURES) {
            List<String> lines = messages(capture);
            BinanceMessageParser reference = new BinanceMessageParser();
            BinanceStreamDecoder decoder = new BinanceStreamDecoder();
            for (int n = 0; n < 300; n++) {
                String json = lines.get(random.nextInt(lines.size()));
                String bad = corrupt(json, random);
                String expected = outcome(() -> describe(reference.parse(bad, null, capture, 7, 0)));
                String actual = outcome(() -> {
                    decoder.decode(bad, null, capture, 7);
                    return describe(decoder.message());
                });
                assertThat(actual).as("corrupted %s", bad).isEqualTo(expected);
                corrupted++;
                failed += expected.startsWith("error ") ? 1 : 0;
            }
        }
        assertThat(corrupted).isEqualTo(1_200);
        assertThat(failed).as("most corruptions break the message").isGreaterThan(600);
    }

    /** Truncates, drops, duplicates or replaces one character: what a broken frame or file line looks like. */
    private static String corrupt(String json, Random random) {
        int at = random.nextInt(json.length());
        String junk = String.valueOf("\"{}[],:0-.e5x \\tnu".charAt(random.nextInt(18)));
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + json.substring(at + 1);
            case 2 -> json.substring(0, at) + junk + json.substring(at);
            default -> json.substring(0, at) + junk + json.substring(at + 1);
        };
    }

    @Test
    void agreesWithTheReferenceOnEveryUnusualShape() {
        String[] cases = {
            // numbers instead of decimal strings, extra level elements, an empty side
            "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"btcusdt\",\"U\":5,\"u\":6,\"b\":[[61800.3,0.5]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[\"1.5\",\"2\",[]]],\"a\":[]}",
            // ids as strings, pu, a negative and a huge id
            "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":\"5\",\"u\":\"6\",\"b\":[],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":-5,\"u\":6,\"pu\":-9,\"b\":[],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":1,\"u\":99999999999999999999,\"b\":[],\"a\":[]}",
            // inconsistent ids, missing fields, invalid levels
            "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":7,\"u\":6,\"b\":[],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"U\":5,\"b\":[],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[\"0\",\"1\"]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[\"1\",\"-1\"]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[\"1\"]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[\"NaN\",\"1\"]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":[[\"1e999\",\"1\"]],\"a\":[]}",
            "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":5,\"u\":6,\"b\":{},\"a\":[]}",
            // decimals beyond the fast conversion: many digits, exponents, signs, a bare point
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"0.1000000000000000055511151231257827\","
                    + "\"q\":\"123456789012345678\",\"T\":1,\"m\":true}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1.5e3\",\"q\":\"+2.\",\"T\":1,\"m\":false}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"-0.0\",\"q\":\".5\",\"T\":1,\"m\":false}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"0.00000000000000000000000123\",\"q\":\"1\","
                    + "\"T\":1,\"m\":false}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1x\",\"q\":\"1\",\"T\":1,\"m\":false}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":\"yes\"}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1.5,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
            // spot trade with the buyer and seller order ids in b and a
            "{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"b\":88,\"a\":50,"
                    + "\"T\":123456785,\"m\":true,\"M\":true}",
            // bookTicker raw (no e), enveloped, futures, without a symbol
            "{\"u\":400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\","
                    + "\"a\":\"25.36520000\",\"A\":\"40.66000000\"}",
            "{\"stream\":\"bnbusdt@bookTicker\",\"data\":{\"u\":400900217,\"s\":\"BNBUSDT\",\"b\":\"25.35\"}}",
            "{\"e\":\"bookTicker\",\"u\":1,\"E\":2,\"T\":3,\"s\":\"BTCUSDT\",\"b\":\"1\",\"B\":\"2\",\"a\":\"3\",\"A\":\"4\"}",
            "{\"u\":1,\"b\":\"1\",\"B\":\"2\",\"a\":\"3\",\"A\":\"4\"}",
            // other events, envelopes, escapes, nesting, whitespace, trailing content
            "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\",\"k\":{\"t\":1,\"o\":\"1\"}}",
            "{\"stream\":\"x\",\"data\":{\"e\":\"24hrTicker\",\"s\":\"ETHBTC\",\"x\":null,\"y\":false,\"z\":-1.5e-3}}",
            "{\"stream\":\"x\",\"data\":[]}",
            "{\"e\":\"aggTrade\",\"s\":\"BTC\\u0055SDT\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
            "{\"e\":\"aggTrade\",\"s\":\"btcusdt\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true,\"s\":\"ethbtc\"}",
            "{\"e\":\"aggTrade\",\"s\":\"\u00e9th\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
            " \t{ \"e\" : \"aggTrade\" ,\n\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true }\r\n",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}{}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":01,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
            "{\"e\":\"aggTrade\",\"s\":\"BTCUSDT\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":truex}",
            "{\"e\":\"aggTrade\",\"s\":\"BTC\tUSDT\",\"a\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":true}",
            "{\"lastUpdateId\":10,\"bids\":[[\"1\",\"2\"]],\"asks\":[[\"3\",\"4\"]]}",
            "[]", "", "   ", "{", "{}", "null", "{\"s\":\"BTCUSDT\"}",
        };
        BinanceMessageParser reference = new BinanceMessageParser();
        BinanceStreamDecoder decoder = new BinanceStreamDecoder();
        for (String json : cases) {
            String expected = outcome(() -> describe(reference.parse(json, null, "frames", 3, 0)));
            String actual = outcome(() -> {
                decoder.decode(json, null, "frames", 3);
                return describe(decoder.message());
            });
            assertThat(actual).as(json).isEqualTo(expected);
        }
    }

    @Test
    void readsBareDecimalsAndSpotTradeOrderIdsWithoutTheReference() {
        BinanceStreamDecoder decoder = new BinanceStreamDecoder();
        assertThat(decoder.decode("{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"btcusdt\",\"U\":5,\"u\":6,"
                + "\"b\":[[61800.3,0.5]],\"a\":[]}", null, "frames", 1)).isEqualTo(BinanceStreamDecoder.Kind.DEPTH);
        assertThat(decoder.symbol()).isEqualTo("BTCUSDT");
        assertThat(decoder.depth().bidPrice(0)).isEqualTo(61800.3);
        assertThat(decoder.depth().askCount()).isZero();
        assertThat(decoder.decode("{\"e\":\"trade\",\"E\":1,\"s\":\"BNBBTC\",\"t\":12345,\"p\":\"0.001\","
                + "\"q\":\"100\",\"b\":88,\"a\":50,\"T\":123456785,\"m\":true,\"M\":true}", null, "frames", 2))
                .isEqualTo(BinanceStreamDecoder.Kind.TRADE);
        assertThat(decoder.tradeId()).isEqualTo(12345);
        assertThat(decoder.referenceDecodes()).isZero();
    }

    @Test
    void errorsCountColumnsFromTheStartOfTheCaptureLine() {
        String line = "1723161255030314667 {\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\",\"U\":7,\"u\":6,\"b\":[],\"a\":[]}";
        BinanceStreamDecoder decoder = new BinanceStreamDecoder();
        assertThatThrownBy(() -> decoder.decode(line, 20, null, "spot.gz", 41))
                .isInstanceOf(InputFormatException.class)
                .hasMessage("spot.gz:41:21: inconsistent message: final update id 6 < first 7");
    }

    @Test
    void decodingCapturedDepthTradesAndTickersAllocatesNothingPerMessage() throws IOException {
        List<String> lines = messages("orderbook/hftbacktest_binance_usdm_btcusdt_20240808.gz").stream()
                .filter(l -> !l.contains("\"lastUpdateId\"")).limit(20_000).toList();
        BinanceStreamDecoder decoder = new BinanceStreamDecoder();
        for (String json : lines) {
            decoder.decode(json, null, "usdm", 1); // the depth buffer grows to the widest message once
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long levels = 0;
        for (String json : lines) {
            if (decoder.decode(json, null, "usdm", 1) == BinanceStreamDecoder.Kind.DEPTH) {
                levels += decoder.depth().bidCount();
            }
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertThat(levels).isPositive();
        // 20,000 messages: anything per message would be ≥ 320,000 bytes; the bound leaves room for the JVM's own
        assertThat(allocated).as("bytes allocated decoding %d messages", lines.size()).isLessThan(20_000);
    }

    private static String outcome(java.util.function.Supplier<String> decode) {
        try {
            return decode.get();
        } catch (InputFormatException e) {
            return "error " + e.getMessage() + " at " + e.line() + ":" + e.column();
        }
    }

    /** Every field, doubles by their bits (two decoders agree only if they give the very same doubles). */
    static String describe(BinanceMessage m) {
        if (m instanceof BinanceMessage.Depth d) {
            DepthUpdate u = d.update();
            StringBuilder s = new StringBuilder("depth " + u.symbol() + " E" + u.eventTimeMillis() + " U"
                    + u.firstUpdateId() + " u" + u.finalUpdateId() + " pu" + u.previousFinalUpdateId() + " b");
            for (int i = 0; i < u.bidCount(); i++) {
                s.append(' ').append(bits(u.bidPrice(i))).append('x').append(bits(u.bidQuantity(i)));
            }
            s.append(" a");
            for (int i = 0; i < u.askCount(); i++) {
                s.append(' ').append(bits(u.askPrice(i))).append('x').append(bits(u.askQuantity(i)));
            }
            return s.toString();
        }
        if (m instanceof BinanceMessage.BookTicker t) {
            TopOfBook top = t.top();
            return "ticker " + top.symbol() + " u" + top.updateId() + " " + bits(top.bidPrice()) + " "
                    + bits(top.bidQuantity()) + " " + bits(top.askPrice()) + " " + bits(top.askQuantity());
        }
        if (m instanceof BinanceMessage.AggTrade t) {
            return "trade " + t.symbol() + " " + t.aggregateTradeId() + " T" + t.tradeTimeMillis() + " "
                    + bits(t.price()) + " " + bits(t.quantity()) + " m" + t.buyerIsMaker();
        }
        if (m instanceof BinanceMessage.Snapshot s) {
            DepthSnapshot snap = s.snapshot();
            return "snapshot " + snap.symbol() + " " + snap.lastUpdateId() + " " + snap.bidPrices().length + "/"
                    + snap.askPrices().length;
        }
        BinanceMessage.Other o = (BinanceMessage.Other) m;
        return "other " + o.symbol() + " " + o.eventType();
    }

    private static String bits(double v) {
        return v + "/" + Long.toHexString(Double.doubleToRawLongBits(v));
    }
}
