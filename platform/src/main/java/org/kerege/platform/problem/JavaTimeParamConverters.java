package org.kerege.platform.problem;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Reads ISO-8601 dates and instants from parameters; a malformed one is a 400 that names the parameter. */
@Provider
public class JavaTimeParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(name, "an ISO date, e.g. 2026-11-21", LocalDate::parse);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(name, "an ISO instant, e.g. 2026-11-21T09:00:00Z", Instant::parse);
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null || value.isEmpty()) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (DateTimeParseException e) {
                    throw new InvalidParameterException(name, expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof HeaderParam h) {
                    return h.value();
                }
            }
        }
        return "parameter";
    }
}
