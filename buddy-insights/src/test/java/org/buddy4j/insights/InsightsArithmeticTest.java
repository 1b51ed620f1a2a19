package org.buddy4j.insights;

import static org.buddy4j.insights.Runs.T0;
import static org.buddy4j.insights.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.insights.unified.Job;
import org.junit.jupiter.api.Test;

/** The metric arithmetic on hand-built runs; every expected number is worked out in a comment. */
class InsightsArithmeticTest {
  static final TimeWindow TWO_DAYS = new TimeWindow(T0, T0.plus(Duration.ofDays(2)));
  static final InsightsScope SCOPE = InsightsScope.project("ws", "proj");

  // pipeline 1: P(100s) F(200s) C(50s) F(400s) P(300s) P(600s, next day); pipeline 2: F(60s) then running
  static final List<Job> RUNS = List.of(
      run(1, 1, "SUCCESSFUL", "main", 0, 100, 10),
      run(1, 2, "FAILED", "main", 10, 200, 20),      // fails at 10 min + 200 s = 800 s
      run(1, 3, "TERMINATED", "main", 20, 50, 0),
      run(1, 4, "FAILED", "dev", 30, 400, 30),        // still red: no new incident
      run(1, 5, "SUCCESSFUL", "main", 60, 300, 40),   // green at 60 min + 300 s = 3900 s
      run(1, 6, "SUCCESSFUL", "main", 1500, 600, 0),  // 25 h after T0: the second day
      run(2, 1, "FAILED", "dev", 5, 60, 5),           // never recovers
      run(2, 2, "INPROGRESS", "dev", 2000, null, 0),
      run(1, 7, "SUCCESSFUL", "main", 3000, 100, 0)); // 50 h: after the window

  @Test
  void countsRatesAndDurations() {
    Insights in = Insights.of(SCOPE, TWO_DAYS, RUNS, T0.plus(Duration.ofDays(3)));
    assertEquals(new Outcomes(8, 0, 1, 3, 3, 1, 0), in.outcomes());
    assertEquals(0.5, in.failureRate(), 1e-12);               // 3 ÷ (3 + 3)
    // passed + failed: 100, 200, 400, 300, 600, 60 → sum 1660 / 6 = 276.666… s
    assertEquals(Duration.ofMillis(276_667), in.duration().mean());
    // sorted 60,100,200,300,400,600: rank ceil(5.4) = 6 → 600 s
    assertEquals(Duration.ofSeconds(600), in.duration().p90());
    assertEquals(Duration.ofMillis(333_333), in.deployTime().mean()); // (100 + 300 + 600) / 3 = 333.333… s
    // queue: 10, 20, 0, 30, 40, 0, 5, 0 (the running one has started its action) → 105 / 8 = 13.125 s
    assertEquals(8, in.queueTime().count());
    assertEquals(Duration.ofMillis(13_125), in.queueTime().mean());
    assertEquals(Duration.ofSeconds(40), in.queueTime().p90()); // sorted 0,0,0,5,10,20,30,40: rank 8 → 40
  }

  @Test
  void recoveryIsPerPipelineFromTheFirstFailureToTheNextPass() {
    Insights in = Insights.of(SCOPE, TWO_DAYS, RUNS, T0.plus(Duration.ofDays(3)));
    // p1: #2 fails at 800 s, #3 cancelled (ignored), #4 fails again (same incident), #5 passes at 3900 s
    //     → 3100 s. p2: #1 fails at 5 min + 60 s = 360 s, never passes (p1's passes do not count).
    assertEquals(2, in.recoveries().size());
    assertEquals(Duration.ofSeconds(3100), in.recoveries().get(1).timeToRecover());
    assertEquals(2, in.recoveries().get(1).failedRun());
    assertEquals(5, in.recoveries().get(1).recoveredRun());
    assertNull(in.recoveries().get(0).recoveredRun());
    assertEquals(Duration.ofSeconds(3100), in.meanTimeToRecovery()); // the only recovered incident
  }

