package org.buddy4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.core.Redactor;

/**
 * Prints models as text columns, JSON or JSON lines. Every model goes through the redactor first
 * (secret fields masked), so no format can leak a secret.
 */
final class Printer {
  private final PrintStream out;
  private final OutputFormat format;
  private final Redactor redactor;

  Printer(PrintStream out, OutputFormat format, Redactor redactor) {
    this.out = out;
    this.format = format;
    this.redactor = redactor;
  }

  /** A list: text as a table of {@code columns} (JSON paths like {@code branch.name}). */
  void list(List<?> items, String... columns) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Object item : items) {
      nodes.add(tree(item));
    }
    switch (format) {
      case JSON -> {
        ArrayNode arr = BuddyJson.mapper().createArrayNode();
        nodes.forEach(arr::add);
        out.println(pretty(arr));
      }
      case JSONL -> nodes.forEach(n -> out.println(n.toString()));
      case TEXT -> table(nodes, columns);
    }
    out.flush();
  }

  /** One object: text as {@code field: value} lines for {@code fields}. */
  void one(Object item, String... fields) {
    print(tree(item), fields);
  }

  /**
   * One object, with the value of its top-level {@code secret} field as it is rather than masked: only for a
   * value Buddy shows once and never again (a created access token's), which the user must see to keep.
   */
  void oneRevealing(Object item, String secret, String... fields) {
    JsonNode node = tree(item);
    JsonNode raw = BuddyJson.mapper().valueToTree(item).get(secret);
    if (node instanceof ObjectNode obj && raw != null && !raw.isNull()) {
      obj.set(secret, raw);
    }
    print(node, fields);
  }

  private void print(JsonNode node, String... fields) {
    switch (format) {
      case JSON -> out.println(pretty(node));
      case JSONL -> out.println(node.toString());
      case TEXT -> {
        int w = 0;
        for (String f : fields) {
          w = Math.max(w, f.length());
        }
        for (String f : fields) {
          String v = value(node, f);
          if (!v.isEmpty()) {
            out.printf("%-" + (w + 1) + "s %s%n", f + ":", v);
          }
        }
      }
    }
    out.flush();
  }

  boolean text() {
    return format == OutputFormat.TEXT;
  }

  private void table(List<JsonNode> nodes, String[] columns) {
    if (nodes.isEmpty()) {
      out.println("(none)");
      return;
    }
    int[] widths = new int[columns.length];
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      widths[i] = columns[i].length();
    }
    for (JsonNode n : nodes) {
      String[] row = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        row[i] = value(n, columns[i]);
        widths[i] = Math.min(60, Math.max(widths[i], row[i].length()));
      }
      rows.add(row);
    }
    printRow(columns, widths, true);
    for (String[] row : rows) {
      printRow(row, widths, false);
    }
  }

  private void printRow(String[] cells, int[] widths, boolean header) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = header ? cells[i].toUpperCase(java.util.Locale.ROOT) : cells[i];
      if (c.length() > widths[i]) {
        c = c.substring(0, widths[i] - 1) + "…";
      }
      line.append(i == cells.length - 1 ? c : String.format("%-" + widths[i] + "s  ", c));
    }
    out.println(line.toString().stripTrailing());
  }

  /** The value at a dotted path, as text; arrays joined with commas. */
  static String value(JsonNode node, String path) {
    JsonNode cur = node;
    for (String part : path.split("\\.")) {
      cur = cur == null ? null : cur.get(part);
    }
    if (cur == null || cur.isNull() || cur.isMissingNode()) {
      return "";
    }
    if (cur.isArray()) {
      List<String> parts = new ArrayList<>();
      cur.forEach(e -> parts.add(e.isValueNode() ? e.asText() : e.toString()));
      return String.join(",", parts);
    }
    return cur.isValueNode() ? cur.asText() : cur.toString();
  }

  private JsonNode tree(Object item) {
    try {
      String json = BuddyJson.mapper().writeValueAsString(item);
      return BuddyJson.mapper().readTree(redactor.redactJson(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print " + item.getClass().getSimpleName(), e);
    }
  }

  private static String pretty(JsonNode node) {
    try {
      return BuddyJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
