package io.flowgate.web.invoke;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.amazon.lambda.runtime.FunctionError;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Teaches the JSON mapping that the Lambda runtime reads events and writes answers with (Quarkus takes it from the
 * application's {@link ObjectMapper}): an event that is not API Gateway's becomes a request for this function's
 * route ({@link DirectInvocation}); the answer to such a request is the plain JSON of its body, or, for a problem,
 * a {@link FunctionRefused}, which the Lambda runtime reports as the invocation's function error; and Quarkus'
 * report of that error names the problem's code as its type (the native executable's runtime loop; the JVM
 * variant's runtime client names the exception's class).
 */
@Singleton
public class DirectInvocationJson implements ObjectMapperCustomizer {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("flowgate-direct-invocation");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return description.getBeanClass() == APIGatewayV2HTTPEvent.class ? new EventReader(deserializer)
                        : deserializer;
            }
        });
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            @SuppressWarnings("unchecked")
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                    JsonSerializer<?> serializer) {
                if (description.getBeanClass() == APIGatewayV2HTTPResponse.class) {
                    return new AnswerWriter((JsonSerializer<Object>) serializer);
                }
                return description.getBeanClass() == FunctionError.class ? new ErrorWriter() : serializer;
            }
        });
        mapper.registerModule(module);
    }

    /** The problem's code in a problem-details body; {@code fallback} when there is none. */
    static String codeOf(String problemJson, String fallback) {
        try {
            String code = PLAIN.readTree(problemJson).path("code").asText("");
            return code.isEmpty() ? fallback : code;
        } catch (IOException | RuntimeException notJson) {
            return fallback;
        }
    }

    /** Reads an API Gateway event as it is, and any other event as a direct invocation of this function. */
    static final class EventReader extends DelegatingDeserializer {

        EventReader(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new EventReader(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode event = context.readTree(parser);
            if (DirectInvocation.isApiGatewayEvent(event)) {
                DirectInvocation.serving(false);
                try (JsonParser again = event.traverse(parser.getCodec())) {
                    again.nextToken();
                    return _delegatee.deserialize(again, context);
                }
            }
            Optional<String> function = ConfigProvider.getConfig().getOptionalValue("flowgate.function", String.class);
            APIGatewayV2HTTPEvent request = DirectInvocation.asRequest(event, function);
            DirectInvocation.serving(true);
            return request;
        }
    }

    /** Writes a direct invocation's answer as the plain JSON of its body; a problem becomes a function error. */
    static final class AnswerWriter extends StdSerializer<Object> implements ResolvableSerializer {

        private final JsonSerializer<Object> delegate;

        AnswerWriter(JsonSerializer<Object> delegate) {
            super(Object.class);
            this.delegate = delegate;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (delegate instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public void serialize(Object value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (!DirectInvocation.servingDirect()) {
                delegate.serialize(value, generator, provider);
                return;
            }
            DirectInvocation.serving(false);
            APIGatewayV2HTTPResponse answer = (APIGatewayV2HTTPResponse) value;
            String body = answer.getBody() == null ? "" : answer.getIsBase64Encoded()
                    ? new String(Base64.getDecoder().decode(answer.getBody()), StandardCharsets.UTF_8)
                    : answer.getBody();
            if (answer.getStatusCode() >= 300) {
                throw new FunctionRefused(codeOf(body, "http_" + answer.getStatusCode()), body);
            }
            if (body.isBlank()) {
                generator.writeNull();
            } else {
                generator.writeRawValue(body);
            }
        }
    }

    /** Quarkus' report of a function error: a refusal's type is its problem's code. */
    static final class ErrorWriter extends StdSerializer<FunctionError> {

        ErrorWriter() {
            super(FunctionError.class);
        }

        @Override
        public void serialize(FunctionError error, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            String type = FunctionRefused.class.getName().equals(error.getErrorType())
                    ? codeOf(error.getErrorMessage(), error.getErrorType())
                    : error.getErrorType();
            generator.writeStartObject();
            generator.writeStringField("errorType", type);
            generator.writeStringField("errorMessage", error.getErrorMessage());
            generator.writeEndObject();
        }
    }
}
