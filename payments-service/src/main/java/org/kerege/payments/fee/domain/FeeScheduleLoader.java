package org.kerege.payments.fee.domain;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads {@code fees/schedules.json} (or any stream of the same shape) and validates it. Unknown fields
 * and duplicate keys are errors. Amounts and percentages are written as decimal strings ({@code "2000"})
 * and read as {@link java.math.BigDecimal}, so no binary floating point ever touches them.
 */
public final class FeeScheduleLoader {

    /** The file shipped with the service, on the classpath. */
    public static final String SHIPPED = "fees/schedules.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private FeeScheduleLoader() {
    }

    /** Loads the shipped file. @throws FeeDataException when it is missing, unreadable or invalid */
    public static FeeSchedules shipped() {
        try (InputStream in = FeeScheduleLoader.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new FeeDataException(List.of(SHIPPED + ": not found on the classpath"));
            }
            return load(in);
        } catch (IOException e) {
            throw new FeeDataException(List.of(SHIPPED + ": " + e.getMessage()));
        }
    }

    /** Loads and validates a file. @throws FeeDataException when unreadable or invalid */
    public static FeeSchedules load(InputStream in) {
        FeeScheduleFile file;
        try {
            file = JSON.readValue(in, FeeScheduleFile.class);
        } catch (IOException e) {
            throw new FeeDataException(List.of("unreadable: " + e.getMessage()));
        }
        return FeeSchedules.of(file);
    }

    /** Loads and validates a file given as text. */
    public static FeeSchedules load(String json) {
        return load(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
