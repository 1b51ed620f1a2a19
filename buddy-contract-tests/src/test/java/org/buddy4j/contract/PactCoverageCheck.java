package org.buddy4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every operation of {@code api-spec/openapi.yaml} has at least one interaction in every pact file
 * (committed and generated), found by method and path, and no interaction is outside the spec. Prints the interactions per operationId.
 */
class PactCoverageCheck {

  /** An operation: method, path template as a regex, operationId. */
  record Operation(String method, String template, Pattern regex, String operationId) {}

  static List<Operation> operations() {
    OpenAPI api = new OpenAPIV3Parser().read(PactFiles.specFile().toUri().toString());
    List<Operation> out = new ArrayList<>();
    api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) -> {
      // A repository path ({path}, decision 7) spans segments; every other variable is one segment.
      String regex = "^" + Pattern.quote(template).replace("{path}", "\\E.+\\Q")
          .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
      out.add(new Operation(method.name(), template, Pattern.compile(regex), op.getOperationId()));
    }));
    return out;
  }

  @Test
  void everyOperationHasAnInteraction() {
    List<Operation> operations = operations();
    assertFalse(operations.isEmpty(), "the spec has no operations");
    List<Path> pacts = PactFiles.all();
    assertFalse(pacts.isEmpty(), "no pact files");
    List<String> problems = new ArrayList<>();
    for (Path pact : pacts) {
      Map<String, List<String>> byOperation = new TreeMap<>();
      operations.forEach(o -> byOperation.put(o.operationId(), new ArrayList<>()));
      for (JsonNode interaction : PactFiles.read(pact).path("interactions")) {
        String method = interaction.path("request").path("method").asText().toUpperCase();
        String path = interaction.path("request").path("path").asText();
        String description = interaction.path("description").asText();
        Operation match = operations.stream()
            .filter(o -> o.method().equals(method) && o.regex().matcher(path).matches())
            .findFirst().orElse(null);
        if (match == null) {
          problems.add(pact + ": \"" + description + "\" (" + method + " " + path + ") is no operation of the spec");
        } else {
          byOperation.get(match.operationId()).add(description + status(interaction));
        }
      }
      StringBuilder report = new StringBuilder("[coverage] " + pact + ":\n");
      Map<String, Operation> ops = new LinkedHashMap<>();
      operations.forEach(o -> ops.put(o.operationId(), o));
      byOperation.forEach((operationId, interactions) -> {
        Operation o = ops.get(operationId);
        report.append(String.format("  %-24s %-6s %s%n", operationId, o.method(), o.template()));
        if (interactions.isEmpty()) {
          report.append("      MISSING: no interaction\n");
          problems.add(pact + ": operation " + operationId + " (" + o.method() + " " + o.template() + ") has no interaction");
        }
        interactions.forEach(i -> report.append("      - ").append(i).append('\n'));
      });
      System.out.print(report);
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  private static String status(JsonNode interaction) {
    return " → " + interaction.path("response").path("status").asInt();
  }
}
