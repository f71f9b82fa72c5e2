package dev.vbench.bench.workload;

import java.util.regex.Pattern;

/**
 * One iperf3 client run, in the terms {@link Iperf3Command} turns into arguments. Values are checked strictly, so
 * none can inject a second argument or shell syntax.
 *
 * @param durationSeconds measured time ({@code -t}), 1..86400
 * @param streams         parallel streams ({@code -P}), 1..128
 * @param reverse         the server sends and the client receives ({@code -R})
 * @param udp             UDP instead of TCP ({@code -u})
 * @param bitrate         target rate ({@code -b}) as iperf3 reads it: digits, an optional fraction and an optional
 *                        {@code K}/{@code M}/{@code G} suffix, e.g. {@code 100M} or {@code 1000000000};
 *                        {@code null} for none. Required with UDP, whose default of 1 Mbit/s measures nothing
 * @param omitSeconds     seconds at the start left out of the result ({@code -O}), 0..3600
 */
public record Iperf3Job(int durationSeconds, int streams, boolean reverse, boolean udp, String bitrate,
        int omitSeconds) {

    private static final Pattern BITRATE = Pattern.compile("(0|[1-9][0-9]{0,11})(\\.[0-9]{1,6})?[KMGkmg]?");

    /** Checks every value; the message names the field, the bad value and what is accepted. */
    public Iperf3Job {
        range("durationSeconds", durationSeconds, 1, 86_400);
        range("streams", streams, 1, 128);
        range("omitSeconds", omitSeconds, 0, 3_600);
        if (bitrate != null && !BITRATE.matcher(bitrate).matches()) {
            throw new IllegalArgumentException("iperf3 job bitrate '" + bitrate
                    + "' is not valid (expected digits with an optional K, M or G suffix, e.g. 100M)");
        }
        if (udp && bitrate == null) {
            throw new IllegalArgumentException("iperf3 job: udp needs a bitrate (iperf3's UDP default is 1 Mbit/s), "
                    + "e.g. 1G");
        }
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("iperf3 job " + field + " " + value + " is out of range " + min + ".."
                    + max);
        }
    }
}
