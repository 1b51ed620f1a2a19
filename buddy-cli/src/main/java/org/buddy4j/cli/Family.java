package org.buddy4j.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.buddy4j.core.BuddyClient;
import org.buddy4j.core.Resources;
import org.buddy4j.core.Sandboxes;
import org.buddy4j.core.generated.model.AccessToken;
import org.buddy4j.core.generated.model.Action;
import org.buddy4j.core.generated.model.Environment;
import org.buddy4j.core.generated.model.Group;
import org.buddy4j.core.generated.model.MemberRequest;
import org.buddy4j.core.generated.model.PermissionSet;
import org.buddy4j.core.generated.model.ProjectGroupRequest;
import org.buddy4j.core.generated.model.ProjectMemberRequest;
import org.buddy4j.core.generated.model.SandboxRequest;
import org.buddy4j.core.generated.model.Target;
import org.buddy4j.core.generated.model.Variable;
import org.buddy4j.core.generated.model.Webhook;

/**
 * The resource families {@code buddy <family> list|get|create|update|delete} covers, one row each: how to
 * reach its {@link Resources} from the client at a scope, its ID's kind, the bodies it is created and
 * updated with, and the columns its text output shows. {@link FamilyCommand} is the one implementation
 * this table drives; a family is a row here, not a class.
 */
enum Family {
  VARIABLES("variables", "variable", Id.NUMBER, EnumSet.of(Level.WORKSPACE, Level.PROJECT, Level.PIPELINE),
      at -> switch (at.level) {
        case PIPELINE -> at.client.workspace(at.workspace).project(at.project).pipeline(at.pipeline).variables();
        case PROJECT -> at.client.workspace(at.workspace).project(at.project).variables();
        default -> at.client.workspace(at.workspace).variables();
      },
      level -> Variable.class, level -> Variable.class,
      List.of("id", "key", "value", "type", "encrypted", "settable", "description"),
      List.of("id", "key", "value", "type", "encrypted", "settable", "run_only_settable", "description", "file_path",
          "project.name", "pipeline.id", "key_fingerprint")),
  ENVIRONMENTS("environments", "environment", Id.HANDLE, EnumSet.of(Level.WORKSPACE, Level.PROJECT),
      at -> at.level == Level.PROJECT ? at.client.workspace(at.workspace).project(at.project).environments()
          : at.client.workspace(at.workspace).environments(),
      level -> Environment.class, level -> Environment.class,
      List.of("id", "identifier", "name", "scope", "project.name", "public_url"),
      List.of("id", "identifier", "name", "scope", "project.name", "public_url", "tags", "create_date", "html_url")),
  TARGETS("targets", "target", Id.HANDLE, EnumSet.of(Level.WORKSPACE),
      at -> at.client.workspace(at.workspace).targets(),
      level -> Target.class, level -> Target.class,
      List.of("id", "identifier", "name", "type", "host", "port", "scope"),
      List.of("id", "identifier", "name", "type", "host", "port", "path", "scope", "secure", "disabled", "auth.method",
          "auth.username", "auth.password", "auth.passphrase", "auth.key", "tags", "html_url")),
  SANDBOXES("sandboxes", "sandbox", Id.HANDLE, EnumSet.of(Level.WORKSPACE, Level.PROJECT),
      at -> sandboxes(at.level == Level.PROJECT ? at.client.workspace(at.workspace).project(at.project).sandboxes()
          : at.client.workspace(at.workspace).sandboxes(), at),
      level -> SandboxRequest.class, level -> SandboxRequest.class,
      List.of("id", "identifier", "name", "status", "os", "project.name"),
      List.of("id", "identifier", "name", "status", "setup_status", "os", "resources", "timeout", "project.name", "tags",
          "html_url")),
  GROUPS("groups", "group", Id.NUMBER, EnumSet.of(Level.WORKSPACE, Level.PROJECT),
      at -> at.level == Level.PROJECT ? at.client.workspace(at.workspace).project(at.project).groups()
          : at.client.workspace(at.workspace).groups(),
      level -> level == Level.PROJECT ? ProjectGroupRequest.class : Group.class,
      level -> level == Level.PROJECT ? ProjectGroupRequest.class : Group.class,
      List.of("id", "name", "description", "permission_set.name", "auto_assign_to_new_projects"),
      List.of("id", "name", "description", "permission_set.id", "permission_set.name", "auto_assign_to_new_projects",
          "auto_assign_permission_set_id", "html_url")),
  MEMBERS("members", "member", Id.NUMBER, EnumSet.of(Level.WORKSPACE, Level.PROJECT),
      at -> at.level == Level.PROJECT ? at.client.workspace(at.workspace).project(at.project).members()
          : at.client.workspace(at.workspace).members(),
      level -> level == Level.PROJECT ? ProjectMemberRequest.class : MemberRequest.class,
      level -> level == Level.PROJECT ? ProjectMemberRequest.class : MemberRequest.class,
      List.of("id", "email", "name", "admin", "status", "permission_set.name"),
      List.of("id", "email", "name", "title", "admin", "workspace_owner", "status", "permission_set.id",
          "permission_set.name", "auto_assign_to_new_projects", "html_url")),
  PERMISSIONS("permissions", "permission set", Id.NUMBER, EnumSet.of(Level.WORKSPACE),
      at -> at.client.workspace(at.workspace).permissionSets(),
      level -> PermissionSet.class, level -> PermissionSet.class,
      List.of("id", "name", "type", "pipeline_access_level", "repository_access_level", "sandbox_access_level"),
      List.of("id", "name", "type", "description", "pipeline_access_level", "repository_access_level",
          "sandbox_access_level", "project_team_access_level", "environment_access_level", "target_access_level",
          "html_url")),
  WEBHOOKS("webhooks", "webhook", Id.NUMBER, EnumSet.of(Level.WORKSPACE),
      at -> at.client.workspace(at.workspace).webhooks(),
      level -> Webhook.class, level -> Webhook.class,
      List.of("id", "target_url", "events", "projects"),
      List.of("id", "target_url", "secret_key", "events", "projects", "html_url")),
  TOKENS("tokens", "token", Id.HANDLE, EnumSet.of(Level.USER),
      at -> at.client.user().tokens(),
      level -> AccessToken.class, null,
      List.of("id", "name", "expires_at", "scopes"),
      List.of("id", "name", "token", "expires_at", "scopes", "ip_restrictions", "workspace_restrictions", "html_url")),
  ACTIONS("actions", "action", Id.NUMBER, EnumSet.of(Level.PIPELINE),
      at -> at.client.workspace(at.workspace).project(at.project).pipeline(at.pipeline).actions(),
      level -> Action.class, level -> Action.class,
      List.of("id", "name", "type", "trigger_time", "disabled"),
      List.of("id", "name", "type", "trigger_time", "run_next", "disabled", "ignore_errors", "last_execution_status",
          "html_url"));

