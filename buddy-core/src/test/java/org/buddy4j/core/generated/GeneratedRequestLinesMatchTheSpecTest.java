package org.buddy4j.core.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import feign.RequestLine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every generated Feign method calls a method and path the spec has (variables written {@code {}}), and every
 * operation of the spec has a generated method. The generator rewrites paths (camelCase variables), and once
 * dropped the dots of {@code comparison/{base}...{head}}; this catches any such rewrite.
 */
class GeneratedRequestLinesMatchTheSpecTest {
  private static final Pattern PATH_ITEM = Pattern.compile("(?m)^  (/\\S*):$");
  private static final Pattern METHOD = Pattern.compile("(?m)^    (get|put|post|patch|delete):$");
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]+}");

  @Test
  void everyGeneratedRequestLineIsASpecOperationAndBack() throws Exception {
    Set<String> spec = specOperations();
    Set<String> generated = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    for (Class<?> api : generatedApis()) {
      for (Method method : api.getDeclaredMethods()) {
        RequestLine line = method.getAnnotation(RequestLine.class);
        if (line == null) {
          continue;
        }
        String[] parts = line.value().split(" ", 2);
        String path = parts[1].contains("?") ? parts[1].substring(0, parts[1].indexOf('?')) : parts[1];
        String operation = parts[0] + " " + VARIABLE.matcher(path).replaceAll("{}");
        generated.add(operation);
        if (!spec.contains(operation)) {
          unknown.add(api.getSimpleName() + "." + method.getName() + ": " + line.value());
        }
      }
    }
    assertEquals(List.of(), unknown, "generated request lines that are no operation of the spec");
    assertEquals(spec, generated, "spec operations without a generated method (or the reverse)");
  }

  /** {@code METHOD /path/{}} for every operation of openapi.yaml, read from its text (not the generator's parse). */
  private static Set<String> specOperations() throws IOException {
    String text;
    try (InputStream in = GeneratedRequestLinesMatchTheSpecTest.class.getClassLoader().getResourceAsStream("buddy4j/openapi.yaml")) {
      assertNotNull(in, "openapi.yaml on the test classpath");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String paths = text.substring(text.indexOf("\npaths:\n"), text.indexOf("\ncomponents:\n"));
    Set<String> out = new TreeSet<>();
    Matcher item = PATH_ITEM.matcher(paths);
    List<int[]> starts = new ArrayList<>();
    List<String> templates = new ArrayList<>();
    while (item.find()) {
      starts.add(new int[] {item.start()});
      templates.add(item.group(1));
    }
    for (int i = 0; i < templates.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : paths.length();
      Matcher method = METHOD.matcher(paths.substring(starts.get(i)[0], end));
      while (method.find()) {
        out.add(method.group(1).toUpperCase() + " " + VARIABLE.matcher(templates.get(i)).replaceAll("{}"));
      }
    }
    assertTrue(out.size() > 100, () -> "read only " + out.size() + " operations from openapi.yaml");
    return out;
  }

  private static List<Class<?>> generatedApis() throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(GeneratedRequestLinesMatchTheSpecTest.class.getClassLoader()
        .getResource("org/buddy4j/core/generated/api").toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith("Api.class")) {
          out.add(Class.forName("org.buddy4j.core.generated.api." + name.substring(0, name.length() - ".class".length())));
        }
      }
    }
    assertTrue(out.size() >= 10, () -> "found only " + out.size() + " generated APIs");
    return out;
  }
}
