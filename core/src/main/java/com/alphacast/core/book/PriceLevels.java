package com.alphacast.core.book;

import java.util.Arrays;

/**
 * One side of a price-level book, sorted, in blocks of at most {@value #BLOCK} levels. A Binance book grows to
 * thousands of levels a side (the diff streams bring levels far from the touch and nothing removes them); in one
 * sorted array a level inserted or deleted deep in the book moves most of the array. Here an update moves at most
 * one block's levels, plus, when a block splits, merges or empties, a few block references in the directory.
 *
 * <p>Levels are kept by key, ascending: the price for bids, −price for asks, so on both sides the best level is the
 * last level of the last block (top-of-book reads are O(1)). The directory ({@code order}, {@code firstKeys}) lists
 * the blocks in key order with each block's smallest key, searched from the top end first because nearly all
 * updates touch the top. Blocks live in one pair of flat arrays (block {@code b} at {@code b × BLOCK}) and are
 * reused through a free list; storage grows by doubling and never shrinks, so at steady depth an update allocates
 * nothing. Not thread-safe.
 */
final class PriceLevels {

    /** Levels per block: large enough to keep the directory short, small enough that a block's move is cheap. */
    static final int BLOCK = 64;
    /** A block this small after a delete is merged into a neighbour when both fit into half a block. */
    private static final int MERGE_BELOW = BLOCK / 4;

    private final boolean bids;
    private double[] keys;
    private double[] quantities;
    /** Levels in each block, by block id. */
    private int[] sizes;
    /** Block ids in key order. */
    private int[] order;
    /** Smallest key of each block, in directory order. */
    private double[] firstKeys;
    private int blockCount;
    private int[] free;
    private int freeCount;
    private int size;

    PriceLevels(boolean bids, int initialCapacity) {
        this.bids = bids;
        // blocks are half full after a split, so expect two blocks per BLOCK levels
        int blocks = Math.max(4, 2 * ((Math.max(16, initialCapacity) + BLOCK - 1) / BLOCK));
        keys = new double[blocks * BLOCK];
        quantities = new double[blocks * BLOCK];
        sizes = new int[blocks];
        order = new int[blocks];
        firstKeys = new double[blocks];
        free = new int[blocks];
        clear();
    }

    void clear() {
        size = 0;
        blockCount = 0;
        freeCount = 0;
        for (int b = sizes.length - 1; b >= 0; b--) {
            free[freeCount++] = b;
        }
    }

    int size() {
        return size;
    }

    /** Sets the quantity at a price; 0 deletes the level (deleting an absent level is a no-op, as on Binance). */
    void set(double price, double quantity) {
        double key = bids ? price : -price;
        if (blockCount == 0) {
            if (quantity != 0) {
                int b = allocateBlock();
                order[0] = b;
                firstKeys[0] = key;
                blockCount = 1;
                keys[b * BLOCK] = key;
                quantities[b * BLOCK] = quantity;
                sizes[b] = 1;
                size = 1;
            }
            return;
        }
        int pos = blockOf(key);
        int b = order[pos];
        int base = b * BLOCK;
        int n = sizes[b];
        int at = search(base, n, key);
        if (at >= 0) {
            if (quantity != 0) {
                quantities[base + at] = quantity;
            } else {
                delete(pos, b, base, n, at);
            }
            return;
        }
        if (quantity == 0) {
            return;
        }
        if (n == BLOCK) {
            split(pos);
            set(price, quantity); // one of the two halves has room now
            return;
        }
        int insert = -at - 1;
        System.arraycopy(keys, base + insert, keys, base + insert + 1, n - insert);
        System.arraycopy(quantities, base + insert, quantities, base + insert + 1, n - insert);
        keys[base + insert] = key;
        quantities[base + insert] = quantity;
        sizes[b] = n + 1;
        size++;
        if (insert == 0) {
            firstKeys[pos] = key; // only possible in the first block: any other block's range starts at its key
        }
    }

    private void delete(int pos, int b, int base, int n, int at) {
        System.arraycopy(keys, base + at + 1, keys, base + at, n - at - 1);
        System.arraycopy(quantities, base + at + 1, quantities, base + at, n - at - 1);
        sizes[b] = --n;
        size--;
        if (n == 0) {
            removeFromDirectory(pos);
            return;
        }
        if (at == 0) {
            firstKeys[pos] = keys[base];
        }
        if (n < MERGE_BELOW) {
            mergeWithNeighbour(pos);
        }
    }

