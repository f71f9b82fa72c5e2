package dev.vbench.bench.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON documents and the text lines around them in a tool's output. A document starts with a line whose
 * first character is <code>{</code>; everything else is a text line (fio prints its errors that way). A document
 * that does not parse (cut off, or broken by other text) is remembered, and its remaining lines are skipped up to
 * the next document.
 *
 * <p>Linear time: Jackson's streaming parser reads each document once from where it starts, and after a document
 * that does not parse the search for the next one goes on from the line where the parser gave up, so no character
 * is read by more than one parser (the line of the failure aside). Lines starting with <code>{</code> inside a
 * broken document are therefore part of it, not new documents.
 *
 * @param documents     complete documents in output order
 * @param textLines     non-blank text lines outside the documents, stripped
 * @param endsIncomplete whether a document that does not parse comes after the last complete one
 */
record JsonDocuments(List<JsonNode> documents, List<String> textLines, boolean endsIncomplete) {
    /** How many text lines {@link #messages} quotes at most. */
    static final int MAX_MESSAGES = 10;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonDocuments split(String text) {
        List<JsonNode> documents = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        boolean incomplete = false;
        boolean skipping = false;
        int pos = 0;
        while (pos < text.length()) {
            int eol = lineEnd(text, pos);
            if (text.charAt(pos) == '{') {
                skipping = false;
                StringReader rest = new StringReader(text);
                try (JsonParser parser = MAPPER.getFactory().createParser(rest)) {
                    rest.skip(pos);
                    try {
                        documents.add(MAPPER.readTree(parser));
                        incomplete = false;
                        pos += (int) parser.currentLocation().getCharOffset();
                        continue;
                    } catch (JsonProcessingException e) {
                        incomplete = true;
                        skipping = true;
                        int failedAt = pos + (int) parser.currentLocation().getCharOffset();
                        pos = Math.max(eol + 1, lineStart(text, Math.min(failedAt, text.length())));
                        continue;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("reading a string cannot fail", e);
                }
            } else if (skipping) {
                skipping = !text.startsWith("}", pos);
            } else {
                String line = text.substring(pos, eol).strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
            pos = eol + 1;
        }
        return new JsonDocuments(List.copyOf(documents), List.copyOf(lines), incomplete);
    }

    private static int lineEnd(String text, int pos) {
        int eol = text.indexOf('\n', pos);
        return eol < 0 ? text.length() : eol;
    }

    /** The start of the line that holds {@code pos}. */
    private static int lineStart(String text, int pos) {
        return pos == 0 ? 0 : text.lastIndexOf('\n', pos - 1) + 1;
    }

    /**
     * The last {@value #MAX_MESSAGES} text lines joined with {@code " | "}, or {@code fallback} when there are
     * none.
     */
    String messages(String fallback) {
        if (textLines.isEmpty()) {
            return fallback;
        }
        int from = Math.max(0, textLines.size() - MAX_MESSAGES);
        return (from > 0 ? "(" + from + " earlier lines) | " : "")
                + String.join(" | ", textLines.subList(from, textLines.size()));
    }
}
