package org.buddy4j.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every interaction of every pact (the committed copy and, when the consumer tests ran, the freshly
 * generated one) is valid against {@code api-spec/openapi.yaml}: path, method, query parameters,
 * security, request body; response status, headers and body. The validator is Atlassian's
 * swagger-request-validator; each V4 interaction is turned into its {@code SimpleRequest} and
 * {@code SimpleResponse} here, because its Pact module (2.44.1, built on Pact 4.6) cannot load pacts
 * with Pact 4.7.5 on the classpath.
 */
class PactSpecCheck {

  static OpenApiInteractionValidator validator() {
    // As api-spec's own tests do: with resolveFully on, swagger-parser 2.1.22 turns a property without a
    // type (IdRef.id, which takes 1 or "1") inside an additionalProperties schema into type object.
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(false);
    return OpenApiInteractionValidator.createForSpecificationUrl(PactFiles.specFile().toUri().toString())
        .withParseOptions(options)
        .build();
  }

  @Test
  void everyInteractionMatchesTheSpec() {
    List<Path> pacts = PactFiles.all();
    assertFalse(pacts.isEmpty(), "no pact files in " + Contract.COMMITTED_PACTS + " or " + Contract.GENERATED_PACTS);
    OpenApiInteractionValidator validator = validator();
    List<String> failures = new ArrayList<>();
    for (Path pact : pacts) {
      int checked = 0;
      for (JsonNode interaction : PactFiles.read(pact).path("interactions")) {
        ValidationReport report = validator.validate(request(interaction.path("request")), response(interaction.path("response")));
        checked++;
        if (report.hasErrors()) {
          StringBuilder sb = new StringBuilder(pact + " — \"" + interaction.path("description").asText() + "\":");
          report.getMessages().forEach(m -> sb.append("\n    ").append(m.getLevel()).append(' ').append(m.getKey())
              .append(": ").append(m.getMessage()).append(m.getContext().map(c -> " " + c.getLocation()).orElse("")));
          failures.add(sb.toString());
        }
      }
      System.out.printf("[spec] %s: %d interactions checked against api-spec/openapi.yaml%n", pact, checked);
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " pact interaction(s) that api-spec/openapi.yaml does not allow:\n  "
          + String.join("\n  ", failures));
    }
  }

  static SimpleRequest request(JsonNode r) {
    SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(r.path("method").asText().toUpperCase()),
        org.buddy4j.emulator.BuddyEmulator.asOneSegment(r.path("path").asText()));
    r.path("query").fields().forEachRemaining(q -> b.withQueryParam(q.getKey(), strings(q.getValue())));
    headers(r).forEach(b::withHeader);
    String body = body(r);
    if (body != null) {
      b.withBody(body);
      if (headers(r).keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
        b.withContentType(r.path("body").path("contentType").asText("application/json"));
      }
    }
    return b.build();
  }

  static SimpleResponse response(JsonNode r) {
    SimpleResponse.Builder b = new SimpleResponse.Builder(r.path("status").asInt());
    headers(r).forEach(b::withHeader);
    String body = body(r);
    if (body != null) {
      b.withBody(body);
      if (headers(r).keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
        b.withContentType(r.path("body").path("contentType").asText("application/json"));
      }
    }
    return b.build();
  }

  private static Map<String, List<String>> headers(JsonNode r) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    r.path("headers").fields().forEachRemaining(h -> out.put(h.getKey(), strings(h.getValue())));
    return out;
  }

  /** The body as sent on the wire: JSON content re-serialised, text (e.g. a form) as is. */
  private static String body(JsonNode r) {
    JsonNode body = r.path("body");
    if (body.isMissingNode() || body.isNull()) {
      return null;
    }
    JsonNode content = body.has("content") ? body.get("content") : body;
    if (content.isTextual()) {
      return content.asText();
    }
    return content.toString();
  }

  private static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asText()));
    } else {
      out.add(v.asText());
    }
    return out;
  }
}
