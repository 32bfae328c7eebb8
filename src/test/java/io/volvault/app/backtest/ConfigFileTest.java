package io.volvault.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.volvault.strategy.StrategyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped config lists every field at its default, as the README says. */
class ConfigFileTest {

    private static final Path CONFIG = Path.of(System.getProperty("volvault.root"), "src/config/backtest-btc.yaml");

    @Test
    void theShippedConfigIsTheDefaultsFieldByField() throws Exception {
        assertEquals(StrategyConfig.defaults(), ConfigFile.read(CONFIG));
        String text = Files.readString(CONFIG);
        List<String> missing = new ArrayList<>();
        collect(ConfigFile.defaultsTree(), "", missing, text);
        assertTrue(missing.isEmpty(), "fields not listed in " + CONFIG + ": " + missing);
    }

    private static void collect(JsonNode node, String path, List<String> missing, String text) {
        node.fields().forEachRemaining(f -> {
            if (f.getValue().isObject()) {
                collect(f.getValue(), path + f.getKey() + ".", missing, text);
            } else if (!text.contains("\n  " + f.getKey() + ":") && !text.contains("\n" + f.getKey() + ":")) {
                missing.add(path + f.getKey());
            }
        });
    }
}
