package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.buddy4j.core.BuddyJson;
import org.buddy4j.insights.DeliveryInsights;
import org.buddy4j.insights.Insights;
import org.buddy4j.insights.InsightsJson;
import org.buddy4j.insights.InsightsScope;
import org.buddy4j.insights.InsightsText;
import org.buddy4j.insights.FourKeys;
import org.buddy4j.insights.Outcomes;
import org.buddy4j.insights.Recovery;
import org.buddy4j.insights.unified.Job;
import org.junit.jupiter.api.Test;

/**
 * Every metric of the seeded history (history-seed.yaml), checked against numbers worked out by hand.
 * Runs in the window 2026-03-02 … 03-05 (duration = finish − start, q = queue seconds):
 * <pre>
 * deploy-prod (1)  #2 P master 300s q30 | #3 F master 480s q60 | #4 C master 120s q0 | #5 P master 360s q20
 *                  #6 F develop 240s q10 | #7 F develop 540s q40 | #8 P master 600s q50
 *                  #9 P PR pull/7 180s q0 | #10 F tag v1.2 420s q30        (#1 before, #11 after the window)
 * tests (2)        #1 F develop 120s q5 | #2 P develop 180s q15 | #3 P feature/login 240s q25 | #4 C develop 60s q0
 * </pre>
 */
class DeliveryInsightsE2eTest extends HistoryTestBase {

  @Test
  void doraFourKeysMatchTheHandComputedFigures() {
    FourKeys k = DeliveryInsights.collect(buddy, InsightsScope.project(WS, PROJECT), WINDOW).fourKeys();
    // deployments: the 6 passed and 5 failed runs (the 2 cancelled ones deployed nothing)
    assertEquals(11, k.deployments());
    assertEquals(6, k.successfulDeployments());
    assertEquals(2.0, k.deploymentsPerDay(), 1e-12);  // 6 in the 3-day window
    assertEquals(14.0, k.deploymentsPerWeek(), 1e-12);
    // the emulator dates every revision's commit 1 h before its run started: lead time = 3600 s + duration;
    // passed durations sorted 180,180,240,300,360,600 → median (240 + 300) / 2 = 270 → 3870 s
    assertEquals(6, k.leadTimeSamples());
    assertEquals(Duration.ofSeconds(3870), k.leadTimeForChanges());
    assertEquals(5.0 / 11.0, k.changeFailureRate(), 1e-12);
    // per pipeline and branch: deploy-prod@master #3 → #5 = 7080 s; tests@develop #1 → #2 = 1860 s;
    // deploy-prod@develop (#6, #7) and @tag v1.2 (#10) are never restored (#8 is on master: today's MTTR
    // counts it, the four keys do not) → median (1860 + 7080) / 2 = 4470 s
    assertEquals(2, k.restoredIncidents());
    assertEquals(2, k.openIncidents());
    assertEquals(Duration.ofSeconds(4470), k.timeToRestore());
  }

  @Test
  void projectInsightsMatchTheHandComputedFigures() {
    Insights in = DeliveryInsights.collect(buddy, InsightsScope.project(WS, PROJECT), WINDOW);

    // 9 runs of deploy-prod + 4 of tests in the window; #1 and #11 of deploy-prod are outside it
    assertEquals(13, in.timeline().size());
    assertEquals(new Outcomes(13, 0, 0, 6, 5, 2, 0), in.outcomes());
    // failed ÷ (passed + failed) = 5 ÷ (6 + 5)
    assertEquals(5.0 / 11.0, in.failureRate(), 1e-12);
    // passed + failed durations: 300+480+360+240+540+600+180+420 + 120+180+240 = 3660 s over 11 runs
    assertEquals(11, in.duration().count());
    assertEquals(Duration.ofMillis(332_727), in.duration().mean()); // 3660 / 11 = 332.727… s
    // sorted 120,180,180,240,240,300,360,420,480,540,600: nearest rank ceil(0.9 × 11) = 10 → 540 s
    assertEquals(Duration.ofSeconds(540), in.duration().p90());
    // time to deploy, passed runs only: (300+360+600+180 + 180+240) / 6 = 1860 / 6 = 310 s
    assertEquals(6, in.deployTime().count());
    assertEquals(Duration.ofSeconds(310), in.deployTime().mean());
    // queue: 30+60+0+20+10+40+50+0+30 + 5+15+25+0 = 285 s over 13 runs = 21.923… s
    assertEquals(13, in.queueTime().count());
    assertEquals(Duration.ofMillis(21_923), in.queueTime().mean());
    // sorted 0,0,0,5,10,15,20,25,30,30,40,50,60: rank ceil(0.9 × 13) = 12 → 50 s
    assertEquals(Duration.ofSeconds(50), in.queueTime().p90());
    // incidents: deploy-prod #3 (11:08) → #5 (13:06) = 7080 s; #6 (03-03 10:04) → #8 (14:10) = 14760 s;
    // tests #1 (08:02) → #2 (08:33) = 1860 s; deploy-prod #10 open. MTTR = (7080+14760+1860)/3 = 7900 s
    assertEquals(Duration.ofSeconds(7900), in.meanTimeToRecovery());
    List<Recovery> r = in.recoveries();
    assertEquals(4, r.size());
    assertEquals(List.of(1860L, 7080L, 14760L), r.stream().filter(Recovery::recovered)
        .map(x -> x.timeToRecover().toSeconds()).collect(Collectors.toList()));
    Recovery open = r.get(3);
    assertFalse(open.recovered());
    assertEquals(10, open.failedRun());
    assertEquals(Instant.parse("2026-03-04T16:07:00Z"), open.failedAt());

    // per ref, most runs first, ties by name
    assertEquals(List.of("develop", "master", "PR pull/7", "feature/login", "tag v1.2"), List.copyOf(in.perBranch().keySet()));
    assertEquals(new Outcomes(5, 0, 0, 1, 3, 1, 0), in.perBranch().get("develop")); // 1(#6F #7F) 2(#1F #2P #4C)
    assertEquals(new Outcomes(5, 0, 0, 3, 1, 1, 0), in.perBranch().get("master"));  // #2P #3F #4C #5P #8P
    assertEquals(new Outcomes(1, 0, 0, 0, 1, 0, 0), in.perBranch().get("tag v1.2"));
    // per day: 03-02 = 1:#2P #3F #4C #5P + 2:#1F #2P; 03-03 = 1:#6F #7F #8P + 2:#3P #4C; 03-04 = 1:#9P #10F
    assertEquals(3, in.perDay().size());
    assertEquals(LocalDate.parse("2026-03-02"), in.perDay().get(0).day());
    assertEquals(new Outcomes(6, 0, 0, 3, 2, 1, 0), in.perDay().get(0).outcomes());
    assertEquals(new Outcomes(5, 0, 0, 2, 2, 1, 0), in.perDay().get(1).outcomes());
    assertEquals(new Outcomes(2, 0, 0, 1, 1, 0, 0), in.perDay().get(2).outcomes());
  }

