package dev.vbench.results.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON text that depends on the content only: object keys sorted, no whitespace, numbers as Jackson writes them. The
 * text whose SHA-256 is a definition's (or a run's content) hash.
 */
final class CanonicalJson {
    /** The mapper for history bodies: reads run.json and summary.json, writes canonical text. */
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private CanonicalJson() {
    }

    /**
     * @param node a JSON tree
     * @return its canonical text
     */
    static String of(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
