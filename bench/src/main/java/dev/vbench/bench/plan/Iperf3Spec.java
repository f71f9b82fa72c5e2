package dev.vbench.bench.plan;

import static dev.vbench.bench.plan.InvalidSpecException.checkRange;

import java.time.Duration;
import java.util.Objects;

/**
 * One iperf3 run between the guest (client) and the host (server), validated for use as iperf3 arguments.
 *
 * @param duration       measured time ({@code -t}), whole seconds, 1 s .. 1 h
 * @param streams        parallel streams ({@code -P}), 1..128
 * @param reverse        host sends, guest receives ({@code -R})
 * @param udp            UDP instead of TCP ({@code -u})
 * @param bitrateBitsPerS target rate ({@code -b}) in bits per second, 1K .. 100G; required with UDP (iperf3's
 *                       default of 1 Mbit/s measures nothing useful), not allowed with TCP, else {@code null}
 * @param omit           seconds at the start left out of the result ({@code -O}), whole seconds, 0 .. 60 s
 */
public record Iperf3Spec(Duration duration, int streams, boolean reverse, boolean udp, Long bitrateBitsPerS,
        Duration omit) {

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final int DEFAULT_STREAMS = 1;
    static final Duration DEFAULT_OMIT = Duration.ZERO;

    public Iperf3Spec {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(omit, "omit");
        FioSpec.checkDuration("duration", duration, Duration.ofSeconds(1), Duration.ofHours(1));
        FioSpec.wholeSeconds("duration", duration);
        checkRange("streams", streams, 1, 128);
        FioSpec.checkDuration("omit", omit, Duration.ZERO, Duration.ofSeconds(60));
        FioSpec.wholeSeconds("omit", omit);
        if (udp && bitrateBitsPerS == null) {
            throw new InvalidSpecException("bitrate", "required with udp: true (e.g. bitrate: 1G)");
        }
        if (!udp && bitrateBitsPerS != null) {
            throw new InvalidSpecException("bitrate", "only applies with udp: true (remove bitrate, or set udp: true)");
        }
        if (bitrateBitsPerS != null && (bitrateBitsPerS < 1_000L || bitrateBitsPerS > 100_000_000_000L)) {
            throw new InvalidSpecException("bitrate", Quantity.formatBitrate(bitrateBitsPerS)
                    + " is out of range (valid: 1K..100G)");
        }
    }

    /** A TCP run with the defaults: 10 s, one stream, guest sends. */
    public static Iperf3Spec tcp() {
        return new Iperf3Spec(DEFAULT_DURATION, DEFAULT_STREAMS, false, false, null, DEFAULT_OMIT);
    }

    /** {@link #duration()} in seconds, as {@code iperf3 -t} takes it. */
    public long durationSeconds() {
        return duration.toSeconds();
    }

    /** {@link #omit()} in seconds, as {@code iperf3 -O} takes it. */
    public long omitSeconds() {
        return omit.toSeconds();
    }

    /** Measured time plus omitted time: how long the client runs. */
    public Duration wallTime() {
        return duration.plus(omit);
    }
}
