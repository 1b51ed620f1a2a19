package org.buddy4j.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pins what the SDK sends: the pacts the consumer tests just generated (target/pacts) must equal the
 * committed copy (pacts/), so any change to a request or an expectation shows up as a diff in review.
 * The comparison ignores the pact-jvm version and the order of interactions and of object keys.
 *
 * <p>To accept a change: {@code ./mvnw -B -pl buddy-contract-tests verify -Dpact.update=true} writes the
 * generated pacts, normalised, over the committed ones; review and commit {@code pacts/}.
 */
class PactPinCheck {
  private static final ObjectMapper CANONICAL = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void generatedPactsEqualTheCommittedOnes() throws IOException {
    List<Path> generated = PactFiles.in(Contract.GENERATED_PACTS);
    assertFalse(generated.isEmpty(), "no generated pacts in " + Contract.GENERATED_PACTS
        + ": run the consumer tests first (./mvnw -B -pl buddy-contract-tests verify)");
    boolean update = Boolean.getBoolean("pact.update");
    Set<String> names = new TreeSet<>();
    generated.forEach(p -> names.add(p.getFileName().toString()));
    PactFiles.in(Contract.COMMITTED_PACTS).forEach(p -> names.add(p.getFileName().toString()));

    List<String> problems = new ArrayList<>();
    for (String name : names) {
      Path fresh = Contract.GENERATED_PACTS.resolve(name);
      Path committed = Contract.COMMITTED_PACTS.resolve(name);
      String want = Files.exists(fresh) ? canonical(PactFiles.read(fresh)) : null;
      String have = Files.exists(committed) ? Files.readString(committed) : null;
      if (update) {
        Files.createDirectories(Contract.COMMITTED_PACTS);
        if (want == null) {
          Files.delete(committed);
          System.out.println("[pin] deleted " + committed + " (no test generates it any more)");
        } else if (!want.equals(have)) {
          Files.writeString(committed, want);
          System.out.println("[pin] updated " + committed + ": review and commit it");
        }
        continue;
      }
      if (want == null) {
        problems.add(committed + " is committed but no consumer test generates it any more");
      } else if (have == null) {
        problems.add(committed + " is missing: the consumer tests generate " + fresh);
      } else {
        String haveCanonical = canonical(PactFiles.JSON.readTree(have));
        if (!want.equals(haveCanonical)) {
          problems.add(committed + " differs from what the consumer tests generate (" + fresh + "):\n"
              + diff(haveCanonical, want));
        } else {
          System.out.println("[pin] " + committed + " matches the generated pact");
        }
      }
    }
    if (!problems.isEmpty()) {
      fail("The pacts changed: what buddy4j sends or expects is no longer what was reviewed.\n"
          + String.join("\n", problems)
          + "\nIf the change is intended: ./mvnw -B -pl buddy-contract-tests verify -Dpact.update=true,"
          + " then review and commit buddy-contract-tests/pacts/.");
    }
  }

  /** Sorted keys, interactions sorted by description and states, no pact-jvm version; ends with a newline. */
  static String canonical(JsonNode pact) throws IOException {
    ObjectNode copy = pact.deepCopy();
    JsonNode metadata = copy.path("metadata");
    if (metadata instanceof ObjectNode m) {
      m.remove("pactJvm");
      m.remove("pact-jvm");
    }
    if (copy.get("interactions") instanceof ArrayNode interactions) {
      List<JsonNode> sorted = new ArrayList<>();
      interactions.forEach(sorted::add);
      sorted.sort(Comparator.comparing((JsonNode i) -> i.path("description").asText())
          .thenComparing(i -> i.path("providerStates").toString()));
      interactions.removeAll();
      sorted.forEach(interactions::add);
    }
    Object plain = CANONICAL.treeToValue(copy, Object.class);
    return CANONICAL.writeValueAsString(plain) + "\n";
  }

  /** A compact line diff: the changed region with a little context (enough to see the field in review). */
  static String diff(String before, String after) {
    String[] a = before.split("\n");
    String[] b = after.split("\n");
    int start = 0;
    while (start < a.length && start < b.length && a[start].equals(b[start])) {
      start++;
    }
    int endA = a.length - 1;
    int endB = b.length - 1;
    while (endA >= start && endB >= start && a[endA].equals(b[endB])) {
      endA--;
      endB--;
    }
    StringBuilder sb = new StringBuilder();
    int from = Math.max(0, start - 3);
    sb.append("  @@ line ").append(start + 1).append('\n');
    for (int i = from; i < start; i++) {
      sb.append("    ").append(a[i]).append('\n');
    }
    for (int i = start; i <= endA && i < start + 40; i++) {
      sb.append("  - ").append(a[i]).append('\n');
    }
    for (int i = start; i <= endB && i < start + 40; i++) {
      sb.append("  + ").append(b[i]).append('\n');
    }
    return sb.toString();
  }
}
