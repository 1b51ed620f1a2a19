package org.buddy4j.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The emulator never uses buddy-core (not even in tests: core's end-to-end tests depend on the emulator
 * instead): no main source of the emulator refers to it, so the two can disagree.
 */
class EmulatorIndependenceTest {

  @Test
  void mainCodeNeverUsesBuddyCore() throws IOException {
    Path main = Path.of("src/main/java");
    assertTrue(Files.isDirectory(main), "run from the buddy-emulator module directory");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
        try {
          return Files.readString(p).contains("org.buddy4j.core");
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).collect(Collectors.toList());
      assertEquals(List.of(), offenders);
    }
  }
}
