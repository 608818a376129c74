package org.pfptracker.gateway.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.pfptracker.http.problem.Problem;
import org.pfptracker.http.problem.ProblemException;

/**
 * Reads a command's body: at most {@code maxBytes}, JSON only, one object. An empty body is an empty object,
 * so commands without required fields (an approval) need no body at all.
 */
final class RequestBody {

    private static final ObjectMapper JSON = JsonMapper.builder()
            // Two values for one field: which one did the client mean? Refuse rather than guess.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int maxBytes;

    RequestBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /**
     * The body as a JSON object.
     *
     * @throws ProblemException 413 when too large, 415 when not JSON, 400 when malformed or not an object
     */
    ObjectNode read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
        byte[] bytes = readAtMost(ctx);
        if (isBlank(bytes)) {
            return JsonNodeFactory.instance.objectNode();
        }
        requireJson(ctx.contentType());
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ProblemException(Problem.of(GatewayProblems.MALFORMED_REQUEST, 400, "Malformed JSON",
                    "The body is not valid JSON" + (where == null ? "" : " at line " + where.getLineNr() + ", column "
                            + where.getColumnNr()) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ProblemException(Problem.of(GatewayProblems.MALFORMED_REQUEST, 400, "Malformed JSON",
                    "The body must be a JSON object, was " + tree.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return object;
    }

    private byte[] readAtMost(Context ctx) {
        // A body sent chunked declares no length: count what arrives, and stop one byte past the limit.
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(-1);
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(Problem.of(GatewayProblems.MALFORMED_REQUEST, 400, "Unreadable body",
                    "The request body could not be read: " + e.getMessage()));
        }
    }

    private void requireJson(String contentType) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean json = mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
        String charset = charsetOf(contentType);
        if (!json || (charset != null && !charset.equals("utf-8"))) {
            throw new ProblemException(Problem.of(GatewayProblems.UNSUPPORTED_MEDIA_TYPE, 415, "Unsupported media type",
                    "Commands are JSON: send Content-Type: application/json (UTF-8), not "
                            + (contentType == null ? "no Content-Type" : "'" + contentType + "'")));
        }
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                return pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private ProblemException tooLarge(long declared) {
        return new ProblemException(Problem.of(GatewayProblems.BODY_TOO_LARGE, 413, "Body too large",
                "A command body may be at most " + maxBytes + " bytes"
                        + (declared > 0 ? "; this one declared " + declared : "")));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
