package com.alphacast.bench;

import com.alphacast.core.book.DepthSnapshot;
import com.alphacast.core.book.DepthUpdate;
import com.alphacast.core.book.OrderBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One price-level update on a real Binance book: the NKNUSDT snapshot (609 bids, 1000 asks) with the real NKNUSDT
 * depth-stream level changes replayed in a loop (absolute quantities, so the book stays realistic; 0 deletes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BookUpdateBenchmark {

    private OrderBook book;
    private boolean[] bid;
    private double[] price;
    private double[] quantity;
    private int i;

    @Setup
    public void setUp() {
        DepthSnapshot snapshot = BenchData.snapshot("NKNUSDT");
        book = new OrderBook("NKNUSDT", 2048);
        for (int k = 0; k < snapshot.bidPrices().length; k++) {
            book.updateBid(snapshot.bidPrices()[k], snapshot.bidQuantities()[k]);
        }
        for (int k = 0; k < snapshot.askPrices().length; k++) {
            book.updateAsk(snapshot.askPrices()[k], snapshot.askQuantities()[k]);
        }
        List<double[]> levels = new ArrayList<>();
        for (DepthUpdate u : BenchData.depthUpdates("NKNUSDT")) {
            for (int k = 0; k < u.bidCount(); k++) {
                levels.add(new double[] {1, u.bidPrice(k), u.bidQuantity(k)});
            }
            for (int k = 0; k < u.askCount(); k++) {
                levels.add(new double[] {0, u.askPrice(k), u.askQuantity(k)});
            }
        }
        bid = new boolean[levels.size()];
        price = new double[levels.size()];
        quantity = new double[levels.size()];
        for (int k = 0; k < levels.size(); k++) {
            bid[k] = levels.get(k)[0] == 1;
            price[k] = levels.get(k)[1];
            quantity[k] = levels.get(k)[2];
        }
    }

    @Benchmark
    public double levelUpdate() {
        int k = i;
        i = k + 1 == price.length ? 0 : k + 1;
        if (bid[k]) {
            book.updateBid(price[k], quantity[k]);
        } else {
            book.updateAsk(price[k], quantity[k]);
        }
        return book.bestBidPrice();
    }

    @Benchmark
    public double levelUpdateThenMicroprice() {
        levelUpdate();
        return book.microprice() + book.imbalance();
    }
}
