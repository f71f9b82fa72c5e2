package dev.vbench.bench.cli;

import dev.vbench.results.ResultsInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The dates the command line takes: a day ({@code 2026-12-01}, midnight UTC) or an ISO instant. */
final class Dates {
    private Dates() {
    }

    /**
     * @param text a day, an ISO instant, or {@code null}
     * @return the instant, or {@code null} when {@code text} is
     * @throws ResultsInputException for any other text
     */
    static Instant since(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResultsInputException("--since " + text + " is not a date; give 2026-12-01 or"
                    + " 2026-12-01T02:00:00Z");
        }
    }
}
