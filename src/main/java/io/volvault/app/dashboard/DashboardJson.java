package io.volvault.app.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/** The one JSON shape of the dashboard's answers, shared by the HTTP API and {@code status --json}. */
public final class DashboardJson {

    /**
     * Exact decimals (token amounts, prices) are written as plain strings: a JSON number would be
     * read back as a double by a browser and lose the wei.
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModule(new SimpleModule("exact-decimals").addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toPlainString());
            }
        }));

    private DashboardJson() {}
}
