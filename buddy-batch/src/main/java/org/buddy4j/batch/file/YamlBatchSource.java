package org.buddy4j.batch.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Streams a YAML batch file, event by event (SnakeYAML through Jackson), so only the current run is
 * in memory. Two shapes are accepted:
 *
 * <pre>
 * defaults: {workspace: buddy, project: company-website}   # optional, before runs
 * runs:
 *   - {pipeline: 2, branch: master}
 * </pre>
 *
 * or a plain top-level list of runs.
 */
final class YamlBatchSource implements BatchSource {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /**
   * SnakeYAML refuses a document over 3 MB of code points by default ({@code codePointLimit}), a guard
   * for parsers that build the whole tree. This source streams events and keeps one run at a time, so
   * the limit is lifted; memory stays bounded by the size of one run.
   */
  private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(unlimited()).build();

  private static LoaderOptions unlimited() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  private final JsonParser parser;
  private RawItem defaults;
  private boolean inRuns;
  private boolean done;

  YamlBatchSource(Reader reader) {
    try {
      this.parser = FACTORY.createParser(reader);
      start();
    } catch (IOException e) {
      throw syntax(e);
    }
  }

  /** Reads up to the first run: the top-level shape and the defaults. */
  private void start() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == null) {
      done = true;
      return;
    }
    if (t == JsonToken.START_ARRAY) {
      inRuns = true;
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      throw new BatchSyntaxError(line(), "expected a list of runs, or a mapping with 'runs:' (and optional 'defaults:')");
    }
    while (true) {
      t = parser.nextToken();
      if (t == JsonToken.END_OBJECT) {
        throw new BatchSyntaxError(line(), "no 'runs:' list in the file; add 'runs:' with one entry per run");
      }
      String name = parser.currentName();
      int nameLine = line();
      parser.nextToken();
      switch (name) {
        case "defaults" -> {
          if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new BatchSyntaxError(nameLine, "'defaults:' must be a mapping of fields, e.g. {workspace: buddy, project: web}");
          }
          defaults = readItem(nameLine);
        }
        case "runs" -> {
          if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new BatchSyntaxError(nameLine, "'runs:' must be a list, one entry (starting with '-') per run");
          }
          inRuns = true;
          return;
        }
        default -> throw new BatchSyntaxError(nameLine, "unknown top-level key '" + name + "'; expected 'defaults' or 'runs'");
      }
    }
  }

  @Override
  public RawItem defaults() {
    return defaults;
  }

  @Override
  public RawItem next() {
    if (done || !inRuns) {
      return null;
    }
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY || t == null) {
        done = true;
        // Anything after the runs list (e.g. 'defaults:' placed last) is a mistake, not silently ignored.
        JsonToken after = parser.nextToken();
        if (after == JsonToken.FIELD_NAME) {
          throw new BatchSyntaxError(line(), "'" + parser.currentName() + ":' after 'runs:'; put 'defaults:' before 'runs:'");
        }
        return null;
      }
      int start = line();
      if (t != JsonToken.START_OBJECT) {
        RawItem bad = new RawItem(start);
        readValue(bad); // skip it
        bad.problem(start, "expected a run (a mapping such as {pipeline: 2, branch: master}), got " + describe(t));
        return bad;
      }
      return readItem(start);
    } catch (IOException e) {
      throw syntax(e);
    }
  }

  private RawItem readItem(int start) throws IOException {
    RawItem item = new RawItem(start);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      int fieldLine = line();
      parser.nextToken();
      item.put(name, readValue(item), fieldLine);
    }
    return item;
  }

  /**
   * The current value as a tree whose scalars are the text as written. A key given twice in a mapping
   * (e.g. {@code variables: {VERSION: "1", VERSION: "2"}}) is a problem of {@code item}, with its line,
   * never a silent "last one wins" (as CSV and JSON lines refuse it too).
   */
  private JsonNode readValue(RawItem item) throws IOException {
    JsonToken t = parser.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode obj = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          int keyLine = line();
          parser.nextToken();
          JsonNode value = readValue(item);
          if (obj.has(name)) {
            item.problem(keyLine, "key '" + name + "' is given twice in the same mapping; give each key once");
          } else {
            obj.set(name, value);
          }
        }
        return obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          arr.add(readValue(item));
        }
        return arr;
      }
      case VALUE_NULL -> {
        return NullNode.getInstance();
      }
      default -> {
        return TextNode.valueOf(parser.getText());
      }
    }
  }

  private int line() {
    return parser.currentTokenLocation().getLineNr();
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "an empty entry";
      default -> "a plain value";
    };
  }

  private BatchSyntaxError syntax(IOException e) {
    if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      return new BatchSyntaxError(jpe.getLocation().getLineNr(), "malformed YAML: " + BatchSyntaxError.describe(jpe));
    }
    throw new UncheckedIOException(e);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // reading only
    }
  }
}
