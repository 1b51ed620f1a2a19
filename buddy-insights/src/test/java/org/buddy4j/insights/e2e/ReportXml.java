package org.buddy4j.insights.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Parses a rendered report or badge as XML (so it must be well-formed) and finds elements by class. */
final class ReportXml {
  private ReportXml() {}

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setExpandEntityReferences(false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  /** Elements named {@code tag} whose class list has every one of {@code classes}. */
  static List<Element> find(Document doc, String tag, String... classes) {
    List<Element> out = new ArrayList<>();
    NodeList all = doc.getElementsByTagName(tag);
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      List<String> have = List.of(e.getAttribute("class").split("\\s+"));
      if (have.containsAll(List.of(classes))) {
        out.add(e);
      }
    }
    return out;
  }

  /** Fails on anything that would make the document fetch something: scripts, links, imports, url(). */
  static void assertSelfContained(String doc) {
    String lower = doc.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("<script"), "no scripts");
    assertFalse(lower.contains("@import"), "no @import");
    assertFalse(lower.contains("url("), "no url(…)");
    assertFalse(lower.contains("<link"), "no <link>");
    assertFalse(lower.contains("<img"), "no <img>");
    assertFalse(lower.contains("<iframe") || lower.contains("<object") || lower.contains("<embed"), "no embeds");
    Matcher ref = Pattern.compile("\\b(?:src|href|xlink:href|action|poster|data)\\s*=\\s*[\"']([^\"']*)[\"']").matcher(lower);
    while (ref.find()) {
      String v = ref.group(1);
      assertFalse(v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//") || v.startsWith("ftp:")
          || v.startsWith("file:"), "external reference: " + ref.group());
    }
    // The only http(s) string allowed anywhere is the SVG namespace name of a standalone badge.
    String rest = lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertFalse(rest.contains("http://") || rest.contains("https://"), "an http(s) address in the document");
  }
}
