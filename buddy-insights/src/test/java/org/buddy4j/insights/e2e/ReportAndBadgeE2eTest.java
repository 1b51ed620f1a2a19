package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.buddy4j.core.RunOptions;
import org.buddy4j.insights.badge.BadgeState;
import org.buddy4j.insights.badge.StatusBadge;
import org.buddy4j.insights.DeliveryInsights;
import org.buddy4j.insights.Insights;
import org.buddy4j.insights.InsightsHtmlReport;
import org.buddy4j.insights.InsightsScope;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The HTML report and the status badges of the seeded history: well-formed, complete, self-contained. */
class ReportAndBadgeE2eTest extends HistoryTestBase {

  @Test
  void reportIsWellFormedSelfContainedAndEveryChartHasTheRightPoints() throws Exception {
    Insights in = DeliveryInsights.collect(buddy, InsightsScope.project(WS, PROJECT), WINDOW);
    String html = InsightsHtmlReport.render(in);
    String out = System.getProperty("buddy4j.report.out");
    if (out != null) { // for looking at it by hand: -Dbuddy4j.report.out=/tmp/report.html
      Files.writeString(Path.of(out), html);
    }
    ReportXml.assertSelfContained(html);
    Document doc = ReportXml.parse(html);

    // duration chart: one point per finished run: 11 passed/failed + 2 cancelled, at their durations (s)
    List<Element> points = ReportXml.find(doc, "circle", "point");
    assertEquals(13, points.size());
    Map<String, String> durationByRun = new TreeMap<>();
    points.forEach(p -> durationByRun.put(p.getAttribute("data-run"), p.getAttribute("data-duration-seconds")));
    assertEquals(Map.ofEntries(
        Map.entry("acme/shop/1#2", "300"), Map.entry("acme/shop/1#3", "480"), Map.entry("acme/shop/1#4", "120"),
        Map.entry("acme/shop/1#5", "360"), Map.entry("acme/shop/1#6", "240"), Map.entry("acme/shop/1#7", "540"),
        Map.entry("acme/shop/1#8", "600"), Map.entry("acme/shop/1#9", "180"), Map.entry("acme/shop/1#10", "420"),
        Map.entry("acme/shop/2#1", "120"), Map.entry("acme/shop/2#2", "180"), Map.entry("acme/shop/2#3", "240"),
        Map.entry("acme/shop/2#4", "60")), durationByRun);
    // failures are marked: 5 red points, each with a marker line
    assertEquals(5, ReportXml.find(doc, "circle", "point", "failed").size());
    assertEquals(5, ReportXml.find(doc, "line", "fail-mark").size());
    assertEquals(2, ReportXml.find(doc, "circle", "point", "cancelled").size());
    // mean and p90 lines at 332.73 s and 540 s
    Map<String, String> refLines = ReportXml.find(doc, "g", "ref-line").stream()
        .collect(Collectors.toMap(e -> e.getAttribute("data-name"), e -> e.getAttribute("data-seconds")));
    assertEquals(Map.of("mean", "332.73", "p90", "540", "mttr", "7900"), refLines);

    // outcomes per day: 3 bars, 6 / 5 / 2 runs, failed 2 / 2 / 1
    List<Element> days = ReportXml.find(doc, "g", "day");
    assertEquals(List.of("2026-03-02", "2026-03-03", "2026-03-04"), attr(days, "data-day"));
    assertEquals(List.of("6", "5", "2"), attr(days, "data-total"));
    assertEquals(List.of("3", "2", "1"), attr(days, "data-passed"));
    assertEquals(List.of("2", "2", "1"), attr(days, "data-failed"));
    assertEquals(List.of("1", "1", "0"), attr(days, "data-cancelled"));
    // the bars' segments add up to the day's total
    for (Element day : days) {
      int sum = 0;
      var rects = day.getElementsByTagName("rect");
      for (int i = 0; i < rects.getLength(); i++) {
        sum += Integer.parseInt(((Element) rects.item(i)).getAttribute("data-count"));
      }
      assertEquals(Integer.parseInt(day.getAttribute("data-total")), sum);
    }

    // recoveries: three recovered bars (1860, 7080, 14760 s) and the open incident of deploy-prod #10
    List<Element> recoveries = ReportXml.find(doc, "rect", "recovery");
    assertEquals(4, recoveries.size());
    assertEquals(List.of("1860", "7080", "14760", ""), attr(recoveries, "data-seconds"));
    assertEquals(List.of("1", "3", "6", "10"), attr(recoveries, "data-failed-run"));
    assertEquals(1, ReportXml.find(doc, "rect", "recovery", "open").size());
    // the MTTR figure: 7900 s = 2h 11m
    Element mttr = ReportXml.find(doc, "div", "v").stream().filter(e -> "mttr".equals(e.getAttribute("data-kpi")))
        .findFirst().orElseThrow();
    assertEquals("7900", mttr.getAttribute("data-seconds"));
    assertEquals("2h 11m", mttr.getTextContent());

    // per branch
    List<Element> branches = ReportXml.find(doc, "g", "branch");
    assertEquals(List.of("develop", "master", "PR pull/7", "feature/login", "tag v1.2"), attr(branches, "data-branch"));
    assertEquals(List.of("5", "5", "1", "1", "1"), attr(branches, "data-total"));

    // headline cards
    Map<String, String> kpis = ReportXml.find(doc, "div", "card").stream()
        .collect(Collectors.toMap(e -> e.getAttribute("data-kpi"), e -> e.getAttribute("data-value")));
    assertEquals("13", kpis.get("runs"));
    assertEquals("0.4545", kpis.get("failure-rate"));
    assertEquals("332.73", kpis.get("duration-mean"));
    assertEquals("310", kpis.get("deploy-time"));
    assertEquals("21.92", kpis.get("queue-time"));

    // the timeline table: 13 rows, oldest first
    List<Element> rows = ReportXml.find(doc, "tr", "run");
    assertEquals(13, rows.size());
    assertEquals("acme/shop/2#1", rows.get(0).getAttribute("data-run"));
    assertEquals("acme/shop/1#10", rows.get(12).getAttribute("data-run"));
  }

