package org.buddy4j.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.buddy4j.core.BuddyJson;

/** The docs' examples (api-spec/examples), read from the api-spec test jar or, for listing, from ../api-spec. */
public final class ExampleFiles {
  private ExampleFiles() {}

  /** One example's text, from the classpath resource {@code buddy4j/examples/<file>}. */
  public static String text(String file) {
    try (InputStream in = ExampleFiles.class.getClassLoader().getResourceAsStream("buddy4j/examples/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no example buddy4j/examples/" + file + " on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One example as a Jackson tree. */
  public static JsonNode tree(String file) {
    return parse(text(file));
  }

  /** Parses JSON text into a tree (numbers as the text has them). */
  public static JsonNode parse(String json) {
    try {
      return BuddyJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of every example file, from the api-spec source folder next to buddy-core. */
  public static List<String> names() {
    Path dir = directory();
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
      if (names.isEmpty()) {
        throw new IllegalStateException("no examples in " + dir.toAbsolutePath());
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory() {
    for (Path candidate : List.of(Path.of("..", "api-spec", "examples"), Path.of("api-spec", "examples"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("api-spec/examples not found from " + Path.of("").toAbsolutePath());
  }

  /** A deep copy of {@code node} without object entries whose value is JSON null. */
  public static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    dropNulls(copy);
    return copy;
  }

  private static void dropNulls(JsonNode node) {
    if (node instanceof ObjectNode obj) {
      Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNull()) {
          it.remove();
        } else {
          dropNulls(e.getValue());
        }
      }
    } else if (node instanceof ArrayNode arr) {
      arr.forEach(ExampleFiles::dropNulls);
    }
  }
}
