package org.buddy4j.core.http;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.buddy4j.core.Handles;

/**
 * Feign's default contract, except that every path parameter of every generated interface becomes
 * exactly one URL path segment ({@link Handles#encodeSegment}).
 *
 * <p>Left alone, Feign turns {@code %2F} back into {@code /} ({@code decodeSlash}, on by default) and
 * passes a value that already looks percent-encoded through untouched, so {@code ../../etc},
 * {@code web/pipelines/3} or {@code a%2Fb} in a handle would each address another resource with the
 * user's token. Here the value is encoded in full before Feign sees it (Feign leaves an encoded value as
 * it is) and slash decoding is switched off; {@code .} and {@code ..}, which no encoding can keep in
 * one segment, are refused before anything is sent. Generated code is not touched. The one exception is a
 * repository path ({@code …/repository/contents/{path}}), which Buddy takes as several segments
 * ({@link Handles#encodePath}).
 */
final class OneSegmentContract extends Contract.Default {
  private static final Param.Expander SEGMENT = value -> Handles.encodeSegment(String.valueOf(value));
  // The spec's one path parameter that may hold '/' (components/parameters/file_path, the repository
  // contents routes), sent as Buddy's SDKs send it: each segment encoded, joined by '/'. Feign re-encodes
  // any value holding a '/', so the segments are joined by "%2F" (which leaves the value fully encoded,
  // and Feign passes it as it is) and the method decodes exactly those back to '/'. A '%2F' the caller
  // wrote became '%252F' in Handles.encodeSegment, so it is not decoded.
  private static final String REPOSITORY_PATH = "path";
  private static final Param.Expander SEGMENTS = value -> Handles.encodePath(String.valueOf(value)).replace("/", "%2F");
  // On such a method every '%2F' becomes '/', so the other path parameters must not hold one at all.
  private static final Param.Expander SEGMENT_WITHOUT_SLASH = value -> {
    String s = String.valueOf(value);
    if (s.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a path parameter beside a repository path cannot hold '/': it would not be one path segment");
    }
    return Handles.encodeSegment(s);
  };

  @Override
  protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
    MethodMetadata md = super.parseAndValidateMetadata(targetType, method);
    String path = md.template().path();
    boolean repositoryPath = path.contains("{" + REPOSITORY_PATH + "}");
    md.template().decodeSlash(repositoryPath);
    Map<Integer, Param.Expander> expanders = new LinkedHashMap<>();
    for (Map.Entry<Integer, Collection<String>> e : md.indexToName().entrySet()) {
      boolean inPath = e.getValue().stream().anyMatch(name -> path.contains("{" + name + "}"));
      if (inPath) {
        expanders.put(e.getKey(), !repositoryPath ? SEGMENT
            : e.getValue().contains(REPOSITORY_PATH) ? SEGMENTS : SEGMENT_WITHOUT_SLASH);
      } else if (md.indexToExpanderClass().containsKey(e.getKey())) {
        try {
          expanders.put(e.getKey(), md.indexToExpanderClass().get(e.getKey()).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException ex) {
          throw new IllegalStateException("cannot create the expander of " + method, ex);
        }
      }
    }
    md.indexToExpander(expanders);
    return md;
  }
}
