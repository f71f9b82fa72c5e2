package dev.vbench.bench.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vbench.provisioning.ProvisioningException;

/**
 * One image as {@code qemu-img info --output=json} describes it: what vbench needs to know before it lets QEMU
 * open the image, i.e. every other file the image makes QEMU open.
 *
 * @param filename        the image as qemu-img opened it
 * @param format          its format ({@code qcow2}, {@code raw}, ...)
 * @param backingFilename its backing file exactly as its header names it (relative to the image's directory,
 *                        absolute, or a protocol such as {@code json:{...}} or {@code nbd:...}), or {@code null}
 * @param backingFormat   the format its header states for the backing file, or {@code null} (QEMU would probe)
 * @param dataFile        a qcow2 image's external data file, or {@code null}
 */
public record QemuImgInfo(String filename, String format, String backingFilename, String backingFormat,
                          String dataFile) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the output of {@code qemu-img info --output=json} for one image (not {@code --backing-chain}).
     *
     * @throws ProvisioningException when it is not such a document
     */
    public static QemuImgInfo parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed("expected one JSON object, got " + (root == null || root.isMissingNode() ? "nothing"
                    : root.getNodeType()));
        }
        JsonNode specific = root.path("format-specific");
        return new QemuImgInfo(required(root, "filename"), required(root, "format"),
                optional(root, "backing-filename"), optional(root, "backing-filename-format"),
                specific.path("type").asText("").equals("qcow2") ? optional(specific.path("data"), "data-file")
                        : null);
    }

    private static String required(JsonNode node, String field) {
        String value = optional(node, field);
        if (value == null) {
            throw malformed("no \"" + field + "\" text");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw malformed("\"" + field + "\" is not text");
        }
        return value.asText();
    }

    private static ProvisioningException malformed(String detail) {
        return new ProvisioningException("read the output of qemu-img info", detail
                + "; check that qemu-img (package qemu-utils) works: qemu-img info --output=json FILE");
    }
}
