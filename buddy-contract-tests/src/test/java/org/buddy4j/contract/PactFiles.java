package org.buddy4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the pact files: the generated ones (target/pacts) and the committed ones (pacts/). */
final class PactFiles {
  static final ObjectMapper JSON = new ObjectMapper();

  private PactFiles() {}

  /** The {@code *.json} files in {@code dir}, sorted; none when the folder does not exist. */
  static List<Path> in(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Committed pacts, then generated ones (when the consumer tests ran in this build). */
  static List<Path> all() {
    List<Path> out = new ArrayList<>(in(Contract.COMMITTED_PACTS));
    out.addAll(in(Contract.GENERATED_PACTS));
    return out;
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pact " + file, e);
    }
  }

  /** The spec, as packaged by module api-spec. */
  static String spec() {
    try (InputStream in = PactFiles.class.getClassLoader().getResourceAsStream("buddy4j/openapi.yaml")) {
      if (in == null) {
        throw new IllegalStateException("buddy4j/openapi.yaml is not on the test classpath (module api-spec)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec copied to target/ (it is read from the api-spec jar; some parsers want a file). */
  static synchronized Path specFile() {
    Path file = Path.of("target", "buddy4j-openapi.yaml");
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, spec());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toAbsolutePath();
  }
}
