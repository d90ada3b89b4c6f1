package org.baraza.server.api;

import java.io.IOException;
import java.util.stream.Collectors;

import org.baraza.core.DomainException;
import org.baraza.core.LongId;
import org.baraza.core.PhoneNumber;
import org.baraza.core.program.ProgramConfig;
import org.baraza.core.schedule.Recurrence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How the API writes and reads JSON: the domain's records as they are, with typed ids as plain numbers, phone
 * numbers and recurrence rules as strings, a program's configuration as the JSON object it is, times as ISO-8601
 * text. Listener-provided text (SMS bodies, caller names) is only ever a JSON string written by Jackson: escaping
 * it for a page is the page's job. Thread-safe once built.
 */
final class ApiJson {

    private ApiJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule domain = new SimpleModule("baraza-domain")
                .addSerializer(LongId.class, new Text<>(LongId.class) {
                    @Override
                    public void serialize(LongId id, JsonGenerator out, SerializerProvider provider) throws IOException {
                        out.writeNumber(id.value());
                    }
                })
                .addSerializer(PhoneNumber.class, new Text<>(PhoneNumber.class) {
                    @Override
                    public void serialize(PhoneNumber number, JsonGenerator out, SerializerProvider provider) throws IOException {
                        out.writeString(number.value());
                    }
                })
                .addSerializer(Recurrence.class, new Text<>(Recurrence.class) {
                    @Override
                    public void serialize(Recurrence rule, JsonGenerator out, SerializerProvider provider) throws IOException {
                        out.writeString(rule.rule());
                    }
                })
                .addSerializer(ProgramConfig.class, new Text<>(ProgramConfig.class) {
                    @Override
                    public void serialize(ProgramConfig config, JsonGenerator out, SerializerProvider provider) throws IOException {
                        // Canonical JSON already, checked by ProgramConfig: written as the object it is.
                        out.writeRawValue(config.json());
                    }
                });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(domain)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** A body Jackson could not read, as the refusal to send: the rule a domain record broke, or where the JSON is wrong. */
    static RuntimeException problem(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refused) {
                return refused;
            }
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return ApiProblem.badRequest("the body's field " + field + " is wrong: " + firstLine(mapping.getOriginalMessage()));
        }
        if (e instanceof JsonProcessingException processing) {
            return ApiProblem.badRequest("the body is not valid JSON: " + firstLine(processing.getOriginalMessage()));
        }
        return ApiProblem.badRequest("the body could not be read: " + e.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private abstract static class Text<T> extends StdSerializer<T> {
        Text(Class<T> type) {
            super(type);
        }
    }
}