  @Test
  void pipelineInsightsCountOnlyThatPipeline() {
    Insights in = DeliveryInsights.collect(buddy, InsightsScope.pipeline(WS, PROJECT, 1), WINDOW);

    assertEquals(new Outcomes(9, 0, 0, 4, 4, 1, 0), in.outcomes());
    assertEquals(0.5, in.failureRate(), 1e-12);                          // 4 ÷ (4 + 4)
    assertEquals(Duration.ofSeconds(390), in.duration().mean());          // 3120 / 8
    assertEquals(Duration.ofSeconds(600), in.duration().p90());           // rank ceil(7.2) = 8 of 180…600
    assertEquals(Duration.ofSeconds(360), in.deployTime().mean());        // (300+360+600+180) / 4
    assertEquals(Duration.ofMillis(26_667), in.queueTime().mean());       // 240 / 9 = 26.666… s
    assertEquals(Duration.ofSeconds(60), in.queueTime().p90());           // rank ceil(8.1) = 9 of 0,0,10,20,30,30,40,50,60
    assertEquals(Duration.ofSeconds(10_920), in.meanTimeToRecovery());    // (7080 + 14760) / 2
  }

  @Test
  void timelineIsChronologicalWithRevisionBranchStatusDurationAndWhoTriggered() {
    Insights in = DeliveryInsights.collect(buddy, InsightsScope.pipeline(WS, PROJECT, 1), WINDOW);
    List<Job> t = in.timeline();
    assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), t.stream().map(Job::id).collect(Collectors.toList()));
    Job failed = t.get(1);
    assertEquals("bbbbbbb222222222222222222222222222222222", failed.revision());
    assertEquals("master", failed.branch());
    assertEquals("FAILED", failed.buddyStatus());
    assertEquals(Duration.ofMinutes(8), failed.duration().orElseThrow());
    assertEquals(Duration.ofSeconds(60), failed.queueTime().orElseThrow());
    assertEquals("Ann Smith", failed.triggeredBy());
    assertEquals("PR pull/7", t.get(7).ref());
    assertEquals("tag v1.2", t.get(8).ref());
  }

  @Test
  void workspaceScopeReadsEveryProjectAndAnEmptyWindowHasNoFigures() {
    Insights all = DeliveryInsights.collect(buddy, InsightsScope.workspace(WS), WINDOW);
    assertEquals(13, all.outcomes().total()); // empty-project has no runs
    assertEquals(Duration.ofSeconds(7900), all.meanTimeToRecovery());

    Insights none = DeliveryInsights.collect(buddy, InsightsScope.project(WS, PROJECT),
        new org.buddy4j.insights.TimeWindow(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z")));
    assertEquals(0, none.outcomes().total());
    assertNull(none.failureRate());
    assertNull(none.duration().mean());
    assertNull(none.meanTimeToRecovery());
  }

  @Test
  void jsonAndTextCarryTheSameFigures() throws Exception {
    Insights in = DeliveryInsights.collect(buddy, InsightsScope.project(WS, PROJECT), WINDOW);
    JsonNode json = BuddyJson.mapper().readTree(InsightsJson.render(in));
    assertEquals(13, json.at("/outcomes/total").asInt());
    assertEquals(5.0 / 11.0, json.at("/failureRate").asDouble(), 1e-12);
    assertEquals(332.727, json.at("/duration/meanSeconds").asDouble(), 1e-9);
    assertEquals(540.0, json.at("/duration/p90Seconds").asDouble(), 1e-9);
    assertEquals(21.923, json.at("/queueTime/meanSeconds").asDouble(), 1e-9);
    assertEquals(7900.0, json.at("/meanTimeToRecoverySeconds").asDouble(), 1e-9);
    assertEquals(13, json.at("/timeline").size());
    assertTrue(json.at("/recoveries/3/recoveredRun").isNull());
    assertEquals(3, json.at("/perBranch/master/passed").asInt());

    String text = InsightsText.render(in);
    assertTrue(text.contains("Failure rate 45.5 % (5 of 11 passed or failed)"), text);
    assertTrue(text.contains("Duration     mean 5m 33s, p90 9m 00s (11 runs)"), text);
    assertTrue(text.contains("MTTR         2h 11m (3 recovered, 1 still failing)"), text);
  }
}
