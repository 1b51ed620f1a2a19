package org.buddy4j.insights;

import static org.buddy4j.insights.Runs.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.buddy4j.insights.badge.BadgeState;
import org.buddy4j.insights.badge.StatusBadge;
import org.buddy4j.insights.unified.Job;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The renderers stay well-formed and self-contained whatever Buddy's text holds. */
class RenderersTest {
  private static final TimeWindow DAY = new TimeWindow(T0, T0.plus(Duration.ofDays(1)));

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void hostileTextIsEscapedAndNothingExternalIsReferenced() throws Exception {
    Job run = Runs.run(1, 1, "FAILED", "<script>alert('x')</script>&\"", 5, 60, 0);
    run.raw().setComment("see https://evil.example/x.png <img src=\"//evil\"> \u0007 ]]>");
    run = Job.of("ws", "proj", 1, "p1 & <b>", run.raw());
    String html = InsightsHtmlReport.render(Insights.of(InsightsScope.pipeline("ws", "proj", 1), DAY, List.of(run), T0));
    Document doc = parse(html);
    assertEquals("html", doc.getDocumentElement().getTagName());
    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<img"));
    assertTrue(html.contains("&lt;script&gt;"));
    // Buddy's own text is shown as text; no element anywhere has a src or href
    var all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      var el = (org.w3c.dom.Element) all.item(i);
      assertFalse(el.hasAttribute("src") || el.hasAttribute("href") || el.hasAttribute("xlink:href"), el.getTagName());
    }
    assertTrue(doc.getDocumentElement().getTextContent().contains("<img src=\"//evil\">"));
    assertFalse(html.contains("url("));
    assertFalse(html.contains("@import"));
  }

  @Test
  void anEmptyWindowStillRendersEveryChart() throws Exception {
    Insights empty = Insights.of(InsightsScope.workspace("ws"), DAY, List.of(), T0);
    Document doc = parse(InsightsHtmlReport.render(empty));
    var svgs = doc.getElementsByTagName("svg");
    assertEquals(4, svgs.getLength()); // duration, daily, recovery, branches
    assertTrue(InsightsText.render(empty).contains("Failure rate -"));
    assertTrue(InsightsJson.render(empty).contains("\"failureRate\" : null"));
  }

  @Test
  void badgeIsWellFormedSvgAndWidensWithItsText() throws Exception {
    for (BadgeState state : BadgeState.values()) {
      String svg = StatusBadge.of("deploy <prod>", state).toSvg();
      Document doc = parse(svg);
      assertEquals("svg", doc.getDocumentElement().getTagName());
      assertEquals("deploy <prod>: " + state.text(), doc.getDocumentElement().getAttribute("aria-label"));
      assertFalse(svg.contains("href") || svg.contains("url(") || svg.contains("<script"));
    }
    int shortLabel = Integer.parseInt(parse(StatusBadge.of("ci", BadgeState.PASSING).toSvg()).getDocumentElement()
        .getAttribute("width"));
    int longLabel = Integer.parseInt(parse(StatusBadge.of("production deploy", BadgeState.PASSING).toSvg())
        .getDocumentElement().getAttribute("width"));
    assertTrue(longLabel > shortLabel + 60, shortLabel + " vs " + longLabel);
  }

  @Test
  void fourKeysShowBesideTodaysFiguresInTextJsonAndHtml() throws Exception {
    // the figures of InsightsArithmeticTest.doraFourKeys: 3 successful in 2 days, lead time 3300 s,
    // 3 of 6 failed, restored after 3100 s
    Insights in = Insights.of(InsightsArithmeticTest.SCOPE, InsightsArithmeticTest.TWO_DAYS,
        InsightsArithmeticTest.RUNS, T0.plus(Duration.ofDays(3)));
    String text = InsightsText.render(in);
    assertTrue(text.contains("Failure rate 50.0 %"), text); // today's figure stays
    assertTrue(text.contains("  Deployment frequency   1.50 / day, 10.50 / week (3 successful)\n"), text);
    assertTrue(text.contains("  Lead time for changes  median 55m 00s (commit → finish, 3 deployments)\n"), text);
    assertTrue(text.contains("  Change failure rate    50.0 % (3 of 6 deployments)\n"), text);
    assertTrue(text.contains("  Time to restore        median 51m 40s (1 restored, 2 open)\n"), text);

    var json = InsightsJson.tree(in);
    var k = json.path("fourKeys");
    assertEquals(6, k.path("deployments").asInt());
    assertEquals(1.5, k.path("deploymentFrequency").path("perDay").asDouble(), 1e-12);
    assertEquals(10.5, k.path("deploymentFrequency").path("perWeek").asDouble(), 1e-12);
    assertEquals(3300.0, k.path("leadTimeForChanges").path("medianSeconds").asDouble(), 1e-9);
    assertEquals(0.5, k.path("changeFailureRate").asDouble(), 1e-12);
    assertEquals(3100.0, k.path("timeToRestore").path("medianSeconds").asDouble(), 1e-9);
    assertEquals(2, k.path("timeToRestore").path("open").asInt());
    assertEquals(0.5, json.path("failureRate").asDouble(), 1e-12);

    Document doc = parse(InsightsHtmlReport.render(in));
    java.util.Map<String, String> kpis = new java.util.HashMap<>();
    var cards = doc.getElementsByTagName("div");
    for (int i = 0; i < cards.getLength(); i++) {
      var el = (org.w3c.dom.Element) cards.item(i);
      if (el.hasAttribute("data-kpi") && el.hasAttribute("data-value")) {
        kpis.put(el.getAttribute("data-kpi"), el.getAttribute("data-value"));
      }
    }
    assertEquals("1.50", kpis.get("deployment-frequency"));
    assertEquals("3300", kpis.get("lead-time"));
    assertEquals("0.5000", kpis.get("change-failure-rate"));
    assertEquals("3100", kpis.get("time-to-restore"));
    assertEquals("0.5000", kpis.get("failure-rate")); // beside today's
  }
}
