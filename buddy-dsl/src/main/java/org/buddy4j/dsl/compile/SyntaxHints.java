package org.buddy4j.dsl.compile;

/** Adds a plain hint to Groovy's syntax messages for the mistakes people make in Buddy scripts. */
final class SyntaxHints {
  private SyntaxHints() {}

  static String explain(String message) {
    String m = message == null ? "syntax error" : message.trim();
    if (m.startsWith("Unexpected input: '{'") || m.contains("Missing '}'")) {
      return m + " (a block opened here is not closed: check that every '{' has its '}')";
    }
    if (m.startsWith("Unexpected character: '\"'") || m.startsWith("Unexpected character: '''") || m.contains("Unclosed string")) {
      return m + " (a string is not closed: add the closing quote)";
    }
    if (m.startsWith("Unsupported command argument")) {
      return m + " (in a run sentence, options with two values such as variable \"K\", \"v\" go after on branch \"…\" / at revision \"…\";"
          + " otherwise write run(pipeline: 2) { variable \"K\", \"v\" })";
    }
    if (m.startsWith("Unexpected input: ')'") || m.startsWith("Unexpected input: '}'")) {
      return m + " (a closing bracket without its opening one)";
    }
    return m;
  }
}
