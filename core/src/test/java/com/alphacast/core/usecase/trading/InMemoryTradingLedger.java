package com.alphacast.core.usecase.trading;

import com.alphacast.core.trading.Fill;
import com.alphacast.core.trading.Order;
import com.alphacast.core.trading.Position;
import com.alphacast.core.trading.PositionExit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trading ledger's contract in memory: an execution once per order, a close once per position. */
final class InMemoryTradingLedger implements TradingLedger {

    record Closed(Position position, PositionExit exit, double realizedPnl) {
    }

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, String> rejections = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Map<String, Position> open = new LinkedHashMap<>();
    private final List<Closed> closed = new ArrayList<>();
    private int openPositionReads;

    List<Fill> fills() {
        return List.copyOf(fills);
    }

    Map<String, String> rejections() {
        return Map.copyOf(rejections);
    }

    List<Closed> closed() {
        return List.copyOf(closed);
    }

    void open(Position position) {
        open.put(position.signalId(), position);
    }

    @Override
    public Optional<Order> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Optional<Fill> fill(String orderId) {
        return fills.stream().filter(f -> f.orderId().equals(orderId)).findFirst();
    }

    @Override
    public boolean recordExecution(Order order, Fill fill, Position position) {
        if (orders.putIfAbsent(order.orderId(), order) != null) {
            return false;
        }
        fills.add(fill);
        open.put(position.signalId(), position);
        return true;
    }

    @Override
    public boolean recordRejection(Order order, String reason) {
        if (orders.putIfAbsent(order.orderId(), order) != null) {
            return false;
        }
        rejections.put(order.orderId(), reason);
        return true;
    }

    @Override
    public boolean close(Position position, PositionExit exit, double realizedPnl) {
        if (open.remove(position.signalId()) == null) {
            return false;
        }
        closed.add(new Closed(position, exit, realizedPnl));
        return true;
    }

    /** How often the open positions were read. */
    int openPositionReads() {
        return openPositionReads;
    }

    @Override
    public List<Position> openPositions() {
        openPositionReads++;
        return List.copyOf(open.values());
    }
}
