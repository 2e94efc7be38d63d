package io.flowgate.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.Keyword;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.1 document, and whether a request or an answer is one it allows: the operation is documented, its
 * parameters and security are there, the status is one of its responses, every required header is present, the
 * media type is declared, and a JSON body is valid against its schema (JSON Schema 2020-12 with the OpenAPI 3.1
 * dialect, formats asserted). Atlassian's swagger-request-validator (2.44/2.46) parses 3.1 but ignores its type
 * arrays, {@code const} and {@code additionalProperties: false}; its 3.1-capable successor needs Java 21. So this
 * is our own, over networknt's json-schema-validator.
 */
public final class OpenApiContract {

    /** flowgate's own API. */
    public static final Path FLOWGATE = Path.of("docs/openapi.yaml");

    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}/]+)}");
    private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "info", "jsonSchemaDialect", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private final JsonNode document;
    private final String base;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(Path file) {
        try {
            this.document = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = file.toAbsolutePath().toUri().toString();
        // the document is loaded whole as the schemas' resource: its top-level OpenAPI fields are not schema keywords
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .keywords(java.util.stream.Stream.concat(DOCUMENT_FIELDS.stream(), extensions(document).stream())
                        .map(NonValidationKeyword::new).map(Keyword.class::cast).toList())
                .build();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        this.config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    /** The document's own {@code x-} fields at its top. */
    private static List<String> extensions(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("x-")) {
                names.add(name);
            }
        });
        return names;
    }

    public static OpenApiContract load(Path file) {
        return new OpenApiContract(file);
    }

    public JsonNode document() {
        return document;
    }

    /** A documented operation: its id, method, path template and where it is in the document. */
    public record Operation(String id, String method, String template, Pattern path, List<String> parameterNames,
            JsonNode node, String pointer) {

        Optional<Map<String, String>> match(String method, String actualPath) {
            if (!this.method.equalsIgnoreCase(method)) {
                return Optional.empty();
            }
            Matcher m = path.matcher(actualPath);
            if (!m.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < parameterNames.size(); i++) {
                values.put(parameterNames.get(i), java.net.URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            return Optional.of(values);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    List<String> names = new ArrayList<>();
                    Matcher m = TEMPLATE_PARAMETER.matcher(path.getKey());
                    StringBuilder regex = new StringBuilder();
                    int last = 0;
                    while (m.find()) {
                        regex.append(Pattern.quote(path.getKey().substring(last, m.start()))).append("([^/]+)");
                        names.add(m.group(1));
                        last = m.end();
                    }
                    regex.append(Pattern.quote(path.getKey().substring(last)));
                    operations.add(new Operation(operation.path("operationId").asText(), method, path.getKey(),
                            Pattern.compile(regex.toString()), names, operation,
                            "/paths/" + escape(path.getKey()) + "/" + method));
                }
            }
        }
        return operations;
    }

    /** The operation that {@code method} on {@code path} (without its query) is, if documented. */
    public Optional<Operation> operation(String method, String path) {
        return operations().stream().filter(op -> op.match(method, path).isPresent()).findFirst();
    }

    /** What is wrong with this request by the document; empty when it conforms. */
    public List<String> requestViolations(HttpExchange.Request request) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operation(request.method(), request.path());
        if (found.isEmpty()) {
            violations.add("no documented operation for " + request.method() + " " + request.path());
            return violations;
        }
        Operation op = found.get();
        Map<String, String> pathValues = op.match(request.method(), request.path()).orElseThrow();
        for (Located parameter : parameters(op)) {
            String name = parameter.node().path("name").asText();
            String in = parameter.node().path("in").asText();
            String value = switch (in) {
                case "path" -> pathValues.get(name);
                case "query" -> request.query().getOrDefault(name, List.of()).stream().findFirst().orElse(null);
                case "header" -> request.header(name);
                default -> null;
            };
            if (value == null) {
                if (parameter.node().path("required").asBoolean(false)) {
                    violations.add(op.id() + ": the required " + in + " parameter '" + name + "' is missing");
                }
                continue;
            }
            validate(op.id() + ": " + in + " parameter '" + name + "'", parameter.pointer() + "/schema",
                    TextNode.valueOf(value), violations);
        }
        if (!securitySatisfied(op, request)) {
            violations.add(op.id() + ": none of the documented security schemes is in the request");
        }
        JsonNode requestBody = op.node().get("requestBody");
        boolean hasBody = request.body() != null && request.body().length > 0;
        if (requestBody == null) {
            if (hasBody) {
                violations.add(op.id() + ": takes no body");
            }
            return violations;
        }
        Located body = resolve(requestBody, op.pointer() + "/requestBody");
        if (!hasBody) {
            if (body.node().path("required").asBoolean(false)) {
                violations.add(op.id() + ": the body is required");
            }
            return violations;
        }
        checkContent(op.id() + " request", body, request.contentType(), request.body(), violations);
        return violations;
    }

    /** What is wrong with this answer to the request by the document; empty when it conforms. */
    public List<String> responseViolations(HttpExchange.Request request, HttpExchange.Response response) {
        List<String> violations = new ArrayList<>();
        Optional<Operation> found = operation(request.method(), request.path());
        if (found.isEmpty()) {
            violations.add("no documented operation for " + request.method() + " " + request.path());
            return violations;
        }
        Operation op = found.get();
        String status = Integer.toString(response.status());
        JsonNode responses = op.node().path("responses");
        String key = responses.has(status) ? status : responses.has("default") ? "default" : null;
        if (key == null) {
            violations.add(op.id() + ": status " + status + " is not documented");
            return violations;
        }
        Located answer = resolve(responses.get(key), op.pointer() + "/responses/" + escape(key));
        String what = op.id() + " " + status;
        for (Iterator<Map.Entry<String, JsonNode>> headers = answer.node().path("headers").fields(); headers.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = headers.next();
            Located header = resolve(entry.getValue(), answer.pointer() + "/headers/" + escape(entry.getKey()));
            String value = response.header(entry.getKey());
            if (value == null) {
                if (header.node().path("required").asBoolean(false)) {
                    violations.add(what + ": the required header " + entry.getKey() + " is missing");
                }
            } else if (header.node().has("schema")) {
                validate(what + " header " + entry.getKey(), header.pointer() + "/schema", TextNode.valueOf(value),
                        violations);
            }
        }
        boolean hasBody = response.body() != null && response.body().length > 0;
        if (!answer.node().has("content")) {
            if (hasBody) {
                violations.add(what + ": documented without a body, but has " + response.body().length + " bytes");
            }
            return violations;
        }
        checkContent(what, answer, response.contentType(), response.body(), violations);
        return violations;
    }

    /** Every {@code example} and {@code examples} value of the document's media types, checked against its schema. */
    public List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        collectExamples(document, "", violations);
        return violations;
    }

    private void collectExamples(JsonNode node, String pointer, List<String> violations) {
        if (node.isObject()) {
            if (node.has("schema") && pointer.contains("/content/")) {
                if (node.has("example")) {
                    validate("example at " + pointer, pointer + "/schema", node.get("example"), violations);
                }
                for (Iterator<Map.Entry<String, JsonNode>> examples = node.path("examples").fields(); examples.hasNext(); ) {
                    Map.Entry<String, JsonNode> example = examples.next();
                    validate("example '" + example.getKey() + "' at " + pointer, pointer + "/schema",
                            example.getValue().path("value"), violations);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectExamples(field.getValue(), pointer + "/" + escape(field.getKey()), violations);
            }
        }
    }

    private void checkContent(String what, Located holder, String contentType, byte[] body, List<String> violations) {
        if (contentType == null || contentType.isBlank()) {
            violations.add(what + ": a body without a Content-Type");
            return;
        }
        String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String declared = null;
        for (Iterator<String> names = holder.node().path("content").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (matches(name, mediaType) && (declared == null || !name.contains("*"))) {
                declared = name;
            }
        }
        if (declared == null) {
            violations.add(what + ": media type " + mediaType + " is not documented (documented: "
                    + iterable(holder.node().path("content").fieldNames()) + ")");
            return;
        }
        if (!(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return;
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (IOException e) {
            violations.add(what + ": the body is not JSON");
            return;
        }
        String schemaPointer = holder.pointer() + "/content/" + escape(declared) + "/schema";
        if (holder.node().path("content").path(declared).has("schema")) {
            validate(what + " body", schemaPointer, parsed, violations);
        }
    }

    private boolean securitySatisfied(Operation op, HttpExchange.Request request) {
        JsonNode requirements = op.node().has("security") ? op.node().get("security") : document.path("security");
        if (requirements.isMissingNode() || requirements.isEmpty()) {
            return true;
        }
        for (JsonNode alternative : requirements) {
            boolean all = true;
            for (Iterator<String> names = alternative.fieldNames(); names.hasNext(); ) {
                JsonNode scheme = document.path("components").path("securitySchemes").path(names.next());
                String header = switch (scheme.path("type").asText()) {
                    case "http" -> "Authorization";
                    case "apiKey" -> "header".equals(scheme.path("in").asText()) ? scheme.path("name").asText() : null;
                    default -> null;
                };
                String value = header == null ? null : request.header(header);
                boolean present = value != null && (!"bearer".equalsIgnoreCase(scheme.path("scheme").asText())
                        || value.regionMatches(true, 0, "Bearer ", 0, 7));
                all &= present;
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private List<Located> parameters(Operation op) {
        List<Located> parameters = new ArrayList<>();
        String pathPointer = op.pointer().substring(0, op.pointer().lastIndexOf('/'));
        JsonNode pathItem = at(pathPointer);
        int i = 0;
        for (JsonNode parameter : pathItem.path("parameters")) {
            parameters.add(resolve(parameter, pathPointer + "/parameters/" + i++));
        }
        i = 0;
        for (JsonNode parameter : op.node().path("parameters")) {
            parameters.add(resolve(parameter, op.pointer() + "/parameters/" + i++));
        }
        return parameters;
    }

    private void validate(String what, String schemaPointer, JsonNode value, List<String> violations) {
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> factory.getSchema(SchemaLocation.of(base + "#" + pointer), config));
        for (ValidationMessage message : schema.validate(value)) {
            violations.add(what + ": " + message.getMessage());
        }
    }

    /** A node of the document where it is, after following a {@code $ref} to another part of it. */
    private record Located(JsonNode node, String pointer) {
    }

    private Located resolve(JsonNode node, String pointer) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            pointer = ref.substring(1);
            node = at(pointer);
        }
        return new Located(node, pointer);
    }

    private JsonNode at(String pointer) {
        JsonNode node = document.at(pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("the document has nothing at " + pointer);
        }
        return node;
    }

    private static boolean matches(String declared, String actual) {
        if (declared.equals(actual) || declared.equals("*/*")) {
            return true;
        }
        return declared.endsWith("/*") && actual.startsWith(declared.substring(0, declared.length() - 1));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
