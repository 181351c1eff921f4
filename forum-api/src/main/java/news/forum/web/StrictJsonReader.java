package news.forum.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads JSON request bodies strictly, then hands the bytes to the JSON mapper. On its own the mapper takes content
 * after the value ({@code {"body":"x"} trailing}), the last of a key given twice, overlong UTF-8 ({@code \xc0\xaf}
 * read as "/"), and coerces {@code 123} or {@code true} into a text and {@code "1"}, {@code true} or {@code 1e0} into
 * a number: each a request only half understood. Here the bytes must be well-formed UTF-8 holding one JSON value, no
 * object naming a key twice, and each member of a request record must have its own JSON type. A body sent without
 * a Content-Type, or as JSON in a charset other than UTF-8, is a 415. Refusals are problems naming what was wrong,
 * thrown before anything is bound, so nothing is written.
 *
 * <p>Generic in T as Micronaut's JSON handler is: a reader of Object would not be chosen for a record.
 *
 * <p>A reader rather than a filter: the route's body binding asks for it with the buffered bytes, where a
 * filter would have to read the body itself ahead of Micronaut's own filter chain.
 */
@Singleton
@Order(StrictJsonReader.ORDER)
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_JSON})
final class StrictJsonReader<T> implements MessageBodyReader<T> {

    /** Ahead of Micronaut's JSON handler (-10), which stays the writer and reads what this one has checked. */
    static final int ORDER = -100;

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, TEXT_LIST, ANY }

    private final JsonMapper mapper;
    /** The JSON type each member of a request record must have, by its JSON name; computed once per record. */
    private final Map<Class<?>, Map<String, Kind>> members = new ConcurrentHashMap<>();

    StrictJsonReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        // null: a body with no Content-Type reaches the route's own reader, and is refused in read()
        return mediaType == null || mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) {
        // on a refusal the caller releases the buffer; on success, as Micronaut's own JSON reader does, we do
        T decoded = decode(type, mediaType, byteBuffer.toByteArray());
        if (byteBuffer instanceof ReferenceCounted counted) {
            counted.release();
        }
        return decoded;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) {
        try {
            return decode(type, mediaType, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("Error reading the request body", e);
        }
    }

    private T decode(Argument<T> type, MediaType mediaType, byte[] bytes) {
        checkMediaType(mediaType);
        String text = strictUtf8(bytes);
        Class<?> target = type.getType();
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("The body is empty: send one JSON object.");
            }
            if (target.isRecord()) {
                if (first != JsonToken.START_OBJECT) {
                    throw invalid("The body must be one JSON object.");
                }
                checkMembers(parser, membersOf(target));
            } else {
                parser.skipChildren();
            }
            checkNothingAfter(parser);
        } catch (JsonParseException e) {
            String reason = e.getOriginalMessage();
            throw invalid(reason != null && reason.startsWith("Duplicate field ")
                    ? "The body names a member twice: " + reason.substring("Duplicate field ".length()) + "."
                    : "The body is not valid JSON.");
        } catch (IOException e) {
            throw invalid("The body is not valid JSON.");
        }
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            // the shape is wrong for the type (an unknown role, a nested object): a 400 as before
            throw new CodecException("Error decoding JSON for type [" + type.getName() + "]: " + e.getMessage(), e);
        }
    }

    private static void checkNothingAfter(JsonParser parser) throws IOException {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (JsonParseException e) {
            more = true;
        }
        if (more) {
            throw invalid("The body must hold one JSON value and nothing after it.");
        }
    }

    private static void checkMediaType(MediaType mediaType) {
        if (mediaType == null) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "The body has no Content-Type: send it as application/json.");
        }
        if (mediaType.getCharset().filter(charset -> !charset.equals(StandardCharsets.UTF_8)).isPresent()) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "A JSON body must be sent in UTF-8, not " + mediaType.getParameters()
                    .get("charset").orElse("another charset") + ".");
        }
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("The body is not well-formed UTF-8 (overlong, broken or surrogate byte sequences are refused).");
        }
    }

    private static void checkMembers(JsonParser parser, Map<String, Kind> kinds) throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Kind kind = kinds.getOrDefault(name, Kind.ANY);
            if (value != JsonToken.VALUE_NULL && !fits(parser, value, kind)) {
                throw ProblemException.invalidField(name, switch (kind) {
                    case TEXT -> "must be a JSON string";
                    case INTEGER -> "must be a whole number written as one (such as 1 or -1), not text, true or 1e0";
                    case DECIMAL -> "must be a number written without an exponent (such as 1 or -1), not text, true or 1e0";
                    case BOOLEAN -> "must be true or false";
                    case TEXT_LIST -> "must be a list of JSON strings";
                    case ANY -> "is not valid";
                });
            }
            parser.skipChildren();
        }
    }

    private static boolean fits(JsonParser parser, JsonToken value, Kind kind) throws IOException {
        return switch (kind) {
            case TEXT -> value == JsonToken.VALUE_STRING;
            case INTEGER -> value == JsonToken.VALUE_NUMBER_INT;
            case DECIMAL -> value == JsonToken.VALUE_NUMBER_INT
                    || value == JsonToken.VALUE_NUMBER_FLOAT && parser.getText().indexOf('e') < 0 && parser.getText().indexOf('E') < 0;
            case BOOLEAN -> value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
            case TEXT_LIST -> {
                if (value != JsonToken.START_ARRAY) {
                    yield false;
                }
                for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
                    if (element != JsonToken.VALUE_STRING) {
                        parser.skipChildren();
                        yield false;
                    }
                }
                yield true;
            }
            case ANY -> true;
        };
    }

    private Map<String, Kind> membersOf(Class<?> record) {
        return members.computeIfAbsent(record, type -> {
            Optional<? extends BeanIntrospection<?>> introspection = BeanIntrospector.SHARED.findIntrospection(type);
            if (introspection.isEmpty()) {
                return Map.of();
            }
            Map<String, Kind> kinds = new HashMap<>();
            for (BeanProperty<?, ?> property : introspection.get().getBeanProperties()) {
                String name = property.stringValue(JsonProperty.class).filter(value -> !value.isEmpty()).orElse(property.getName());
                kinds.put(name, kindOf(property.asArgument()));
            }
            return Map.copyOf(kinds);
        });
    }

    private static Kind kindOf(Argument<?> argument) {
        Class<?> type = argument.getType();
        if (type == String.class || type.isEnum() || type == Instant.class) {
            return Kind.TEXT;
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
                || type == Short.class || type == BigInteger.class) {
            return Kind.INTEGER;
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Kind.DECIMAL;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (List.class.isAssignableFrom(type) && argument.getFirstTypeVariable().map(Argument::getType).orElse(null) == String.class) {
            return Kind.TEXT_LIST;
        }
        return Kind.ANY;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-json", "Invalid JSON", detail);
    }
}
