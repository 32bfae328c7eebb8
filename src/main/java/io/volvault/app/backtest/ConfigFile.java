package io.volvault.app.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.volvault.app.UserInputException;
import io.volvault.greeks.realized.Estimator;
import io.volvault.strategy.StrategyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a strategy config (YAML, or JSON: JSON is YAML) in snake_case. Every field is optional:
 * what the file leaves out keeps {@link StrategyConfig#defaults()}; a field that does not exist is
 * an error naming it.
 */
public final class ConfigFile {

    /** snake_case JSON for configs and summaries, enums case-insensitive. */
    static final ObjectMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFile() {}

    public static StrategyConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("config file " + file + " does not exist");
        }
        JsonNode given;
        try {
            given = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UserInputException("config " + file + " is not valid YAML/JSON: " + e.getOriginalMessage()
                + " (line " + e.getLocation().getLineNr() + ")");
        }
        return parse(given == null || given.isMissingNode() ? JSON.createObjectNode() : given, file.toString());
    }

    /** The defaults, as the config file would spell them (the documented reference). */
    /** {@code config} as the JSON that {@link #read} reads back (to hand a configuration to another process). */
    public static String json(StrategyConfig config) {
        return JSON.valueToTree(config).toString();
    }

    public static ObjectNode defaultsTree() {
        return JSON.valueToTree(StrategyConfig.defaults());
    }

    static StrategyConfig parse(JsonNode given, String source) {
        if (!given.isObject()) {
            throw new UserInputException("config " + source + " must be a mapping of fields, got " + given.getNodeType());
        }
        ObjectNode merged = defaultsTree();
        merge(merged, (ObjectNode) given, "");
        try {
            return JSON.treeToValue(merged, StrategyConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String message = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new UserInputException("config " + source + ": " + message);
        }
    }

    private static void merge(ObjectNode target, ObjectNode given, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = given.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = path + f.getKey();
            JsonNode existing = target.get(f.getKey());
            if (existing == null) {
                throw new UserInputException("config field '" + name + "' is unknown; known here: "
                    + String.join(", ", (Iterable<String>) target::fieldNames));
            }
            if (existing.isObject()) {
                if (!f.getValue().isObject()) {
                    throw new UserInputException("config field '" + name + "' must be a mapping, got "
                        + f.getValue());
                }
                merge((ObjectNode) existing, (ObjectNode) f.getValue(), name + ".");
            } else {
                if (!f.getValue().isValueNode() || f.getValue().isNull()) {
                    throw new UserInputException("config field '" + name + "' must be a single value, got "
                        + f.getValue());
                }
                JsonNode value = f.getValue();
                if (name.equals("forecast.estimator")) {
                    // Same spellings as --estimator: yang-zhang, YANG_ZHANG, Close-To-Close...
                    value = JSON.getNodeFactory().textNode(Estimator.parse(value.asText()).name());
                }
                target.set(f.getKey(), value);
            }
        }
    }
}