    /** Directory index of the block whose key range holds {@code key}: the last block starting at or below it. */
    private int blockOf(double key) {
        int last = blockCount - 1;
        if (key >= firstKeys[last]) {
            return last;
        }
        int low = 0;
        int high = last - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (firstKeys[mid] <= key) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return Math.max(0, high); // below every block's first key: it belongs at the start of the first block
    }

    /** Binary search within one block; the index relative to {@code base}, or −(insertion point + 1). */
    private int search(int base, int n, double key) {
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            double midKey = keys[base + mid];
            if (midKey < key) {
                low = mid + 1;
            } else if (midKey > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Moves the upper half of a full block into a new block placed right after it. */
    private void split(int pos) {
        int fresh = allocateBlock();
        int b = order[pos];
        int half = BLOCK / 2;
        System.arraycopy(keys, b * BLOCK + half, keys, fresh * BLOCK, BLOCK - half);
        System.arraycopy(quantities, b * BLOCK + half, quantities, fresh * BLOCK, BLOCK - half);
        sizes[b] = half;
        sizes[fresh] = BLOCK - half;
        System.arraycopy(order, pos + 1, order, pos + 2, blockCount - pos - 1);
        System.arraycopy(firstKeys, pos + 1, firstKeys, pos + 2, blockCount - pos - 1);
        order[pos + 1] = fresh;
        firstKeys[pos + 1] = keys[fresh * BLOCK];
        blockCount++;
    }

    /** Keeps blocks from thinning out under deletes, which would lengthen the directory. */
    private void mergeWithNeighbour(int pos) {
        int b = order[pos];
        if (pos + 1 < blockCount && sizes[b] + sizes[order[pos + 1]] <= BLOCK / 2) {
            append(b, order[pos + 1]);
            removeFromDirectory(pos + 1);
        } else if (pos > 0 && sizes[order[pos - 1]] + sizes[b] <= BLOCK / 2) {
            append(order[pos - 1], b);
            removeFromDirectory(pos);
        }
    }

    /** Appends block {@code from}'s levels to block {@code to} (from's keys are all above to's). */
    private void append(int to, int from) {
        int n = sizes[from];
        System.arraycopy(keys, from * BLOCK, keys, to * BLOCK + sizes[to], n);
        System.arraycopy(quantities, from * BLOCK, quantities, to * BLOCK + sizes[to], n);
        sizes[to] += n;
        sizes[from] = 0;
    }

    private void removeFromDirectory(int pos) {
        free[freeCount++] = order[pos];
        System.arraycopy(order, pos + 1, order, pos, blockCount - pos - 1);
        System.arraycopy(firstKeys, pos + 1, firstKeys, pos, blockCount - pos - 1);
        blockCount--;
    }

    private int allocateBlock() {
        if (freeCount == 0) {
            int blocks = sizes.length;
            int grown = blocks * 2;
            keys = Arrays.copyOf(keys, grown * BLOCK);
            quantities = Arrays.copyOf(quantities, grown * BLOCK);
            sizes = Arrays.copyOf(sizes, grown);
            order = Arrays.copyOf(order, grown);
            firstKeys = Arrays.copyOf(firstKeys, grown);
            free = new int[grown];
            for (int b = grown - 1; b >= blocks; b--) {
                free[freeCount++] = b;
            }
        }
        return free[--freeCount];
    }

    /** Price of the level {@code depth} away from the top (0 = best). */
    double price(int depth) {
        int at = slot(depth);
        return at < 0 ? Double.NaN : bids ? keys[at] : -keys[at];
    }

    double quantity(int depth) {
        int at = slot(depth);
        return at < 0 ? Double.NaN : quantities[at];
    }

    /** Array index of the level {@code depth} from the top, walking blocks down from the best; −1 past the end. */
    private int slot(int depth) {
        if (depth < 0 || depth >= size) {
            return -1;
        }
        for (int pos = blockCount - 1; ; pos--) {
            int b = order[pos];
            int n = sizes[b];
            if (depth < n) {
                return b * BLOCK + n - 1 - depth;
            }
            depth -= n;
        }
    }

    /** Quantity at an exact price, 0 if there is no such level. */
    double quantityAt(double price) {
        if (blockCount == 0) {
            return 0;
        }
        double key = bids ? price : -price;
        int b = order[blockOf(key)];
        int at = search(b * BLOCK, sizes[b], key);
        return at >= 0 ? quantities[b * BLOCK + at] : 0;
    }
}