  /** Where a collection lives: the token's user, a workspace, one of its projects, one pipeline of a project. */
  enum Level { USER, WORKSPACE, PROJECT, PIPELINE }

  /** The kind of a family's IDs. */
  enum Id { NUMBER, HANDLE }

  /** The collection a command works on: the client and the scope its flags name. */
  record At(BuddyClient client, Level level, String workspace, String project, Integer pipeline) {}

  final String command;
  final String noun;
  final Id id;
  final Set<Level> levels;
  final Function<At, Resources<?, ?, ?, ?>> reach;
  final Function<Level, Class<?>> createBody;
  /** Null when Buddy offers no update of the family. */
  final Function<Level, Class<?>> updateBody;
  final List<String> columns;
  final List<String> fields;

  Family(String command, String noun, Id id, Set<Level> levels, Function<At, Resources<?, ?, ?, ?>> reach,
      Function<Level, Class<?>> createBody, Function<Level, Class<?>> updateBody, List<String> columns, List<String> fields) {
    this.command = command;
    this.noun = noun;
    this.id = id;
    this.levels = Set.copyOf(levels);
    this.reach = reach;
    this.createBody = createBody;
    this.updateBody = updateBody;
    this.columns = columns;
    this.fields = fields;
  }

  /** The family a command name names, or null. */
  static Family of(String command) {
    for (Family f : values()) {
      if (f.command.equals(command)) {
        return f;
      }
    }
    return null;
  }

  /** The operations the family offers, in the order help lists them. */
  List<String> operations() {
    return updateBody == null ? List.of("list", "get", "create", "delete") : List.of("list", "get", "create", "update", "delete");
  }

  /** The ID's label in help: {@code VARIABLE_ID}. */
  String idLabel() {
    return noun.toUpperCase(Locale.ROOT).replace(' ', '_') + "_ID";
  }

  /** How the family's scope is chosen, for help. */
  String scopeHelp() {
    if (levels.equals(Set.of(Level.USER))) {
      return "The token's user's own (no workspace).";
    }
    if (levels.equals(Set.of(Level.PIPELINE))) {
      return "A pipeline's: --pipeline ID (required), in -p/--project (default: $BUDDY_PROJECT).";
    }
    StringBuilder s = new StringBuilder("The workspace's (-w/--workspace, default: $BUDDY_WORKSPACE)");
    if (levels.contains(Level.PROJECT)) {
      s.append("; a project's with -p/--project NAME");
    }
    if (levels.contains(Level.PIPELINE)) {
      s.append("; a pipeline's with --pipeline ID (in -p/--project, default: $BUDDY_PROJECT)");
    }
    return s.append('.').toString();
  }

  /** Sandboxes are a class of their own in core (start, stop, wait); as a plain collection here. */
  private static Resources<?, ?, ?, ?> sandboxes(Sandboxes s, At at) {
    return Resources.<Object, String, SandboxRequest, SandboxRequest>at("/workspaces/" + at.workspace + "/sandboxes")
        .whole(() -> s.list().map(Object.class::cast).toList())
        .get(s::get)
        .create(s::create)
        .update(s::update)
        .delete(s::delete)
        .build();
  }
}
