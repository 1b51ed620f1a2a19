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
}
