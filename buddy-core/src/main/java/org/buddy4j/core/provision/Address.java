package org.buddy4j.core.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a declared resource lives, as Buddy's URL tree reads: a workspace, then kind/natural-key segments,
 * e.g. {@code workspace "buddy" / project "web" / pipeline "deploy" / action "Build"}. Two declarations with
 * the same address are the same resource. The natural key is the field Buddy keeps unique in its parent
 * (a project's {@code name}, a variable's {@code key}, an integration's {@code identifier}, …).
 */
public record Address(String workspace, List<Segment> path) {

  /** One step below the workspace: a kind ({@link DeclaredKind#word()}) and the resource's natural key. */
  public record Segment(String kind, String key) {
    public Segment {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
      return kind + " \"" + key + "\"";
    }
  }

  public Address {
    Objects.requireNonNull(workspace, "workspace");
    path = List.copyOf(path);
  }

  /** The workspace itself (the root of every address). */
  public static Address workspace(String workspace) {
    return new Address(workspace, List.of());
  }

  /** The resource of this kind and key directly under this one. */
  public Address child(String kind, String key) {
    List<Segment> p = new ArrayList<>(path);
    p.add(new Segment(kind, key));
    return new Address(workspace, p);
  }

  /** The address this one is nested in; the workspace's parent is itself. */
  public Address parent() {
    return path.isEmpty() ? this : new Address(workspace, path.subList(0, path.size() - 1));
  }

  /** The last segment's kind ({@code "workspace"} for the workspace). */
  public String kind() {
    return path.isEmpty() ? "workspace" : path.get(path.size() - 1).kind();
  }

  /** The last segment's natural key (the workspace's handle for the workspace). */
  public String key() {
    return path.isEmpty() ? workspace : path.get(path.size() - 1).key();
  }

  /** The key of the nearest enclosing segment of this kind, or null (e.g. the project of an action). */
  public String keyOf(String kind) {
    if (kind.equals("workspace")) {
      return workspace;
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i).kind().equals(kind)) {
        return path.get(i).key();
      }
    }
    return null;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("workspace \"").append(workspace).append('"');
    path.forEach(s -> out.append(" / ").append(s));
    return out.toString();
  }
}
