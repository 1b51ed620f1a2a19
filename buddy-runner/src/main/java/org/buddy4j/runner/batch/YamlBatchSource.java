package org.buddy4j.runner.batch;

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

  private final JsonParser parser;
  private RawItem defaults;
  private boolean inRuns;
  private boolean done;

  YamlBatchSource(Reader reader) {
    try {
      this.parser = new YAMLFactory().createParser(reader);
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
        readValue(); // skip it
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
      item.put(name, readValue(), fieldLine);
    }
    return item;
  }

  /** The current value as a tree whose scalars are the text as written. */
  private JsonNode readValue() throws IOException {
    JsonToken t = parser.currentToken();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode obj = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          obj.set(name, readValue());
        }
        return obj;
      }
      case START_ARRAY -> {
        ArrayNode arr = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          arr.add(readValue());
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
      return new BatchSyntaxError(jpe.getLocation().getLineNr(), "malformed YAML: " + jpe.getOriginalMessage().lines().findFirst().orElse(""));
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
