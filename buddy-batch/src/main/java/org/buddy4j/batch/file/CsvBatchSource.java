package org.buddy4j.batch.file;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a CSV batch file (RFC 4180: comma separated, double quotes, quoted fields may span lines).
 * The first line names the columns: the run fields ({@code pipeline,branch,comment,…}) plus one
 * column per variable, {@code variables.NAME} or {@code secret_variables.NAME}. An empty cell means
 * "not set"; {@code actions} lists IDs separated by {@code ;}. Lines starting with {@code #} are comments.
 */
final class CsvBatchSource extends LineBatchSource {
  private final List<String> header;
  private final int headerLine;

  CsvBatchSource(BufferedReader reader) {
    super(reader);
    Record first = readRecord();
    if (first == null) {
      header = List.of();
      headerLine = 1;
      return;
    }
    headerLine = first.line;
    header = new ArrayList<>();
    for (String h : first.cells) {
      header.add(h.trim());
    }
  }

  /** The header: column names in order (checked by the item parser, with the header's line). */
  List<String> header() {
    return header;
  }

  @Override
  public RawItem defaults() {
    return null;
  }

  @Override
  public RawItem next() {
    Record r = readRecord();
    if (r == null) {
      return null;
    }
    RawItem item = new RawItem(r.line);
    if (r.cells.size() != header.size()) {
      item.problem(r.line, "expected " + header.size() + " cells as in the header on line " + headerLine
          + " (" + String.join(",", header) + "), got " + r.cells.size());
      return item;
    }
    java.util.Map<String, ObjectNode> maps = new java.util.LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      String cell = r.cells.get(i);
      if (cell.isEmpty() || !BatchFields.isColumn(column)) {
        // unknown columns are reported once, for the header line (see headerProblems)
        continue;
      }
      String map = BatchFields.mapOf(column);
      if (map != null) {
        maps.computeIfAbsent(map, k -> JsonNodeFactory.instance.objectNode()).put(column.substring(map.length() + 1), cell);
      } else if (BatchFields.isList(column)) {
        var arr = JsonNodeFactory.instance.arrayNode();
        for (String id : cell.split("[;\\s]+")) {
          if (!id.isEmpty()) {
            arr.add(TextNode.valueOf(id));
          }
        }
        item.put(column, arr, r.line);
      } else {
        item.put(column, TextNode.valueOf(cell), r.line);
      }
    }
    maps.forEach((name, values) -> item.put(name, values, r.line));
    return item;
  }

  int headerLine() {
    return headerLine;
  }

  /** Unknown or repeated column names, reported once for the header line. */
  RawItem headerProblems() {
    RawItem problems = new RawItem(headerLine);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String column : header) {
      if (!seen.add(column)) {
        problems.problem(headerLine, "column '" + column + "' appears twice in the header");
      } else if (!BatchFields.isColumn(column)) {
        problems.problem(headerLine, BatchFields.unknownField(column, true));
      }
    }
    return problems;
  }

  private record Record(int line, List<String> cells) {}

  /** The next record, skipping blank and {@code #} lines; a quoted cell may span lines. */
  private Record readRecord() {
    String text = nextContentLine(line -> line.startsWith("#"));
    if (text == null) {
      return null;
    }
    int start = lineNo();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (quoted) {
          String more = nextLine();
          if (more == null) {
            throw new BatchSyntaxError(start, "malformed CSV: a quoted cell opened on this line is never closed");
          }
          cell.append('\n');
          text = more;
          i = 0;
          continue;
        }
        cells.add(cell.toString().trim());
        return new Record(start, cells);
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < text.length() && text.charAt(i) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
  }
}
