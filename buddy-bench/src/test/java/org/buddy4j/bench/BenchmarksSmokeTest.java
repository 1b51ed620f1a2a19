package org.buddy4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Part of {@code ./mvnw verify} so the benchmarks never rot: every benchmark (every parameter value)
 * runs for one 100 ms iteration, in this JVM, and any exception fails the build. Not a measurement.
 */
class BenchmarksSmokeTest {
  private static final Path SMOKE_RESULTS = Path.of("target", "jmh-smoke.json");

  @Test
  void everyBenchmarkRunsOneShortIteration() throws Exception {
    Options options = new OptionsBuilder()
        .include("org\\.buddy4j\\.bench\\..*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL)
        .resultFormat(ResultFormatType.JSON)
        .result(SMOKE_RESULTS.toString())
        .build();

    Collection<RunResult> results = new Runner(options).run();

    Set<String> expected = BenchmarkList.defaultList()
        .getAll(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), java.util.List.of())
        .stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
    Set<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).collect(Collectors.toCollection(TreeSet::new));
    assertFalse(expected.isEmpty(), "no benchmarks in META-INF/BenchmarkList: was the JMH annotation processor run?");
    assertEquals(expected, ran);
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      assertTrue(score > 0 && Double.isFinite(score), r.getParams().id() + " scored " + score);
    }

    // The README's tables are rendered from such a file: check the renderer on this one.
    String table = ResultsTable.render(new ObjectMapper().readTree(SMOKE_RESULTS.toFile()));
    assertTrue(table.contains("**RunResponseDecode**") && table.contains("| sdk |")
        && table.contains("**IntegrationCreateEncode (authStyle=apiKey)**") && table.contains("| rawHttpClient |"), table);
  }
}
