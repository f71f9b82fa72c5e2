package dev.vbench.results.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vbench.results.durability.DurabilityRecord.Slot;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The record format against known answers computed independently from the common brief's description (a Python
 * script with struct and zlib.crc32): the SHA-256 of the whole slot, the first payload word and the CRC bytes. The
 * guest's writer can be checked against the same vectors.
 */
class DurabilityRecordTest {

    @Test
    void encodesTheKnownAnswers() throws NoSuchAlgorithmException {
        known(0x0123456789ABCDEFL, 5, 1, "a0af87f38baa37594fc5e23cf826e0645d459ae739448fc178207ba405fb6df9",
                "1e74c4956ef45cd0", "b5d4a329");
        // seed nonce ^ 0 = 0 is replaced by 1: the same payload as nonce 1, seq 0
        known(0, 0, 0, "a032e7c9ea8d166429f1761e9c95788cac8b6e2391cabd9a6b76cf5512e537eb", "1ddd6c894bcee447",
                "11c20fad");
        known(1, 0, 2, "52d01a1be831b6d1977cb8940567c6b3e95ef6fd7fab660fbcc4fa748f29a734", "1ddd6c894bcee447",
                "acdb9d28");
    }

    @Test
    void classifiesAWholeSlot() {
        byte[] r = DurabilityRecord.encode(42, 7, DurabilityRecord.MODE_SYNC);
        assertThat(DurabilityRecord.classify(r, 0, r.length, 7, 42)).isEqualTo(Slot.RECORD);
        assertThat(DurabilityRecord.classify(r, 0, r.length, 6, 42)).isEqualTo(Slot.CORRUPT);
        assertThat(DurabilityRecord.classify(r, 0, r.length, 7, 43)).isEqualTo(Slot.CORRUPT);
        assertThat(DurabilityRecord.classify(new byte[4096], 0, 4096, 7, 42)).isEqualTo(Slot.EMPTY);
        assertThat(DurabilityRecord.classify(r, 0, 100, 7, 42)).isEqualTo(Slot.CORRUPT);
        assertThat(DurabilityRecord.classify(new byte[100], 0, 100, 7, 42)).isEqualTo(Slot.EMPTY);
    }

    private static void known(long nonce, long seq, int mode, String sha256, String firstWord, String crc)
            throws NoSuchAlgorithmException {
        byte[] r = DurabilityRecord.encode(nonce, seq, mode);
        HexFormat hex = HexFormat.of();
        assertThat(r).hasSize(4096);
        assertThat(new String(r, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("VBDURREC");
        assertThat(hex.formatHex(r, 28, 36)).isEqualTo(firstWord);
        assertThat(hex.formatHex(r, 4092, 4096)).isEqualTo(crc);
        assertThat(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(r))).isEqualTo(sha256);
    }
}