  @Test
  void badgesShowTheLatestRunOfTheBranch() throws Exception {
    // deploy-prod on master: #11 SUCCESSFUL; on develop: #7 FAILED; tests on develop: #4 TERMINATED
    assertBadge(StatusBadge.latest(pipeline(1), "master"), BadgeState.PASSING, "#4c1", 11);
    assertBadge(StatusBadge.latest(pipeline(1), "develop"), BadgeState.FAILING, "#e05d44", 7);
    assertBadge(StatusBadge.latest(pipeline(2), "develop"), BadgeState.CANCELLED, "#9f9f9f", 4);
    assertBadge(StatusBadge.latest(pipeline(2), "master"), BadgeState.UNKNOWN, "#bbb", null);
    // a new run on feature/login waits in the queue (frozen clock): running
    pipeline(2).run(RunOptions.onBranch("feature/login"));
    assertBadge(StatusBadge.latest(pipeline(2), "feature/login"), BadgeState.RUNNING, "#dfb317", 5);
  }

  private static void assertBadge(StatusBadge badge, BadgeState state, String colour, Integer run) throws Exception {
    String dir = System.getProperty("buddy4j.badge.out");
    if (dir != null) { // for looking at them by hand: -Dbuddy4j.badge.out=/tmp/badges
      Files.createDirectories(Path.of(dir));
      Files.writeString(Path.of(dir, state.text() + ".svg"), badge.toSvg());
    }
    assertEquals(state, badge.state());
    assertEquals(run, badge.latestRun() == null ? null : badge.latestRun().id());
    String svg = badge.toSvg();
    ReportXml.assertSelfContained(svg);
    Document doc = ReportXml.parse(svg);
    Element root = doc.getDocumentElement();
    assertEquals("svg", root.getTagName());
    assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
    assertEquals("build: " + state.text(), root.getAttribute("aria-label"));
    Element stateRect = ReportXml.find(doc, "rect", "state").get(0);
    assertEquals(colour, stateRect.getAttribute("fill"));
    int width = Integer.parseInt(root.getAttribute("width"));
    int label = Integer.parseInt(ReportXml.find(doc, "rect", "label").get(0).getAttribute("width"));
    assertEquals(width, label + Integer.parseInt(stateRect.getAttribute("width")));
    assertNotNull(doc.getElementsByTagName("title").item(0));
    assertTrue(svg.contains(">" + state.text() + "<"));
  }

  private static List<String> attr(List<Element> elements, String name) {
    return elements.stream().map(e -> e.getAttribute(name)).collect(Collectors.toList());
  }
}
