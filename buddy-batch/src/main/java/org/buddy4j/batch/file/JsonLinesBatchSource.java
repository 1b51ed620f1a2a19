package org.buddy4j.batch.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.util.Iterator;
import java.util.Map;

/**
 * Streams a JSON Lines batch file: one JSON object per line, one run per object. Blank lines and lines
 * starting with {@code #} are skipped. A line that is not a JSON object is reported with its number
 * and reading goes on, so one pass finds every bad line.
 */
final class JsonLinesBatchSource extends LineBatchSource {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  JsonLinesBatchSource(BufferedReader reader) {
    super(reader);
  }

  @Override
  public RawItem defaults() {
    return null;
  }

  @Override
  public RawItem next() {
    String text = nextContentLine(line -> line.stripLeading().startsWith("#"));
    if (text == null) {
      return null;
    }
    int lineNo = lineNo();
    RawItem item = new RawItem(lineNo);
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      item.problem(lineNo, "malformed JSON line: " + BatchSyntaxError.describe(e)
          + " (each line must be one JSON object, e.g. {\"pipeline\": 2, \"branch\": \"master\"})");
      return item;
    }
    if (node == null || !node.isObject()) {
      item.problem(lineNo, "expected a JSON object such as {\"pipeline\": 2, \"branch\": \"master\"}, got "
          + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
      return item;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      item.put(e.getKey(), e.getValue(), lineNo);
    }
    return item;
  }
}
