package org.buddy4j.core.http;

import feign.Param;
import org.buddy4j.core.Handles;

/**
 * How a generated interface puts a path parameter marked {@code x-buddy-path-segments} into the URL (the
 * API template names it in that parameter's {@code @Param}): {@link Handles#encodePath}, so
 * {@code src/app/main.js} goes out with its {@code /} unescaped. {@link OneSegmentContract} keeps it for
 * those parameters and encodes every other one as exactly one segment.
 */
public final class PathSegmentsExpander implements Param.Expander {
  // Feign encodes a value again unless it is fully percent-encoded, so the "/" between segments goes in as
  // %2F; OneSegmentContract switches slash decoding on for the methods with such a parameter only, which
  // turns exactly these back into "/".
  @Override
  public String expand(Object value) {
    return Handles.encodePath(String.valueOf(value)).replace("/", "%2F");
  }
}
