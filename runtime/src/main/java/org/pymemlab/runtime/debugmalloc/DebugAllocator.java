package org.pymemlab.runtime.debugmalloc;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pymemlab.api.allocator.Allocator;
import org.pymemlab.api.allocator.AllocatorStats;
import org.pymemlab.api.allocator.MemoryDomain;
import org.pymemlab.api.memory.NativeMemory;
import org.pymemlab.runtime.debugmalloc.DebugAllocatorException.Problem;

/**
 * An {@link Allocator} that wraps any other and checks how its blocks are used: CPython's debug hooks
 * ({@code PYTHONMALLOC=debug}, obmalloc.c {@code _PyMem_DebugRawAlloc}, {@code _PyMem_DebugRawFree},
 * {@code _PyMem_DebugCheckAddress}), with errors reported as a {@link DebugAllocatorException} instead of
 * {@code Py_FatalError}.
 *
 * <p>Each request of {@code n} bytes asks the wrapped allocator for {@code n + }{@value #OVERHEAD} and lays
 * the block out as
 *
 * <pre>
 * raw+0   requested size n (8 bytes)             CPython: size_t, big-endian
 * raw+8   serial number of the request (8 bytes) CPython: the optional PYMEM_DEBUG_SERIALNO field
 * raw+16  domain id: 'r', 'm' or 'o'            CPython: the API id byte
 * raw+17  15 guard bytes 0xFD                    CPython: SST-1 = 7 PYMEM_FORBIDDENBYTEs
 * raw+32  the block, returned to the caller: n bytes, filled with 0xCD (PYMEM_CLEANBYTE)
 * +n      8 guard bytes 0xFD                     CPython: SST PYMEM_FORBIDDENBYTEs
 * </pre>
 *
 * (the header is 32 bytes, not CPython's 16, so that the block keeps the wrapped allocator's 16-byte
 * alignment and has room for the serial number). {@code free} and {@code realloc} check the guards and
 * the domain; {@code free} fills the whole block with 0xDD (PYMEM_DEADBYTE) and, unlike CPython, keeps it
 * in a bounded <em>quarantine</em> instead of handing it back at once, so that a stale pointer neither
 * sees the memory reused nor goes unnoticed: a block leaves the quarantine (oldest first, when it holds
 * more than its block or byte limit) only after its 0xDD fill is checked.
 *
 * <p>What is reported, by {@link Problem}: a buffer overrun or underrun (guard bytes or header changed), a
 * double free, a {@code realloc}/{@code usableSize} of a freed block, a write after free, a foreign pointer
 * (an address this allocator did not return), and a wrong domain. The allocator never reads memory it
 * does not own: addresses are looked up in primitive tables of live blocks, quarantined blocks and
 * recently released addresses first, and only the memory of a live or quarantined block is read. When an
 * error is thrown the block involved is left as it was (a block with a broken guard is not freed).
 *
 * <p>{@link #stats()} are the wrapped allocator's, which include the overhead and the quarantined blocks
 * since that is what it was asked for, with {@code debug.*} details added. Threading and ownership as
 * {@link Allocator}: one mutator thread; {@link #close()} closes the wrapped allocator.
 */
public final class DebugAllocator implements Allocator {

    /** PYMEM_CLEANBYTE: fresh memory. */
    public static final byte CLEAN_BYTE = (byte) 0xCD;
    /** PYMEM_DEADBYTE: freed memory. */
    public static final byte DEAD_BYTE = (byte) 0xDD;
    /** PYMEM_FORBIDDENBYTE: guard bytes around a block. */
    public static final byte FORBIDDEN_BYTE = (byte) 0xFD;

    /** Bytes before a block: size, serial number, domain id, guard bytes. */
    public static final int HEADER = 32;
    /** Guard bytes after a block. */
    public static final int TRAILER = 8;
    /** Bytes added to every request. */
    public static final int OVERHEAD = HEADER + TRAILER;

    /** Freed blocks held back from reuse, at most. */
    public static final int DEFAULT_QUARANTINE_BLOCKS = 1024;
    /** Bytes of freed blocks (with their overhead) held back from reuse, at most. */
    public static final long DEFAULT_QUARANTINE_BYTES = 8L << 20;
    /** Addresses of released blocks remembered, to tell a late double free from a foreign pointer. */
    public static final int DEFAULT_HISTORY = 1 << 16;

