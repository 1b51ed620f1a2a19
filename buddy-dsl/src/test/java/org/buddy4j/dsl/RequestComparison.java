package org.buddy4j.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Compares what a dry run printed with what the emulator received: the state-changing requests
 * (POST/PATCH/PUT/DELETE: method, path, JSON body) in order. Polling GETs depend on timing and are left
 * out. A dry-run placeholder ({@code {execution_id}} in a path, {@code <revision …>} in a body) matches
 * any value.
 */
final class RequestComparison {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Req(String method, String path, JsonNode body) {
    @Override
    public String toString() {
      return method + " " + path + " " + body;
    }
  }

  private RequestComparison() {}

  /** Parses dry-run lines: {@code METHOD path [json][  # note]}. */
  static List<Req> fromDryRun(List<String> lines) {
    List<Req> out = new ArrayList<>();
    for (String line : lines) {
      String main = line.contains("  # ") ? line.substring(0, line.indexOf("  # ")) : line;
      String[] parts = main.split(" ", 3);
      try {
        out.add(new Req(parts[0], parts[1], parts.length > 2 ? JSON.readTree(parts[2]) : null));
      } catch (Exception e) {
        throw new IllegalArgumentException("unparseable dry-run line: " + line, e);
      }
    }
    return out.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  static List<Req> fromEmulator(List<JsonNode> log) {
    List<Req> out = new ArrayList<>();
    for (JsonNode entry : log) {
      JsonNode body = entry.get("body");
      out.add(new Req(entry.path("method").asText(), entry.path("path").asText(),
          body == null || body.isNull() || (body.isTextual() && body.asText().isEmpty()) ? null : body));
    }
    return out.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  /** Null if they match, else a description of the first difference. */
  static String difference(List<Req> planned, List<Req> sent) {
    if (planned.size() != sent.size()) {
      return "dry run planned " + planned.size() + " state-changing requests, the emulator received " + sent.size()
          + "\n planned: " + planned + "\n sent:    " + sent;
    }
    for (int i = 0; i < planned.size(); i++) {
      Req p = planned.get(i);
      Req s = sent.get(i);
      if (!p.method().equals(s.method()) || !pathMatches(p.path(), s.path()) || !jsonMatches(p.body(), s.body())) {
        return "request " + (i + 1) + " differs\n planned: " + p + "\n sent:    " + s;
      }
    }
    return null;
  }

  static boolean pathMatches(String planned, String sent) {
    String[] a = planned.split("/");
    String[] b = sent.split("/");
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!(a[i].startsWith("{") && a[i].endsWith("}")) && !a[i].equals(b[i])) {
        return false;
      }
    }
    return true;
  }

  static boolean jsonMatches(JsonNode planned, JsonNode sent) {
    if (planned == null || sent == null) {
      return planned == sent;
    }
    if (planned.isTextual() && planned.asText().startsWith("<") && planned.asText().endsWith(">")) {
      return sent.isTextual();
    }
    if (planned.isObject()) {
      if (!sent.isObject() || planned.size() != sent.size()) {
        return false;
      }
      Iterator<String> names = planned.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!sent.has(n) || !jsonMatches(planned.get(n), sent.get(n))) {
          return false;
        }
      }
      return true;
    }
    if (planned.isArray()) {
      if (!sent.isArray() || planned.size() != sent.size()) {
        return false;
      }
      for (int i = 0; i < planned.size(); i++) {
        if (!jsonMatches(planned.get(i), sent.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (planned.isNumber() && sent.isNumber()) {
      return planned.decimalValue().compareTo(sent.decimalValue()) == 0;
    }
    return planned.equals(sent);
  }
}
