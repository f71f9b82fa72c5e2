package dev.vbench.bench.plan;

import static dev.vbench.bench.plan.InvalidSpecException.checkRange;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One iperf3 run between the guest (client) and the host (server), and the only model of one: {@link #read} reads
 * it from a plan's {@code iperf3:} mapping and {@code dev.vbench.bench.workload.Iperf3Command} turns it into the
 * client's arguments. Every field is validated here, so the command needs no quoting.
 *
 * @param duration       measured time ({@code -t}), whole seconds, 1 s .. 1 h
 * @param streams        parallel streams ({@code -P}), 1..128
 * @param reverse        host sends, guest receives ({@code -R})
 * @param udp            UDP instead of TCP ({@code -u})
 * @param bitrateBitsPerS target rate ({@code -b}) in bits per second, 1K .. 100G; required with UDP (iperf3's
 *                       default of 1 Mbit/s measures nothing useful), not allowed with TCP, else {@code null}
 * @param omit           seconds at the start left out of the result ({@code -O}), whole seconds, 0 .. 60 s
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"duration_s", "streams", "reverse", "udp", "bitrate_bits_per_s", "omit_s"})
public record Iperf3Spec(@JsonIgnore Duration duration, int streams, boolean reverse, boolean udp,
        @JsonProperty("bitrate_bits_per_s") Long bitrateBitsPerS, @JsonIgnore Duration omit) {

    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final int DEFAULT_STREAMS = 1;
    static final Duration DEFAULT_OMIT = Duration.ZERO;
    static final int MAX_STREAMS = 128;
    private static final List<String> KEYS = List.of("duration", "streams", "reverse", "udp", "bitrate", "omit");

    public Iperf3Spec {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(omit, "omit");
        FioSpec.checkDuration("duration", duration, Duration.ofSeconds(1), Duration.ofHours(1));
        FioSpec.wholeSeconds("duration", duration);
        checkRange("streams", streams, 1, MAX_STREAMS);
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

    /** Reads a plan's {@code iperf3:} mapping; keys left out take the defaults of {@link #tcp}. */
    static Iperf3Spec read(PlanNode node) {
        PlanNode m = node.map("a mapping of iperf3 options, e.g. {duration: 10s, streams: 1}").allowKeys(KEYS);
        Duration duration = m.get("duration").map(PlanNode::duration).orElse(DEFAULT_DURATION);
        int streams = m.get("streams").map(n -> n.integer(1, MAX_STREAMS)).orElse(DEFAULT_STREAMS);
        boolean reverse = m.get("reverse").map(PlanNode::bool).orElse(false);
        boolean udp = m.get("udp").map(PlanNode::bool).orElse(false);
        Long bitrate = m.get("bitrate").map(PlanNode::bitrate).orElse(null);
        Duration omit = m.get("omit").map(PlanNode::duration).orElse(DEFAULT_OMIT);
        return m.build(() -> new Iperf3Spec(duration, streams, reverse, udp, bitrate, omit));
    }

    /** A TCP run with the defaults: {@code duration 10s, streams 1, reverse false, udp false, omit 0s}. */
    public static Iperf3Spec tcp() {
        return new Iperf3Spec(DEFAULT_DURATION, DEFAULT_STREAMS, false, false, null, DEFAULT_OMIT);
    }

    /** {@link #duration()} in seconds, as {@code iperf3 -t} takes it and run.json records it. */
    @JsonProperty("duration_s")
    public long durationSeconds() {
        return duration.toSeconds();
    }

    /** {@link #omit()} in seconds, as {@code iperf3 -O} takes it and run.json records it. */
    @JsonProperty("omit_s")
    public long omitSeconds() {
        return omit.toSeconds();
    }

    /** The same run cut to at most {@code max} of duration and nothing omitted: a warm-up run. */
    public Iperf3Spec forWarmup(Duration max) {
        Duration cut = duration.compareTo(max) <= 0 ? duration : max;
        return new Iperf3Spec(cut, streams, reverse, udp, bitrateBitsPerS, Duration.ZERO);
    }

    /** Measured time plus omitted time: how long the client runs. */
    public Duration wallTime() {
        return duration.plus(omit);
    }
}