    private static final int SERIAL = 8;
    private static final int DOMAIN_ID = 16;
    private static final int LEADING_GUARD = HEADER - DOMAIN_ID - 1;
    private static final long NONE = -1;

    private final Allocator delegate;
    private final int quarantineBlocks;
    private final long quarantineBytes;

    /** Blocks handed out and not freed: size, serial. */
    private final BlockTable live = new BlockTable(1024);
    /** Freed blocks kept back: size, serial, stamp = serial of the free. */
    private final BlockTable quarantined;
    /** Quarantine order: a ring of block addresses, oldest at {@code head}. */
    private final long[] quarantineRing;
    private int quarantineHead;
    private int quarantineCount;
    private long quarantinedRawBytes;
    /** Blocks released to the wrapped allocator lately: size, serial, stamp = their sequence number. */
    private final BlockTable released;
    private final long[] historyRing;
    private long historySequence;

    private long serial;
    private long liveBytes;
    private long errors;

    /**
     * Wraps {@code delegate} with the default quarantine ({@value #DEFAULT_QUARANTINE_BLOCKS} blocks, 8 MiB)
     * and history ({@value #DEFAULT_HISTORY} addresses).
     */
    public DebugAllocator(Allocator delegate) {
        this(delegate, DEFAULT_QUARANTINE_BLOCKS, DEFAULT_QUARANTINE_BYTES, DEFAULT_HISTORY);
    }

