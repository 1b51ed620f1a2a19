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
 * parameter the spec marks {@code x-buddy-path-segments} (a repository file path): its segments are
 * encoded one by one and joined by {@code /} ({@link PathSegmentsExpander}); slash decoding is on for those
 * methods only, and their other path parameters may not hold a {@code /} at all.
 */
final class OneSegmentContract extends Contract.Default {
  private static final Param.Expander SEGMENT = value -> Handles.encodeSegment(String.valueOf(value));
  private static final Param.Expander PATH = new PathSegmentsExpander();
  private static final Param.Expander SEGMENT_WITHOUT_SLASH = value -> {
    String v = String.valueOf(value);
    if (v.indexOf('/') >= 0) {
      throw new IllegalArgumentException("a path parameter cannot hold '/': it would not be one path segment");
    }
    return Handles.encodeSegment(v);
  };

  @Override
  protected MethodMetadata parseAndValidateMetadata(Class<?> targetType, Method method) {
    MethodMetadata md = super.parseAndValidateMetadata(targetType, method);
    String path = md.template().path();
    boolean filePath = md.indexToName().keySet().stream()
        .anyMatch(i -> md.indexToExpanderClass().get(i) == PathSegmentsExpander.class);
    // Slash decoding turns every %2F of the method's path values into "/": on only where a file path needs it,
    // and then no other path value may hold a "/".
    md.template().decodeSlash(filePath);
    Map<Integer, Param.Expander> expanders = new LinkedHashMap<>();
    for (Map.Entry<Integer, Collection<String>> e : md.indexToName().entrySet()) {
      boolean inPath = e.getValue().stream().anyMatch(name -> path.contains("{" + name + "}"));
      if (inPath && md.indexToExpanderClass().get(e.getKey()) == PathSegmentsExpander.class) {
        expanders.put(e.getKey(), PATH);
      } else if (inPath) {
        expanders.put(e.getKey(), filePath ? SEGMENT_WITHOUT_SLASH : SEGMENT);
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
