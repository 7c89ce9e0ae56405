package org.pymemlab.runtime.heap;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;

/**
 * Test-only allocator wrapper that remembers every live block (address, requested size, domain) and checks
 * each call against that record: blocks are 16-byte aligned and never overlap, a block is freed in the domain
 * it came from, and only live blocks are freed or resized. A violation is recorded and refused (the call does
 * not reach the real allocator), so a runtime bug surfaces as a test failure instead of a crash in malloc.
 */
public final class TrackingAllocator implements Allocator {

    /** One live block. */
    public record Block(long address, long size, MemoryDomain domain) {
    }

    private final Allocator inner;
    private final TreeMap<Long, Block> blocks = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private long bytes;
    /** When set, every request fails (returns 0), as an exhausted allocator does. */
    private boolean failing;
    /** Requests still granted before {@link #failing} switches on; −1 for no countdown. */
    private int allowance = -1;

    public TrackingAllocator(Allocator inner) {
        this.inner = requireNonNull(inner, "inner is null");
    }

    /** Counts a request down; true when it must fail. */
    private boolean refuse() {
        if (allowance == 0) {
            failing = true;
            allowance = -1;
        } else if (allowance > 0) {
            allowance--;
        }
        return failing;
    }

    @Override
    public long malloc(MemoryDomain domain, long size) {
        if (refuse()) {
            return 0;
        }
        long address = inner.malloc(domain, size);
        if (address != 0) {
            add(address, size, domain, "malloc");
        }
        return address;
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        if (address == 0) {
            return malloc(domain, size);
        }
        if (refuse()) {
            return 0;
        }
        Block old = blocks.get(address);
        if (old == null) {
            violations.add(String.format("realloc of 0x%x, which is not a live block", address));
            return 0;
        }
        if (old.domain != domain) {
            violations.add(String.format("realloc of 0x%x in %s, allocated in %s", address, domain, old.domain));
        }
        long moved = inner.realloc(domain, address, size);
        if (moved != 0) {
            remove(old);
            add(moved, size, domain, "realloc");
        }
        return moved;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        if (address == 0) {
            inner.free(domain, 0);
            return;
        }
        Block old = blocks.get(address);
        if (old == null) {
            violations.add(String.format("free of 0x%x, which is not a live block (double free?)", address));
            return;
        }
        if (old.domain != domain) {
            violations.add(String.format("free of 0x%x in %s, allocated in %s", address, domain, old.domain));
        }
        remove(old);
        inner.free(old.domain, address);
    }

    @Override
    public long usableSize(MemoryDomain domain, long address) {
        return inner.usableSize(domain, address);
    }

    @Override
    public AllocatorStats stats() {
        return inner.stats();
    }

    @Override
    public java.util.Optional<String> debugStats() {
        return inner.debugStats();
    }

    @Override
    public void close() {
        inner.close();
    }

    private void add(long address, long size, MemoryDomain domain, String call) {
        if ((address & 15) != 0) {
            violations.add(String.format("%s returned 0x%x, not 16-byte aligned", call, address));
        }
        Map.Entry<Long, Block> below = blocks.floorEntry(address);
        if (below != null && below.getValue().address + Math.max(1, below.getValue().size) > address) {
            violations.add(String.format("%s returned 0x%x (%d bytes), overlapping live block %s", call, address,
                    size, below.getValue()));
        }
        Map.Entry<Long, Block> above = blocks.higherEntry(address);
        if (above != null && address + Math.max(1, size) > above.getKey()) {
            violations.add(String.format("%s returned 0x%x (%d bytes), overlapping live block %s", call, address,
                    size, above.getValue()));
        }
        blocks.put(address, new Block(address, size, domain));
        bytes += size;
    }

    private void remove(Block block) {
        blocks.remove(block.address);
        bytes -= block.size;
    }

    /** Makes every later malloc and realloc fail (or succeed again). */
    public void setFailing(boolean failing) {
        this.failing = failing;
        this.allowance = -1;
    }

    /** Grants the next {@code n} malloc/realloc requests, then fails every later one. */
    public void failAfter(int n) {
        this.failing = false;
        this.allowance = n;
    }

    public boolean isLiveBlock(long address) {
        return blocks.containsKey(address);
    }

    public Block block(long address) {
        return blocks.get(address);
    }

    public Map<Long, Block> liveBlocks() {
        return java.util.Collections.unmodifiableMap(blocks);
    }

    public int liveBlockCount() {
        return blocks.size();
    }

    public long liveBytes() {
        return bytes;
    }

    /** Violations seen so far; the caller fails the test when this is not empty. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    public Allocator inner() {
        return inner;
    }
}