    /**
     * @param delegate the allocator that does the work
     * @param quarantineBlocks freed blocks held back from reuse, at most, {@code >= 0}
     * @param quarantineBytes bytes of freed blocks held back, at most, {@code >= 0}
     * @param history addresses of released blocks remembered to recognise a late double free, {@code >= 1}
     */
    public DebugAllocator(Allocator delegate, int quarantineBlocks, long quarantineBytes, int history) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        if (quarantineBlocks < 0) {
            throw new IllegalArgumentException("quarantineBlocks < 0: " + quarantineBlocks);
        }
        if (quarantineBytes < 0) {
            throw new IllegalArgumentException("quarantineBytes < 0: " + quarantineBytes);
        }
        if (history < 1) {
            throw new IllegalArgumentException("history < 1: " + history);
        }
        this.quarantineBlocks = quarantineBlocks;
        this.quarantineBytes = quarantineBytes;
        this.quarantineRing = new long[Math.max(1, quarantineBlocks + 1)];
        this.quarantined = new BlockTable(Math.min(quarantineBlocks + 1, 4096));
        this.historyRing = new long[history];
        this.released = new BlockTable(Math.min(history, 4096));
    }

    /** The allocator this one wraps. */
    public Allocator delegate() {
        return delegate;
    }

    @Override
    public long malloc(MemoryDomain domain, long size) {
        requireNonNull(domain, "domain is null");
        checkSize(size);
        if (size > Long.MAX_VALUE - OVERHEAD) {
            return 0;
        }
        long raw = delegate.malloc(domain, size + OVERHEAD);
        if (raw == 0) {
            return 0;
        }
        long p = raw + HEADER;
        serial++;
        decorate(p, size, serial, id(domain));
        NativeMemory.fill(p, size, CLEAN_BYTE);
        live.put(p, size, serial, 0, id(domain));
        liveBytes += size;
        released.remove(p);
        return p;
    }

    @Override
    public long realloc(MemoryDomain domain, long address, long size) {
        requireNonNull(domain, "domain is null");
        checkSize(size);
        if (address == 0) {
            return malloc(domain, size);
        }
        int slot = live.find(address);
        if (slot < 0) {
            throw notLive(address, "realloc");
        }
        verify(address, slot, domain, "realloc");
        if (size > Long.MAX_VALUE - OVERHEAD) {
            return 0;
        }
        long oldSize = live.size(slot);
        long oldSerial = live.serial(slot);
        // As _PyMem_DebugRawRealloc: the wrapped allocator resizes the whole decorated block; on failure
        // nothing was touched and the old block stays valid.
        long raw = delegate.realloc(domain, address - HEADER, size + OVERHEAD);
        if (raw == 0) {
            return 0;
        }
        long p = raw + HEADER;
        serial++;
        live.remove(address);
        liveBytes -= oldSize;
        if (p != address) {
            // The wrapped realloc moved the block and freed the old one: a later free of it is a double free.
            remember(address, oldSize, oldSerial, serial, id(domain));
        }
        decorate(p, size, serial, id(domain));
        if (size > oldSize) {
            NativeMemory.fill(p + oldSize, size - oldSize, CLEAN_BYTE);
        }
        live.put(p, size, serial, 0, id(domain));
        liveBytes += size;
        released.remove(p);
        return p;
    }

    @Override
    public void free(MemoryDomain domain, long address) {
        requireNonNull(domain, "domain is null");
        if (address == 0) {
            return;
        }
        int slot = live.find(address);
        if (slot < 0) {
            throw notLive(address, "free");
        }
        verify(address, slot, domain, "free");
        long size = live.size(slot);
        long madeAt = live.serial(slot);
        live.remove(address);
        liveBytes -= size;
        serial++;
        // _PyMem_DebugRawFree: the whole block, header and guards included, becomes PYMEM_DEADBYTE.
        NativeMemory.fill(address - HEADER, size + OVERHEAD, DEAD_BYTE);
        quarantined.put(address, size, madeAt, serial, id(domain));
        quarantineRing[(quarantineHead + quarantineCount) % quarantineRing.length] = address;
        quarantineCount++;
        quarantinedRawBytes += size + OVERHEAD;
        while (quarantineCount > quarantineBlocks || quarantinedRawBytes > quarantineBytes) {
            releaseOldest();
        }
    }

    /**
     * The size the block was requested with: with the guard right after it, that is all the caller may use.
     */
    @Override
    public long usableSize(MemoryDomain domain, long address) {
        requireNonNull(domain, "domain is null");
        if (address == 0) {
            return 0;
        }
        int slot = live.find(address);
        if (slot < 0) {
            throw notLive(address, "usableSize");
        }
        if (live.domain(slot) != id(domain)) {
            throw wrongDomain(address, slot, domain, "usableSize");
        }
        return live.size(slot);
    }

    /**
     * Checks every block: each quarantined block must still be all 0xDD (else {@link Problem#WRITE_AFTER_FREE}),
     * each live block must have its header and guard bytes intact (else an overrun or underrun).
     *
     * @return the number of blocks checked
     * @throws DebugAllocatorException for the first problem found
     */
    public int check() {
        for (int k = 0; k < quarantineCount; k++) {
            long p = quarantineRing[(quarantineHead + k) % quarantineRing.length];
            int slot = quarantined.find(p);
            long bad = firstNotDead(p, quarantined.size(slot));
            if (bad != NONE) {
                throw writeAfterFree(p, slot, bad, "check()");
            }
        }
        for (int slot = 0; slot < live.capacity(); slot++) {
            long p = live.key(slot);
            if (p != 0) {
                verify(p, slot, domain(live.domain(slot)), "check()");
            }
        }
        return quarantineCount + live.size();
    }

    /**
     * The wrapped allocator's figures (they include {@value #OVERHEAD} bytes of overhead per block and the
     * quarantined blocks, which it still holds), with these details added: {@code debug.blocks.live},
     * {@code debug.bytes.requested} (by the live blocks), {@code debug.bytes.overhead} (of live and
     * quarantined blocks), {@code debug.quarantine.blocks}, {@code debug.quarantine.bytes},
     * {@code debug.serial} and {@code debug.errors} (errors reported).
     */
    @Override
    public AllocatorStats stats() {
        AllocatorStats s = delegate.stats();
        Map<String, Long> details = new TreeMap<>(s.details());
        details.put("debug.blocks.live", (long) live.size());
        details.put("debug.bytes.requested", liveBytes);
        details.put("debug.bytes.overhead", (long) (live.size() + quarantineCount) * OVERHEAD);
        details.put("debug.quarantine.blocks", (long) quarantineCount);
        details.put("debug.quarantine.bytes", quarantinedRawBytes);
        details.put("debug.serial", serial);
        details.put("debug.errors", errors);
        return new AllocatorStats(s.mallocCalls(), s.reallocCalls(), s.freeCalls(), s.liveBlocks(),
                s.bytesRequested(), s.peakBytesRequested(), s.bytesUsable(), s.bytesReserved(),
                s.peakBytesReserved(), details);
    }

    @Override
    public Optional<String> debugStats() {
        return delegate.debugStats();
    }

    /** Closes the wrapped allocator (which frees every block, quarantined ones included). No check is made. */
    @Override
    public void close() {
        live.clear();
        quarantined.clear();
        released.clear();
        quarantineCount = 0;
        quarantinedRawBytes = 0;
        liveBytes = 0;
        delegate.close();
    }

    // ------------------------------------------------------------------ layout

    private static void decorate(long p, long size, long serial, byte id) {
        long raw = p - HEADER;
        NativeMemory.putLong(raw, size);
        NativeMemory.putLong(raw + SERIAL, serial);
        NativeMemory.putByte(raw + DOMAIN_ID, id);
        NativeMemory.fill(raw + DOMAIN_ID + 1, LEADING_GUARD, FORBIDDEN_BYTE);
        NativeMemory.fill(p + size, TRAILER, FORBIDDEN_BYTE);
    }

    /**
     * _PyMem_DebugCheckAddress for a live block: the leading guard first (if it is broken the rest of the
     * header is suspect too), then the header, the domain, the trailing guard. The size comes from our own
     * table, so a corrupted header can never make us read outside the block.
     */
    private void verify(long p, int slot, MemoryDomain domain, String operation) {
        long raw = p - HEADER;
        long size = live.size(slot);
        for (int i = DOMAIN_ID + 1; i < HEADER; i++) {
            if (NativeMemory.getByte(raw + i) != FORBIDDEN_BYTE) {
                throw error(Problem.BUFFER_UNDERRUN, p, size, read(raw + DOMAIN_ID + 1, LEADING_GUARD),
                        "the " + LEADING_GUARD + " guard bytes before the block (p-" + LEADING_GUARD + " .. p-1, "
                                + "expected all 0xfd) were overwritten, the first at p-" + (HEADER - i) + blockInfo(slot));
            }
        }
        if (NativeMemory.getLong(raw) != size || NativeMemory.getLong(raw + SERIAL) != live.serial(slot)
                || NativeMemory.getByte(raw + DOMAIN_ID) != live.domain(slot)) {
            throw error(Problem.BUFFER_UNDERRUN, p, size, read(raw, DOMAIN_ID + 1),
                    "the block's header (p-32 .. p-16: size, serial number, domain id) was overwritten" + blockInfo(slot));
        }
        if (live.domain(slot) != id(domain)) {
            throw wrongDomain(p, slot, domain, operation);
        }
        for (int i = 0; i < TRAILER; i++) {
            if (NativeMemory.getByte(p + size + i) != FORBIDDEN_BYTE) {
                throw error(Problem.BUFFER_OVERRUN, p, size, read(p + size, TRAILER),
                        "the " + TRAILER + " guard bytes after the block (p+" + size + " .. p+" + (size + TRAILER - 1)
                                + ", expected all 0xfd) were overwritten, the first at p+" + (size + i) + blockInfo(slot));
            }
        }
    }

    private String blockInfo(int slot) {
        return " (" + domain(live.domain(slot)) + " domain, serial " + live.serial(slot) + ")";
    }

    /** Offset from {@code p} of the first byte of a freed block (header and guards included) that is not 0xDD. */
    private static long firstNotDead(long p, long size) {
        long raw = p - HEADER;
        long n = size + OVERHEAD;
        long i = 0;
        for (; i + 8 <= n; i += 8) {
            if (NativeMemory.getLong(raw + i) != 0xDDDDDDDDDDDDDDDDL) {
                break;
            }
        }
        for (; i < n; i++) {
            if (NativeMemory.getByte(raw + i) != DEAD_BYTE) {
                return i - HEADER;
            }
        }
        return NONE;
    }

    // ------------------------------------------------------------------ quarantine and history

    /** Releases the oldest quarantined block to the wrapped allocator, after checking its 0xDD fill. */
    private void releaseOldest() {
        long p = quarantineRing[quarantineHead];
        quarantineHead = (quarantineHead + 1) % quarantineRing.length;
        quarantineCount--;
        int slot = quarantined.find(p);
        long size = quarantined.size(slot);
        long bad = firstNotDead(p, size);
        DebugAllocatorException error = bad == NONE ? null : writeAfterFree(p, slot, bad, "leaving the quarantine");
        long madeAt = quarantined.serial(slot);
        long freedAt = quarantined.stamp(slot);
        byte id = quarantined.domain(slot);
        quarantined.remove(p);
        quarantinedRawBytes -= size + OVERHEAD;
        delegate.free(domain(id), p - HEADER);
        remember(p, size, madeAt, freedAt, id);
        if (error != null) {
            throw error;
        }
    }

    /** Notes that {@code p} went back to the wrapped allocator; forgets the oldest such address if full. */
    private void remember(long p, long size, long madeAt, long freedAt, byte id) {
        int index = (int) (historySequence % historyRing.length);
        long old = historyRing[index];
        if (old != 0) {
            int slot = released.find(old);
            if (slot >= 0 && released.stamp(slot) == historySequence - historyRing.length) {
                released.remove(old);
            }
        }
        historyRing[index] = p;
        // The serial of the free is not kept for released blocks; stamp is the place in the ring.
        released.put(p, size, madeAt, historySequence, id);
        historySequence++;
    }

    // ------------------------------------------------------------------ errors

    /** An address that is not a live block: freed (quarantined or released lately) or foreign. Reads only quarantined memory. */
    private DebugAllocatorException notLive(long p, String operation) {
        Problem freedProblem = operation.equals("free") ? Problem.DOUBLE_FREE : Problem.USE_AFTER_FREE;
        int q = quarantined.find(p);
        if (q >= 0) {
            long size = quarantined.size(q);
            long bad = firstNotDead(p, size);
            String state = bad == NONE
                    ? "its memory is still all 0xdd"
                    : "its memory was written since: the byte at " + offset(bad) + " is no longer 0xdd";
            byte[] found = bad == NONE ? read(p, Math.min(size, 16)) : read(p + bad, Math.min(16, size + TRAILER - bad));
            return error(freedProblem, p, size, found, operation + " of a block (" + domain(quarantined.domain(q))
                    + " domain, serial " + quarantined.serial(q) + ") already freed at serial " + quarantined.stamp(q)
                    + "; it is in quarantine and " + state);
        }
        int r = released.find(p);
        if (r >= 0) {
            return error(freedProblem, p, released.size(r), new byte[0], operation + " of a block ("
                    + domain(released.domain(r)) + " domain, serial " + released.serial(r)
                    + ") already freed and since returned to the wrapped allocator; its memory was not read");
        }
        return error(Problem.FOREIGN_POINTER, p, -1, new byte[0], operation + " of an address this allocator did not "
                + "return (not the start of a live block, nor of one freed lately); its memory was not read");
    }

    private DebugAllocatorException wrongDomain(long p, int slot, MemoryDomain domain, String operation) {
        byte[] found = {NativeMemory.getByte(p - HEADER + DOMAIN_ID)};
        return error(Problem.WRONG_DOMAIN, p, live.size(slot), found, "allocated in the " + domain(live.domain(slot))
                + " domain ('" + (char) live.domain(slot) + "'), passed to " + operation + " in the " + domain
                + " domain ('" + (char) id(domain) + "'); serial " + live.serial(slot));
    }

    private DebugAllocatorException writeAfterFree(long p, int slot, long bad, String when) {
        long size = quarantined.size(slot);
        byte[] found = read(p + bad, Math.min(16, size + TRAILER - bad));
        return error(Problem.WRITE_AFTER_FREE, p, size, found, "the block (" + domain(quarantined.domain(slot))
                + " domain, serial " + quarantined.serial(slot) + ", freed at serial " + quarantined.stamp(slot)
                + ") was written after it was freed, seen " + when + ": the byte at " + offset(bad) + " is 0x"
                + String.format("%02x", found[0]) + ", expected 0xdd");
    }

    private DebugAllocatorException error(Problem problem, long p, long size, byte[] found, String detail) {
        errors++;
        return new DebugAllocatorException(problem, p, size, found, detail);
    }

    private static String offset(long fromP) {
        return fromP < 0 ? "p" + fromP : "p+" + fromP;
    }

    private static byte[] read(long address, long length) {
        byte[] bytes = new byte[(int) Math.max(0, length)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = NativeMemory.getByte(address + i);
        }
        return bytes;
    }

    /** CPython's API ids: 'r' PyMem_RawMalloc, 'm' PyMem_Malloc, 'o' PyObject_Malloc. */
    private static byte id(MemoryDomain domain) {
        return switch (domain) {
            case RAW -> 'r';
            case MEM -> 'm';
            case OBJECT -> 'o';
        };
    }

    private static MemoryDomain domain(byte id) {
        return switch (id) {
            case 'r' -> MemoryDomain.RAW;
            case 'm' -> MemoryDomain.MEM;
            case 'o' -> MemoryDomain.OBJECT;
            default -> throw new IllegalStateException("domain id " + id);
        };
    }

    private static void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
    }
}
