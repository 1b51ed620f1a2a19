package org.buddy4j.batch.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run as read from the file, before its fields are checked: each field's value and line, and any
 * problem the reader already found (a field given twice, a malformed line). Scalars are kept as the
 * text the user wrote, so {@code tag: 1.10} stays "1.10".
 */
public final class RawItem {
  /** One field's value and the line it is on. */
  public record Field(JsonNode value, int line) {}

  private final int line;
  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<Integer> problemLines = new ArrayList<>();

  public RawItem(int line) {
    this.line = line;
  }

  /** The line the run starts on. */
  public int line() {
    return line;
  }

  /** Adds a field; a second value for the same name is a problem. */
  public void put(String name, JsonNode value, int fieldLine) {
    if (fields.containsKey(name)) {
      problem(fieldLine, "field '" + name + "' is given twice in this run (first on line " + fields.get(name).line() + ")");
      return;
    }
    fields.put(name, new Field(value, fieldLine));
  }

  public Map<String, Field> fields() {
    return fields;
  }

  public void problem(int problemLine, String message) {
    problemLines.add(problemLine > 0 ? problemLine : line);
    problems.add(message);
  }

  public List<String> problems() {
    return problems;
  }

  public List<Integer> problemLines() {
    return problemLines;
  }
}
