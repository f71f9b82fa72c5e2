package dev.vbench.bench.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.vbench.bench.workload.Metric;
import dev.vbench.results.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One line of the journal, as Jackson reads and writes it: the {@code type} key names the entry, the other keys
 * are the record's components. The keys never change, so a run journaled by an older vbench can be resumed. A
 * variant or measurement line missing what it records does not read as an entry (a corrupt line).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = JournalEntry.Start.class, name = "start"),
        @JsonSubTypes.Type(value = JournalEntry.Environment.class, name = "environment"),
        @JsonSubTypes.Type(value = JournalEntry.VariantEntry.class, name = "variant"),
        @JsonSubTypes.Type(value = JournalEntry.BootEntry.class, name = "boot"),
        @JsonSubTypes.Type(value = JournalEntry.MeasurementEntry.class, name = "measurement"),
        @JsonSubTypes.Type(value = JournalEntry.End.class, name = "end")})
public sealed interface JournalEntry {

    /** A run, or a resumed run, began. {@code time} is an ISO-8601 instant. */
    record Start(@JsonProperty("run_id") String runId, long seed, String time, boolean resumed,
            @JsonProperty("plan_file") @JsonInclude(JsonInclude.Include.NON_NULL) String planFile)
            implements JournalEntry {
    }

    /** The environment of the run (host, libvirt, accelerator, harness), one key a fact. */
    record Environment(@JsonAnyGetter @JsonAnySetter Map<String, String> values) implements JournalEntry {
        /** Sorted by key, as the line is written. */
        public Environment {
            values = new TreeMap<>(values == null ? Map.of() : values);
        }
    }

    /** A variant was booted and checked, or failed. */
    record VariantEntry(VariantRecord record) implements JournalEntry {
        /** The record and its variant's name are there. */
        public VariantEntry {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(record.variant(), "record.variant");
            if (!Sample.NAME.matcher(record.variant()).matches()) {
                throw new IllegalArgumentException("'" + record.variant() + "' is not a variant name");
            }
        }
    }

    /**
     * Boot {@code boot} of a variant was up: when it began and ended (ISO-8601 instants) and how many guests booted
     * at once ({@code together}); also its form in run.json's {@code boots} (without {@code type}).
     */
    record BootEntry(String variant, int boot, String start, String end, int together) implements JournalEntry {
        /** The entry of {@code b}. */
        static BootEntry of(RunEvent.Booted b) {
            return new BootEntry(b.variant(), b.boot(), text(b.start()), text(b.end()), b.together());
        }

        /** The boot's wall time in seconds, as run.json gives it. */
        @JsonProperty("wall_s")
        public double wallSeconds() {
            return java.time.Duration.between(instant(start), instant(end)).toMillis() / 1000.0;
        }
    }

    /** One measurement; also the form of a measurement in run.json (without {@code type}). */
    record MeasurementEntry(String variant, String workload, Integer boot, int rep, String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason, String start, String end, List<Metric> metrics,
            @JsonInclude(JsonInclude.Include.NON_NULL) String raw) implements JournalEntry {

        /** The entry makes a measurement: its names, a known status, ISO-8601 instants, valid metrics. */
        public MeasurementEntry {
            measurement(variant, workload, boot, rep, status, reason, start, end, metrics, raw);
        }

        /** The entry of {@code m}. */
        public static MeasurementEntry of(Measurement m) {
            return new MeasurementEntry(m.variant(), m.workload(), m.boot(), m.rep(), m.status().json(), m.reason(),
                    text(m.start()), text(m.end()), m.metrics(), m.raw());
        }

        /** The measurement this entry records. */
        public Measurement measurement() {
            return measurement(variant, workload, boot, rep, status, reason, start, end, metrics, raw);
        }

        private static Measurement measurement(String variant, String workload, Integer boot, int rep, String status,
                String reason, String start, String end, List<Metric> metrics, String raw) {
            Objects.requireNonNull(status, "status");
            return new Measurement(variant, workload, boot == null ? 1 : boot, rep,
                    Measurement.Status.valueOf(status.toUpperCase(Locale.ROOT)), reason, instant(start), instant(end),
                    metrics == null ? List.of() : metrics, raw);
        }
    }

    /** The run ended with {@code status} (complete, partial, interrupted). */
    record End(String status, String time) implements JournalEntry {
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
