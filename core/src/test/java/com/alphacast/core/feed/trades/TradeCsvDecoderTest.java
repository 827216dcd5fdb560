package com.alphacast.core.feed.trades;

import com.alphacast.core.classification.Aggressor;
import com.alphacast.core.feed.InputFormatException;
import com.alphacast.core.feed.InputLines;
import com.alphacast.core.fixtures.TestData;
import com.alphacast.core.fuzz.FuzzTries;
import com.alphacast.core.fuzz.InputMutator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeCsvDecoderTest {

    /** Everything a decode produced, in order: rows as text (doubles by their bits), bad lines, a stopping error. */
    private static List<String> decoded(byte[] bytes, String zone) {
        List<String> out = new ArrayList<>();
        try {
            new TradeCsvDecoder("ES", ZoneId.of(zone)).decode(new ByteArrayInputStream(bytes), "f.csv",
                    new TradeCsvDecoder.TradeSink() {
                        @Override
                        public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize,
                                            double askPrice, double askSize) {
                            out.add("quote " + symbol + " " + epochMillis + " " + bits(bidPrice) + " "
                                    + bits(bidSize) + " " + bits(askPrice) + " " + bits(askSize));
                        }

                        @Override
                        public void onTrade(String symbol, long epochMillis, double price, long size,
                                            Aggressor aggressor, long line) {
                            out.add("trade " + symbol + " " + epochMillis + " " + bits(price) + " " + size + " "
                                    + aggressor + " line " + line);
                        }
                    }, bad -> out.add("bad " + bad.getMessage()));
        } catch (InputFormatException stop) {
            out.add("stop " + stop.getMessage());
        }
        return out;
    }

    /** The same from the String-based reader the decoder replaced, reading the bytes as strict UTF-8 text. */
    private static List<String> referenced(byte[] bytes, String zone) {
        List<String> out = new ArrayList<>();
        try {
            new TradeCsvReference("ES", ZoneId.of(zone)).forEachRow(
                    InputLines.utf8(new ByteArrayInputStream(bytes)), "f.csv", row -> {
                        String symbol = row.trade().symbol();
                        if (row.quote() != null) {
                            out.add("quote " + symbol + " " + row.trade().epochMillis() + " "
                                    + bits(row.quote().bidPrice()) + " " + bits(row.quote().bidSize()) + " "
                                    + bits(row.quote().askPrice()) + " " + bits(row.quote().askSize()));
                        }
                        out.add("trade " + symbol + " " + row.trade().epochMillis() + " " + bits(row.trade().price())
                                + " " + row.trade().size() + " " + row.aggressor() + " line " + row.line());
                    }, bad -> out.add("bad " + bad.getMessage()));
        } catch (InputFormatException stop) {
            out.add("stop " + stop.getMessage());
        }
        return out;
    }

    private static String bits(double v) {
        return v + "/" + Long.toHexString(Double.doubleToRawLongBits(v));
    }

    private static byte[] bytes(Path file) {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(f) && (name.endsWith(".csv") || name.endsWith(".csv.gz"));
            }).sorted().toList();
        }
    }

    @Test
    void agreesWithTheStringReaderOnEveryLineOfEveryCsvInTheRepository() throws IOException {
        List<Path> files = new ArrayList<>(csvFiles(TestData.projectRoot().resolve("data")));
        files.addAll(csvFiles(TestData.folder()));
        int tradeFiles = 0;
        long trades = 0;
        for (Path file : files) {
            byte[] bytes = bytes(file);
            List<String> expected = referenced(bytes, "UTC");
            assertThat(decoded(bytes, "UTC")).as(file.toString()).isEqualTo(expected);
            long rows = expected.stream().filter(s -> s.startsWith("trade ")).count();
            tradeFiles += rows > 0 ? 1 : 0;
            trades += rows;
        }
        // the demo session and the bad-prints file at least; the option chains are compared too (both refuse them)
        assertThat(tradeFiles).isGreaterThanOrEqualTo(2);
        assertThat(trades).isGreaterThanOrEqualTo(11_101);
    }

    @Test
    void agreesWithTheStringReaderOnMutatedTradeFiles() throws IOException {
        String demo = Files.readString(TestData.esSession()).lines().limit(120)
                .reduce("", (a, b) -> a + b + "\n");
        String generic = """
                symbol,time,price,size,side,bid,ask,bid_size,ask_size
                AAPL,2024-03-01T14:30:00.5Z,180.10,100,buy,180.05,180.10,3,4
                AAPL,1709303400600,180.05,"1,200",S,180.05,180.10,2,2
                "MS""FT",2024-03-01 09:30:00.700,401.5,5,,401.25,401.75,1,1
                MSFT,2024/03/01 09:30:01,1.5e2,7,-1,150,150.5,1,1
                MSFT,1709303401.25,0.000000000000000000000001,7,+1,0.1,0.2,0,0
                MSFT,2024-03-01T09:30:02+01:00,12345678901234567,8,unknown,1,2,1,1
                """;
        new FuzzTries("decoder versus String reader", 77_000, 3_000).check(random -> {
            String input = InputMutator.mutate(random.nextBoolean() ? demo : generic, random, random.nextInt(1, 7));
            return input;
        }, input -> {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            assertThat(decoded(bytes, "UTC")).isEqualTo(referenced(bytes, "UTC"));
            assertThat(decoded(bytes, "America/New_York")).isEqualTo(referenced(bytes, "America/New_York"));
        });
    }

    @Test
    void decodesPricesToTheSameDoubleAsParseDouble() {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("time,price,size\n");
        List<String> prices = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int digits = random.nextInt(1, 19);
            StringBuilder price = new StringBuilder();
            for (int d = 0; d < digits; d++) {
                price.append((char) ('0' + random.nextInt(d == 0 ? 1 : 0, 10)));
            }
            int point = random.nextInt(0, digits + 1);
            price.insert(point, '.');
            double value = Double.parseDouble(price.toString());
            if (value > 0 && value <= 1e9) {
                prices.add(price.toString());
                csv.append(1_000_000_000_000L + i).append(',').append(price).append(",1\n");
            }
        }
        List<Double> decoded = new ArrayList<>();
        new TradeCsvDecoder("X").decode(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "p.csv", trades((symbol, millis, price, size) -> decoded.add(price)), bad -> {
                    throw bad;
                });
        assertThat(decoded).hasSize(prices.size());
        for (int i = 0; i < prices.size(); i++) {
            assertThat(Double.doubleToRawLongBits(decoded.get(i))).as(prices.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(prices.get(i))));
        }
    }

    @Test
    void decodesTheDemoSessionWithoutAllocatingPerRow() throws IOException {
        byte[] session = Files.readAllBytes(TestData.esSession());
        byte[] head = Files.readString(TestData.esSession()).lines().limit(101)
                .reduce("", (a, b) -> a + b + "\n").getBytes(StandardCharsets.UTF_8);
        TradeCsvDecoder decoder = new TradeCsvDecoder("ES");
        long[] sum = new long[2];
        TradeCsvDecoder.TradeSink sink = trades((symbol, millis, price, size) -> {
            sum[0]++;
            sum[1] += size;
        });
        allocatedDecoding(decoder, session, sink); // warm-up: class loading, buffers
        sum[0] = 0;
        sum[1] = 0;
        long whole = allocatedDecoding(decoder, session, sink);
        assertThat(sum[0]).isEqualTo(11_101L);
        assertThat(sum[1]).isEqualTo(41_809L);
        long first100 = allocatedDecoding(decoder, head, sink);
        // what is allocated (the header row's String, CsvLine and columns) does not grow with the 11,001 rows more
        assertThat(whole - first100).isLessThan(2_048L);
    }

    private static long allocatedDecoding(TradeCsvDecoder decoder, byte[] bytes, TradeCsvDecoder.TradeSink sink) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        long before = threads.getThreadAllocatedBytes(thread);
        decoder.decode(in, "demo", sink, bad -> {
            throw bad;
        });
        return threads.getThreadAllocatedBytes(thread) - before;
    }

    @Test
    void resolvesEachDistinctSymbolToOneString() {
        String csv = "symbol,time,price,size\nAAPL,1,1,1\nMSFT,2,1,1\nAAPL,3,1,1\n\"AAPL\",4,1,1\n";
        List<String> symbols = new ArrayList<>();
        new TradeCsvDecoder("X").decode(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv",
                new TradeCsvDecoder.TradeSink() {
                    @Override
                    public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize,
                                        double askPrice, double askSize) {
                        throw new AssertionError("no quote columns");
                    }

                    @Override
                    public void onTrade(String symbol, long epochMillis, double price, long size,
                                        Aggressor aggressor, long line) {
                        symbols.add(symbol);
                    }
                }, bad -> {
                    throw bad;
                });
        assertThat(symbols).containsExactly("AAPL", "MSFT", "AAPL", "AAPL");
        assertThat(symbols.get(2)).isSameAs(symbols.get(0));
        assertThat(symbols.get(3)).isSameAs(symbols.get(0));
    }

    @Test
    void countsBadLinesWithFileLineAndColumnAndGoesOn() {
        String csv = "time,price,size\n1000,10.5,3\n1001,ten,3\n1002,1,0\n999,1,1\n1003,1,1\n";
        List<String> bad = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        new TradeCsvDecoder("X").decode(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "b.csv",
                trades((symbol, millis, price, size) -> lines.add(millis)), e -> bad.add(e.getMessage()));
        assertThat(lines).containsExactly(1_000_000L, 1_003_000L);
        assertThat(bad).containsExactly(
                "b.csv:3:6: unparseable number 'ten' in column 'price'",
                "b.csv:4:8: size must be positive and at most 1000000000000, was 0",
                "b.csv:5:1: time goes backwards: 1970-01-01T00:16:39Z is before 1970-01-01T00:16:40Z on line 2"
                        + " (trades must be in time order)");
    }

    @Test
    void stopsAtBytesThatAreNotUtf8NamingLineAndColumn() {
        byte[] head = "time,price,size\n1,1,1\n2,1,".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = '1';
        bytes[head.length + 2] = '\n';
        List<Long> rows = new ArrayList<>();
        assertThatThrownBy(() -> new TradeCsvDecoder("X").decode(new ByteArrayInputStream(bytes), "enc.csv",
                trades((symbol, millis, price, size) -> rows.add(millis)), bad -> {
                    throw bad;
                }))
                .isInstanceOf(InputFormatException.class)
                .hasMessageStartingWith("enc.csv:3:5: bytes that are not valid UTF-8");
        assertThat(rows).containsExactly(1000L);
    }

    private interface Trades {
        void trade(String symbol, long epochMillis, double price, long size);
    }

    private static TradeCsvDecoder.TradeSink trades(Trades trades) {
        return new TradeCsvDecoder.TradeSink() {
            @Override
            public void onQuote(String symbol, long epochMillis, double bidPrice, double bidSize, double askPrice,
                                double askSize) {
                // only trades are checked here
            }

            @Override
            public void onTrade(String symbol, long epochMillis, double price, long size, Aggressor aggressor,
                                long line) {
                trades.trade(symbol, epochMillis, price, size);
            }
        };
    }
}
