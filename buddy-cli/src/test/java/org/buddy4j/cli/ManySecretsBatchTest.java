package org.buddy4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.buddy4j.emulator.EmulatorOptions;
import org.buddy4j.cli.TestEmulator.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A batch of 5,000 runs, each with its own secret variable value, at the most verbose logging the CLI
 * has ({@code -vvv}: every request and response body): not one value is printed — not on stdout or
 * stderr, not in the HTTP log, the report, the journal or an error message. Half of the starts are
 * refused with an error that quotes the request body back (the emulator's {@code echoBody} fault), so
 * thousands of distinct values come back as free text — past the 1,024 values the Redactor once kept.
 */
class ManySecretsBatchTest {
  private static final int RUNS = 5_000;
  private static final int REFUSED = 2_500;
  // Every value starts and ends with a marker, so any piece of a value that survived shows up in a search.
  private static final String HEAD = "FAKE-SECRET-";
  private static final String TAIL = "-FAKE-TAIL";

  @TempDir
  Path dir;

  private static String secret(int i) {
    return HEAD + String.format("%05d", i) + "-" + Integer.toHexString(0x5eed * (i + 1)) + TAIL;
  }

  @Test
  void noneOfFiveThousandSecretValuesIsPrintedAnywhere() throws Exception {
    Path file = dir.resolve("many.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < RUNS; i++) {
        w.write("{\"key\":\"r" + i + "\",\"pipeline\":2,\"branch\":\"master\",\"variables\":{\"PLAIN\":\"visible-" + i
            + "\"},\"secret_variables\":{\"DB_PASSWORD\":\"" + secret(i) + "\"}}\n");
      }
    }
    Path journal = dir.resolve("many.journal.jsonl");
    Path report = dir.resolve("many.report.json");
    Path httpLog = dir.resolve("stderr-log.txt");

    Result r;
    Logger http = (Logger) LoggerFactory.getLogger("org.buddy4j.core.http");
    Level before = http.getLevel();
    PrintStream systemErr = System.err;
    // Clock 1000x: a 7 s run takes 7 ms. The limit is high so pacing does not slow the test down.
    try (TestEmulator buddy = TestEmulator.start(EmulatorOptions.defaults().clockSpeed(1000).rateLimit(1_000_000, 60)
            .requestLogCapacity(100));
         PrintStream logSink = new PrintStream(new FileOutputStream(httpLog.toFile()), false, StandardCharsets.UTF_8)) {
      buddy.faults("[{\"method\":\"POST\",\"operationId\":\"runExecution\",\"status\":422,\"echoBody\":true,\"times\":"
          + REFUSED + "}]");
      // The CLI's log (logback, to System.err) is caught in a file; its own stdout and stderr in the Result.
      System.setErr(logSink);
      try {
        r = TestEmulator.cli(buddy.env(), "-vvv", "batch", file.toString(), "--journal", journal.toString(),
            "--report", report.toString(), "--concurrency", "200", "--poll-interval", "100ms", "--settle", "50ms",
            "--progress", "plain");
      } finally {
        System.setErr(systemErr);
        http.setLevel(before);
      }
    }

    Map<String, String> printed = new LinkedHashMap<>();
    printed.put("stdout", r.out());
    printed.put("stderr", r.err());
    printed.put("HTTP log", Files.readString(httpLog));
    printed.put("report", Files.readString(report));
    printed.put("journal", Files.readString(journal));
    for (Map.Entry<String, String> e : printed.entrySet()) {
      assertFalse(e.getValue().contains(HEAD), "a secret value in the " + e.getKey() + ": " + around(e.getValue(), HEAD));
      assertFalse(e.getValue().contains(TAIL), "a piece of a secret value in the " + e.getKey() + ": "
          + around(e.getValue(), TAIL));
    }

    // The batch did what this test needs: every run sent, half refused with the body quoted (and masked).
    assertEquals(1, r.code(), r.toString().substring(0, Math.min(4000, r.toString().length())));
    JsonNode rep = TestEmulator.JSON.readTree(report.toFile());
    assertEquals(RUNS, rep.path("runs").size());
    assertEquals(RUNS - REFUSED, rep.path("totals").path("succeeded").asInt(), rep.path("totals").toString());
    assertEquals(REFUSED, rep.path("totals").path("failed").asInt(), rep.path("totals").toString());
    int quoted = 0;
    for (JsonNode run : rep.path("runs")) {
      String message = run.path("message").asText("");
      if (message.contains("Injected fault: HTTP 422") && message.contains("\"value\":\"***\"")
          && message.contains("visible-")) {
        quoted++;
      }
    }
    assertEquals(REFUSED, quoted, "each refused run's message quotes its request, secret masked");
    String log = printed.get("HTTP log");
    assertTrue(log.contains("---> POST") && log.contains("\"PLAIN\"") && log.contains("Injected fault: HTTP 422"),
        "-vvv logs request and response bodies");
    assertTrue(printed.get("journal").contains("\"t\":\"failed\""), "refusals are journalled with their message");
  }

  /** A little context around the first hit, with the hit itself cut short so the failure message leaks little. */
  private static String around(String text, String needle) {
    int at = text.indexOf(needle);
    return at < 0 ? "" : text.substring(Math.max(0, at - 80), at) + needle + "…";
  }
}
