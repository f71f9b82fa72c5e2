package dev.vbench.provisioning;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Lookup of an enum constant by its plan spelling; the error lists the valid spellings. */
final class PlanNames {
    private PlanNames() {
    }

    static <E extends Enum<E>> E lookup(E[] values, String value, Function<E, String> name, String key) {
        for (E e : values) {
            if (name.apply(e).equals(value)) {
                return e;
            }
        }
        String valid = Arrays.stream(values).map(name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown " + key + " '" + value + "' (valid: " + valid + ")");
    }
}
