package org.buddy4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The docs' examples in {@code shared/reference/examples/} and the request bodies of the seed pages in
 * {@code shared/seeds/} (beside the checkout, where CI puts it) are all in {@code api-spec/examples/}
 * unchanged, so the example tests cover every one of them. Skipped when {@code shared/} is absent.
 */
class SharedExamplesAreCopiedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern CURL_BODY = Pattern.compile("Example: ([^\\n]+?)\\ncurl.*?-d '(\\{.*?\\})'", Pattern.DOTALL);
  private static final Map<String, String> INTEGRATION_EXAMPLES = Map.ofEntries(
      Map.entry("GitHub Integration", "github"), Map.entry("GitHub with Username", "github-username"),
      Map.entry("GitLab Integration", "gitlab"), Map.entry("AWS with Access Keys", "aws-access-keys"),
      Map.entry("AWS with Role Assumptions", "aws-role-assumptions"), Map.entry("AWS OIDC", "aws-oidc"),
      Map.entry("Microsoft Azure", "azure"), Map.entry("Docker Hub", "docker-hub"),
      Map.entry("DigitalOcean", "digital-ocean"), Map.entry("Google Service Account", "google-service-account"),
      Map.entry("New Relic", "new-relic"));
  private static final List<String> RUN_EXAMPLES = List.of(
      "variables-actions", "branch.legacy", "tag.legacy", "pull-request");

  private static Path shared() {
    return ApiSpec.moduleDir().getParent().getParent().resolve("shared");
  }

  @TestFactory
  Stream<DynamicTest> everySeedRequestBodyIsCopiedUnchanged() throws IOException {
    Path seeds = shared().resolve("seeds");
    assumeTrue(Files.isDirectory(seeds), "no shared/seeds beside the checkout");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> list = Files.list(seeds)) {
      for (Path seed : list.sorted().toList()) {
        String text = Files.readString(seed);
        Matcher m = CURL_BODY.matcher(text);
        int run = 0;
        while (m.find()) {
          String title = m.group(1).trim();
          String body = m.group(2);
          String copy;
          if (text.contains("/integrations\"")) {
            copy = "integrations-create.request." + INTEGRATION_EXAMPLES.get(title) + ".json";
          } else {
            copy = "executions-run.request." + RUN_EXAMPLES.get(run++) + ".json";
          }
          tests.add(DynamicTest.dynamicTest(seed.getFileName() + ": " + title, () -> assertEquals(
              JSON.readTree(body), JSON.readTree(ApiSpec.examplesDir().resolve(copy).toFile()), copy + " differs from the seed")));
        }
      }
    }
    assertTrue(tests.size() >= 15, "found only " + tests.size() + " seed examples (11 integrations and 4 runs expected)");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everySharedExampleIsCopiedUnchanged() throws IOException {
    Path shared = shared().resolve("reference/examples");
    assumeTrue(Files.isDirectory(shared), "no shared/reference/examples beside the checkout");
    List<Path> files;
    try (Stream<Path> list = Files.list(shared)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() > 40, "found only " + files.size() + " shared examples");
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      Path copy = ApiSpec.examplesDir().resolve(file.getFileName());
      assertTrue(Files.exists(copy), "api-spec/examples lacks " + file.getFileName());
      assertEquals(JSON.readTree(file.toFile()), JSON.readTree(copy.toFile()), file.getFileName() + " differs");
    }));
  }
}
