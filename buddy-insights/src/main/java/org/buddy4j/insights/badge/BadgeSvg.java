package org.buddy4j.insights.badge;

/** Draws a flat shields-style badge as SVG, sizing the text with Verdana 11 px character widths. */
final class BadgeSvg {
  private BadgeSvg() {}

  static String render(String label, String message, String color, String detail) {
    int lw = textWidth(label) + 12;
    int mw = textWidth(message) + 12;
    int w = lw + mw;
    String title = esc(label + ": " + message + (detail == null ? "" : " (" + detail + ")"));
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"20\" viewBox=\"0 0 " + w
        + " 20\" role=\"img\" aria-label=\"" + esc(label + ": " + message) + "\" data-state=\"" + esc(message) + "\">"
        + "<title>" + title + "</title>"
        + "<rect class=\"label\" width=\"" + lw + "\" height=\"20\" rx=\"3\" fill=\"#555\"/>"
        + "<rect class=\"state\" x=\"" + lw + "\" width=\"" + mw + "\" height=\"20\" rx=\"3\" fill=\"" + color + "\"/>"
        + "<rect x=\"" + lw + "\" width=\"4\" height=\"20\" fill=\"" + color + "\"/>"
        + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" font-size=\"11\">"
        + "<text x=\"" + (lw / 2.0) + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">" + esc(label) + "</text>"
        + "<text x=\"" + (lw / 2.0) + "\" y=\"14\">" + esc(label) + "</text>"
        + "<text x=\"" + (lw + mw / 2.0) + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">" + esc(message) + "</text>"
        + "<text x=\"" + (lw + mw / 2.0) + "\" y=\"14\">" + esc(message) + "</text>"
        + "</g></svg>";
  }

  /** Approximate width in px of {@code s} in Verdana 11 px. */
  static int textWidth(String s) {
    double w = 0;
    for (char c : s.toCharArray()) {
      if ("iljI.,:;!|'".indexOf(c) >= 0) {
        w += 3.5;
      } else if ("frt()[] -/".indexOf(c) >= 0) {
        w += 4.8;
      } else if ("mwMW".indexOf(c) >= 0) {
        w += 10.5;
      } else if (Character.isUpperCase(c)) {
        w += 7.8;
      } else if (Character.isDigit(c)) {
        w += 7.0;
      } else {
        w += 6.8;
      }
    }
    return (int) Math.ceil(w);
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (c >= 0x20) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
