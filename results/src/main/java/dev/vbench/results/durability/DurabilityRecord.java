package dev.vbench.results.durability;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The durability record, the contract between the guest's writer ({@code vbench-durable}) and the host's checker,
 * defined once here. The target is an array of {@value #SLOT}-byte slots; record {@code seq} lives in slot
 * {@code seq}. Little-endian layout: bytes 0-7 the magic {@code VBDURREC}; 8-15 the trial's nonce; 16-23 the seq;
 * 24-27 the mode (0 sync, 1 dsync, 2 buffered); 28-4091 the payload, the xorshift64* stream seeded with
 * {@code nonce ^ (seq * 0x9E3779B97F4A7C15)} (1 when that is 0), each output word 8 bytes little-endian; 4092-4095
 * the CRC-32 (zlib/IEEE, as {@link CRC32}) of bytes 0-4091.
 *
 * <p>A slot is {@link Slot#EMPTY} when all zero, a {@link Slot#RECORD} when magic, nonce, seq (equal to the slot
 * number) and CRC all hold, and {@link Slot#CORRUPT} otherwise (torn, stale from another trial, misplaced or
 * garbage).
 */
public final class DurabilityRecord {
    /** Bytes per slot and record. */
    public static final int SLOT = 4096;
    /** A slot of zeros, for the (vectorised) comparison of an empty slot. */
    private static final byte[] ZERO = new byte[SLOT];
    /** The magic, bytes 0-7. */
    public static final byte[] MAGIC = "VBDURREC".getBytes(StandardCharsets.US_ASCII);
    /** Mode: pwrite then fdatasync. */
    public static final int MODE_SYNC = 0;
    /** Mode: pwrite on an O_DSYNC descriptor. */
    public static final int MODE_DSYNC = 1;
    /** Mode: pwrite only. */
    public static final int MODE_BUFFERED = 2;
    static final int PAYLOAD = 28;
    static final int CRC = SLOT - 4;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long MULTIPLIER = 0x2545F4914F6CDD1DL;

    /** What a slot holds. */
    public enum Slot {
        /** All zero: never written, or lost. */
        EMPTY,
        /** A valid record of this trial in its own slot. */
        RECORD,
        /** Anything else: torn, stale, in the wrong slot, garbage. */
        CORRUPT
    }

    private DurabilityRecord() {
    }

    /**
     * The {@value #SLOT} bytes the writer puts in slot {@code seq}.
     *
     * @param nonce the trial's nonce
     * @param seq   the sequence number, {@code >= 0}
     * @param mode  the writer's mode, {@link #MODE_SYNC} .. {@link #MODE_BUFFERED}
     */
    public static byte[] encode(long nonce, long seq, int mode) {
        if (seq < 0) {
            throw new IllegalArgumentException("seq " + seq + " < 0");
        }
        ByteBuffer b = ByteBuffer.allocate(SLOT).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putLong(nonce).putLong(seq).putInt(mode);
        long x = nonce ^ (seq * GOLDEN);
        if (x == 0) {
            x = 1;
        }
        while (b.position() + Long.BYTES <= CRC) {
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            b.putLong(x * MULTIPLIER);
        }
        b.putInt(CRC, crc(b.array(), 0));
        return b.array();
    }

    /**
     * Classifies the slot at {@code offset} of {@code data}: {@code length} bytes of it, {@value #SLOT} for a whole
     * slot, fewer for the cut-off end of a file (then it is never a record).
     *
     * @param slot  the slot's number, the seq a record there must carry
     * @param nonce the trial's nonce
     */
    public static Slot classify(byte[] data, int offset, int length, long slot, long nonce) {
        if (allZero(data, offset, length)) {
            return Slot.EMPTY;
        }
        if (length != SLOT) {
            return Slot.CORRUPT;
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, SLOT).slice().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(i) != MAGIC[i]) {
                return Slot.CORRUPT;
            }
        }
        boolean valid = b.getLong(8) == nonce && b.getLong(16) == slot && b.getInt(CRC) == crc(data, offset);
        return valid ? Slot.RECORD : Slot.CORRUPT;
    }

    private static int crc(byte[] data, int offset) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, CRC);
        return (int) crc.getValue();
    }

    private static boolean allZero(byte[] data, int offset, int length) {
        return Arrays.mismatch(data, offset, offset + length, ZERO, 0, length) < 0;
    }
}