  @Test
  void perBranchAndPerDay() {
    Insights in = Insights.of(SCOPE, TWO_DAYS, RUNS, T0.plus(Duration.ofDays(3)));
    assertEquals(List.of("main", "dev"), List.copyOf(in.perBranch().keySet()));
    assertEquals(new Outcomes(5, 0, 0, 3, 1, 1, 0), in.perBranch().get("main")); // p1 #1 #2 #3 #5 #6
    assertEquals(new Outcomes(3, 0, 1, 0, 2, 0, 0), in.perBranch().get("dev"));  // p1 #4, p2 #1 #2
    assertEquals(List.of(LocalDate.parse("2026-05-04"), LocalDate.parse("2026-05-05")),
        in.perDay().stream().map(DayOutcomes::day).collect(Collectors.toList()));
    assertEquals(6, in.perDay().get(0).outcomes().total()); // p1 #1–#5 and p2 #1
    assertEquals(2, in.perDay().get(1).outcomes().total()); // p1 #6 (25 h) and p2 #2 (33 h 20 min)
  }

  @Test
  void doraFourKeys() {
    FourKeys k = Insights.of(SCOPE, TWO_DAYS, RUNS, T0.plus(Duration.ofDays(3))).fourKeys();
    // deployments = finished passed or failed runs in the window: p1 #1 #2 #4 #5 #6, p2 #1 (p1 #3 was
    // cancelled, p2 #2 is running, p1 #7 is after the window) → 6, of which 3 passed (p1 #1 #5 #6)
    assertEquals(6, k.deployments());
    assertEquals(3, k.successfulDeployments());
    assertEquals(1.5, k.deploymentsPerDay(), 1e-12);   // 3 in 2 days
    assertEquals(10.5, k.deploymentsPerWeek(), 1e-12); // 1.5 × 7
    // lead time = finish − commit date (committed id × 10 min before the start):
    // p1 #1: 600 + 100 = 700 s; #5: 3000 + 300 = 3300 s; #6: 3600 + 600 = 4200 s → median 3300 s
    assertEquals(3, k.leadTimeSamples());
    assertEquals(Duration.ofSeconds(3300), k.leadTimeForChanges());
    assertEquals(0.5, k.changeFailureRate(), 1e-12);   // 3 failed of 6
    // per pipeline and branch: p1@main #2 fails at 800 s, #5 passes at 3900 s → 3100 s; p1@dev #4 and
    // p2@dev #1 never see a pass on their branch → open (today's MTTR counts p1 #4 in p1's incident)
    assertEquals(1, k.restoredIncidents());
    assertEquals(2, k.openIncidents());
    assertEquals(Duration.ofSeconds(3100), k.timeToRestore());
  }

  @Test
  void fourKeysMedianInterpolatesAnEvenCountAndNothingIsNull() {
    // as Four Keys' PERCENTILE_CONT(0.5): the mean of the two middle values
    assertEquals(Duration.ofSeconds(25), FourKeys.median(List.of(Duration.ofSeconds(40), Duration.ofSeconds(10),
        Duration.ofSeconds(20), Duration.ofSeconds(30))));
    FourKeys none = Insights.of(SCOPE, TWO_DAYS, List.of(), T0).fourKeys();
    assertEquals(0, none.deployments());
    assertEquals(0.0, none.deploymentsPerDay(), 0);
    assertNull(none.leadTimeForChanges());
    assertNull(none.changeFailureRate());
    assertNull(none.timeToRestore());
  }

  @Test
  void nothingToMeasure() {
    Insights in = Insights.of(SCOPE, TWO_DAYS, List.of(), T0);
    assertNull(in.failureRate());
    assertNull(in.duration().mean());
    assertNull(in.meanTimeToRecovery());
    assertEquals(2, in.perDay().size()); // every day of a short window, even empty ones
  }

  @Test
  void percentileIsNearestRank() {
    List<Duration> ten = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(Duration::ofSeconds)
        .collect(Collectors.toList());
    assertEquals(Duration.ofSeconds(9), DurationStats.of(ten).p90());             // ceil(9.0) = 9th
    assertEquals(Duration.ofMillis(5500), DurationStats.of(ten).mean());          // 55 / 10
    assertEquals(Duration.ofSeconds(7), DurationStats.of(List.of(Duration.ofSeconds(7))).p90());
  }
}
