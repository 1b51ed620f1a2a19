package org.buddy4j.core;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Buddy's URL handles (the workspace {@code domain}, a project {@code name}, an integration
 * {@code hash_id}…): the one rule every input path (facade, batch files, CLI flags, the DSL) checks
 * them with, and the one way the client puts any path parameter into a URL.
 *
 * <p>The rule follows Buddy's Terraform provider ({@code util.StringValidatorsDomain}:
 * {@code ^[a-z0-9][a-z0-9\-_]+[a-z0-9]$}) and the docs ("alphanumerics, {@code _}, {@code -}, no leading
 * or trailing hyphen"), widened where refusing would lock a user out of a handle that exists and can do
 * no harm: upper case and one-character handles are accepted (a reference, not a new handle; Buddy's
 * own minimum of 4 applies to creation), and so are inner dots. A handle starts and ends with a letter
 * or digit, so {@code .} and {@code ..} can never be one, and {@code /}, {@code ?}, {@code #},
 * {@code %} and spaces are never part of one.
 */
public final class Handles {
  /** The longest handle (Buddy's {@code domain} limit). */
  public static final int MAX_LENGTH = 100;

  private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?");

  /** What the rule allows, for messages. */
  public static final String RULE = "letters, digits, '-', '_' and '.', starting and ending with a letter or digit, at most "
      + MAX_LENGTH + " characters";

  private Handles() {}

  /** Whether {@code value} is a valid handle. */
  public static boolean isValid(String value) {
    return value != null && value.length() <= MAX_LENGTH && HANDLE.matcher(value).matches();
  }

  /**
   * Why {@code value} is not a valid handle of this kind ({@code "workspace"}, {@code "project"}…), or
   * null when it is. The value is quoted only when it is short and printable: a handle is not a secret,
   * but a mistyped option might hold one.
   */
  public static String problem(String kind, String value) {
    if (value == null || value.isBlank()) {
      return kind + " is empty; give its URL handle (" + RULE + ")";
    }
    if (isValid(value)) {
      return null;
    }
    return kind + " " + show(value) + " is not a URL handle: use " + RULE;
  }

  /**
   * {@code value}, checked.
   *
   * @throws IllegalArgumentException naming the rule when it is not a valid handle
   */
  public static String require(String kind, String value) {
    String problem = problem(kind, value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return value;
  }

  /**
   * {@code value} as exactly one URL path segment: every byte outside RFC 3986's unreserved set
   * ({@code A-Z a-z 0-9 - . _ ~}) percent-encoded, {@code %} included, so {@code a/b} becomes
   * {@code a%2Fb} and {@code a%2Fb} becomes {@code a%252Fb}.
   *
   * @throws IllegalArgumentException for an empty value, {@code .} or {@code ..}: no encoding makes
   *     those one segment (RFC 3986 §5.2.4 removes them; {@code %2E%2E} is decoded and removed too)
   */
  public static String encodeSegment(String value) {
    if (value == null || value.isEmpty() || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException("a path parameter cannot be " + (value == null || value.isEmpty()
          ? "empty" : "'" + value + "'") + ": it would not be one path segment");
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * A path inside a repository ({@code src/app.js}, {@code dir/sub/a.txt}) as URL path segments: each
   * segment encoded as {@link #encodeSegment} does, joined by an unescaped {@code /}, as Buddy's Go, PHP
   * and Node SDKs send it (docs/api-decisions.md, finding 7). The segments can only address what lies
   * under the route's prefix: an empty segment (a leading, trailing or doubled {@code /}), {@code .} and
   * {@code ..} are refused.
   *
   * @throws IllegalArgumentException for such a segment, before anything is sent
   */
  public static String encodePath(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a repository path cannot be empty");
    }
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (String segment : value.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("a repository path is segments joined by single '/', none of them '.' or '..'"
            + " (e.g. 'dir/sub/file.txt'); got " + show(value));
      }
      out.append(out.length() == 0 ? "" : "/").append(encodeSegment(segment));
    }
    return out.toString();
  }

  /** A short, printable value in quotes; otherwise only its length. */
  private static String show(String value) {
    if (value.length() <= 60 && value.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return "'" + value + "'";
    }
    return "(" + value.length() + " characters)";
  }
}
