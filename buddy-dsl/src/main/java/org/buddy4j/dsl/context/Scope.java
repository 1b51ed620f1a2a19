package org.buddy4j.dsl.context;

import org.buddy4j.core.Handles;
import org.buddy4j.core.provision.Address;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.runtime.DslRuntime;

/**
 * What a block knows about where it is: the runtime, and the workspace and project set by enclosing
 * {@code workspace "…" { }} / {@code project "…" { }} blocks (falling back to BUDDY_WORKSPACE /
 * BUDDY_PROJECT), and the declaration it is nested in ({@code under}: null at the workspace's level).
 */
public record Scope(DslRuntime runtime, String workspace, String project, Address under) {

  /** The script's top level. */
  public Scope(DslRuntime runtime) {
    this(runtime, null, null, null);
  }

  public Scope withWorkspace(String name) {
    return new Scope(runtime, handle("workspace", name), null, null);
  }

  public Scope withProject(String name) {
    String handle = handle("project", name);
    return new Scope(runtime, workspace, handle, parent().child("project", handle));
  }

  /** Inside the declaration at {@code address}: what is declared here nests under it. */
  public Scope within(Address address) {
    return new Scope(runtime, workspace, project, address);
  }

  /** The address declarations here nest under: the enclosing declaration, else the workspace. */
  public Address parent() {
    return under != null ? under : Address.workspace(requireWorkspace());
  }

  /** A workspace or project name checked by Buddy's handle rule (one rule, in core). */
  private static String handle(String kind, String name) {
    String problem = Handles.problem(kind, name);
    if (problem != null) {
      throw new DslException(problem);
    }
    return name;
  }

  /** Whether a project "…" { } block encloses this one. */
  public boolean inProjectBlock() {
    return project != null;
  }

  public String requireWorkspace() {
    String ws = workspace != null ? workspace : runtime.defaultWorkspace();
    if (ws == null) {
      throw new DslException("no workspace: put this inside workspace \"…\" { } or set BUDDY_WORKSPACE");
    }
    return handle("workspace", ws);
  }

  public String requireProject() {
    String pj = project != null ? project : runtime.defaultProject();
    if (pj == null) {
      throw new DslException("no project: put this inside project \"…\" { } or set BUDDY_PROJECT");
    }
    return handle("project", pj);
  }
}
