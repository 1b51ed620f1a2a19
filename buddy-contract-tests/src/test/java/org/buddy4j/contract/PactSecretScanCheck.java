package org.buddy4j.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.buddy4j.emulator.BuddyEmulator;
import org.junit.jupiter.api.Test;

/**
 * The pact files (committed and generated) and the provider seed hold only sentinel secrets: nothing that
 * looks like a real token or key, every secret-named field and every bearer token is an obvious FAKE.
 */
class PactSecretScanCheck {
  /** Shapes of real credentials. */
  static final Map<String, Pattern> KNOWN_SECRETS = Map.of(
      "GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"),
      "GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
      "AWS access key ID", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"),
      "private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
      "Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
      "JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\."),
      "API key (sk-…)", Pattern.compile("\\bsk-(ant-)?[A-Za-z0-9_-]{20,}"));

  /** A run of key-like characters; a piece of it (split at - _ / .) is suspicious when long and mixed. */
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9+/=_.-]{24,}");
  private static final Pattern LONG_HEX = Pattern.compile("\\b[0-9a-fA-F]{32,}\\b");

  /**
   * Long random-looking strings that are known not to be secrets: public IDs that Buddy's docs show and
   * the seed uses. Anything added here must be an identifier, never a credential.
   */
  static final Set<String> ALLOW_LIST = Set.of(
      Contract.INTEGRATION,           // the docs' example integration hash_id
      Contract.ACTION_EXECUTION_ID);  // the docs' example action_execution_id

  /** Field names whose values are secrets (the spec's catalog secretFields plus OAuth's). */
  static final Set<String> SECRET_FIELDS = Set.of("token", "api_key", "access_key", "secret_key", "password",
      "partner_token", "client_token", "server_token", "application_key", "refresh_token", "config",
      "client_secret", "access_token", "registration_access_token", "code", "code_verifier");

  @Test
  void pactsHoldOnlySentinelSecrets() throws IOException {
    List<Path> files = new ArrayList<>(PactFiles.all());
    assertFalse(files.isEmpty(), "no pact files to scan");
    List<String> findings = new ArrayList<>();
    for (Path file : files) {
      scanText(file.toString(), Files.readString(file), findings);
      JsonNode pact = PactFiles.read(file);
      for (JsonNode interaction : pact.path("interactions")) {
        String where = file.getFileName() + " \"" + interaction.path("description").asText() + "\"";
        for (String part : List.of("request", "response")) {
          JsonNode auth = interaction.path(part).path("headers").path("Authorization");
          auth.forEach(v -> {
            if (!v.asText().matches("Bearer FAKE-pact-[A-Za-z0-9-]+")) {
              findings.add(where + ": Authorization is not a FAKE-pact sentinel: " + mask(v.asText()));
            }
          });
          secretFields(where + " " + part + " body", interaction.path(part).path("body").path("content"), findings);
          // A form body (the OAuth token request) carries client_secret=…
          JsonNode content = interaction.path(part).path("body").path("content");
          if (content.isTextual() && content.asText().contains("=")) {
            for (String pair : content.asText().split("&")) {
              String[] kv = pair.split("=", 2);
              if (kv.length == 2 && SECRET_FIELDS.contains(kv[0]) && !isSentinel(kv[1])) {
                findings.add(where + ": form field " + kv[0] + " is not a sentinel: " + mask(kv[1]));
              }
            }
          }
        }
      }
      System.out.println("[secrets] " + file + ": scanned");
    }
    if (!findings.isEmpty()) {
      fail("Pact files must hold only sentinel secrets (containing FAKE):\n  " + String.join("\n  ", findings));
    }
  }

  @Test
  void providerTokensAreSentinels() {
    for (String secret : List.of(Contract.TOKEN, Contract.UNKNOWN_TOKEN, Contract.OAUTH_CLIENT_SECRET)) {
      assertTrue(isSentinel(secret), secret + " is not an obvious sentinel");
    }
    // The emulator's own built-in token must not look like a real one either.
    List<String> findings = new ArrayList<>();
    scanText("BuddyEmulator.DEFAULT_TOKEN", BuddyEmulator.DEFAULT_TOKEN, findings);
    assertEquals(List.of(), findings);
    assertTrue(BuddyEmulator.DEFAULT_TOKEN.contains("emulator"), "the emulator's default token names itself");
  }

  @Test
  void theScannerCatchesRealLookingSecrets() {
    // A scanner that cannot fail is a defect: each of these must be reported.
    String fakeGitHub = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    String fakeAws = "AKIA" + "IOSFODNN7EXAMPLE";
    String fakeKey = "-----BEGIN RSA " + "PRIVATE KEY-----";
    String randomish = "x7Qp2LmZ9vT4rW8sK1yB6nC3dF5gH0jQ";
    String hex = "d643744fbe5ebf2906a4d075a5b97110d6";
    for (String s : List.of(fakeGitHub, fakeAws, fakeKey, randomish, hex, "glpat-" + "abcdefghij0123456789")) {
      List<String> findings = new ArrayList<>();
      scanText("sample", "{\"value\":\"" + s + "\"}", findings);
      assertFalse(findings.isEmpty(), "not caught: " + s.substring(0, 8) + "…");
    }
    List<String> findings = new ArrayList<>();
    secretFields("sample", PactFiles.JSON.createObjectNode().put("token", "s3cr3t-value"), findings);
    assertFalse(findings.isEmpty(), "a non-sentinel token field must be reported");
  }

  static void scanText(String where, String text, List<String> findings) {
    KNOWN_SECRETS.forEach((what, pattern) -> {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        findings.add(where + ": looks like a " + what + ": " + mask(m.group()));
      }
    });
    Matcher hex = LONG_HEX.matcher(text);
    while (hex.find()) {
      if (!ALLOW_LIST.contains(hex.group())) {
        findings.add(where + ": long hex string " + mask(hex.group()));
      }
    }
    Matcher run = RUN.matcher(text);
    while (run.find()) {
      for (String piece : run.group().split("[-_/.]")) {
        if (piece.length() >= 24 && piece.matches(".*[0-9].*") && piece.matches(".*[A-Za-z].*")
            && !ALLOW_LIST.contains(piece) && !isSentinel(piece)) {
          findings.add(where + ": random-looking string " + mask(piece));
        }
      }
    }
  }

  private static void secretFields(String where, JsonNode node, List<String> findings) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (SECRET_FIELDS.contains(e.getKey()) && e.getValue().isTextual() && !e.getValue().asText().isEmpty()
            && !isSentinel(e.getValue().asText())) {
          findings.add(where + ": field " + e.getKey() + " is not a sentinel: " + mask(e.getValue().asText()));
        }
        secretFields(where, e.getValue(), findings);
      });
    } else if (node.isArray()) {
      node.forEach(n -> secretFields(where, n, findings));
    }
  }

  static boolean isSentinel(String value) {
    return value.toUpperCase(Locale.ROOT).contains("FAKE");
  }

  /** Never print a found secret in full. */
  private static String mask(String s) {
    return s.length() <= 8 ? "***" : s.substring(0, 4) + "…(" + s.length() + " chars)";
  }
}
