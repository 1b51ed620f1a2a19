package org.buddy4j.batch.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** A reader cannot get past a syntax error at {@code line}; the checker names the file. */
final class BatchSyntaxError extends RuntimeException {
  /** The parser quotes the word it could not read, which may be an unquoted secret value. */
  private static final Pattern QUOTED_TOKEN = Pattern.compile("(Unrecognized token) '[^']*'");
  private static final long serialVersionUID = 1L;
  private final int line;

  BatchSyntaxError(int line, String message) {
    super(message, null, false, false);
    this.line = line;
  }

  int line() {
    return line;
  }

  /**
   * The parser's own first line about what it could not read, without the text it quotes: in a batch
   * file that text may be a secret value someone forgot to put in quotes.
   */
  static String describe(JsonProcessingException e) {
    String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
    return QUOTED_TOKEN.matcher(first).replaceAll("$1 (a word that is not in quotes)");
  }
}
