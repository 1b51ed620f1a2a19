package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.Secret;
import org.junit.jupiter.api.Test;

/**
 * The declarative blocks: what a script declares (its check run's DesiredState), nested as the URL tree
 * reads, with natural keys, sources, secrets wrapped; and a project block that declares nothing stays a
 * scope for runs.
 */
class DeclarationsTest {
  static final String SCRIPT = """
      workspace "buddy" {
        project "web" {
          displayName "Web"
          pipeline "deploy" {
            priority HIGH
            refs "refs/heads/master"
            action "Build" {
              type "BUILD"
            }
            action "Test" {
              type "BUILD"
            }
            variable "STAGE", "production"
          }
          variable("DEPLOY_KEY") {
            value env("DEPLOY_KEY")
            encrypted true
            type SSH_KEY
          }
          environment "production" {
            name "Production"
          }
        }
        integration "gh" {
          type GIT_HUB
          name "GitHub"
          scope WORKSPACE
          token env("GH_TOKEN")
        }
        webhook "https://example.com/hook" {
          events PUSH, EXECUTION_FAILED
        }
        variable "GLOBAL", "1"
      }
      """;

  static ScriptOptions options() {
    return ScriptOptions.defaults().out(new PrintStream(OutputStream.nullOutputStream()))
        .environment(Map.of("DEPLOY_KEY", "FAKE-SECRET-ssh-key", "GH_TOKEN", "FAKE-SECRET-gh-token"));
  }

  static Address ws() {
    return Address.workspace("buddy");
  }

  @Test
  void declaresEveryResourceUnderItsParentInScriptOrder() {
    DesiredState state = BuddyScripts.compile("web.groovy", SCRIPT, options()).desiredState(options());
    List<String> addresses = state.resources().stream().map(d -> d.address().toString()).toList();
    Address web = ws().child("project", "web");
    Address deploy = web.child("pipeline", "deploy");
    assertEquals(List.of(web, deploy, deploy.child("action", "Build"), deploy.child("action", "Test"),
        deploy.child("variable", "STAGE"), web.child("variable", "DEPLOY_KEY"), web.child("environment", "production"),
        ws().child("integration", "gh"), ws().child("webhook", "https://example.com/hook"), ws().child("variable", "GLOBAL"))
        .stream().map(Address::toString).toList(), addresses);
    Declared project = state.get(web).orElseThrow();
    assertEquals(Map.of("name", "web", "display_name", "Web"), project.fields());
    assertEquals("web.groovy:2", project.source());
    Declared pipeline = state.get(deploy).orElseThrow();
    assertEquals("HIGH", pipeline.fields().get("priority"));
    assertEquals(List.of("refs/heads/master"), pipeline.fields().get("refs"));
    assertEquals(List.of("PUSH", "EXECUTION_FAILED"),
        state.get(ws().child("webhook", "https://example.com/hook")).orElseThrow().fields().get("events"));
  }

  @Test
  void secretsAreWrappedAndNeverShown() {
    DesiredState state = BuddyScripts.compile("web.groovy", SCRIPT, options()).desiredState(options());
    Declared key = state.get(ws().child("project", "web").child("variable", "DEPLOY_KEY")).orElseThrow();
    assertInstanceOf(Secret.class, key.fields().get("value"));
    assertEquals("FAKE-SECRET-ssh-key", ((Secret) key.fields().get("value")).reveal());
    assertEquals("SSH_KEY", key.fields().get("type"));
    Declared gh = state.get(ws().child("integration", "gh")).orElseThrow();
    assertInstanceOf(Secret.class, gh.fields().get("token"));
    assertEquals("gh", gh.fields().get("identifier"));
    assertFalse(state.resources().toString().contains("FAKE-SECRET"), state.resources().toString());
  }

  @Test
  void aProjectBlockWithoutDeclarationsDeclaresNothing() {
    String script = "workspace \"buddy\" { project \"web\" { run pipeline 2 on branch \"master\" } }";
    DryRun dry = BuddyScripts.compile("runs.groovy", script, options()).dryRun(options());
    assertTrue(dry.desiredState().isEmpty());
    assertEquals(1, dry.requests().size());
  }

  @Test
  void anImperativeIntegrationIsADeclarationByIdentifierMadeFromTheNameIfMissing() {
    String script = """
        workspace "buddy" {
          integration { type GIT_HUB; name "GitHub"; identifier "gh"; scope WORKSPACE; token "FAKE-SECRET-1" }
          integration { type GIT_HUB; name "GitHub two"; scope WORKSPACE; token "FAKE-SECRET-2" }
        }
        """;
    DryRun dry = BuddyScripts.compile("i.groovy", script, options()).dryRun(options());
    assertEquals(List.of(), dry.requests());
    assertEquals(List.of("gh", "github-two"), dry.desiredState().resources().stream().map(Declared::key).toList());
  }

  @Test
  void aResourceDeclaredTwiceNamesBothLines() {
    String script = """
        workspace "buddy" {
          project "web" {
            pipeline "deploy" { priority HIGH }
            pipeline "deploy" { priority LOW }
          }
        }
        """;
    DslException e = assertThrows(DslException.class, () -> BuddyScripts.compile("twice.groovy", script, options()).dryRun(options()));
    assertEquals(4, e.problems().get(0).line(), e.getMessage());
    assertTrue(e.getMessage().contains("declared twice") && e.getMessage().contains("twice.groovy:3"), e.getMessage());
  }

  @Test
  void aProjectDeclaredInOneBlockAndFilledInAnotherIsOneDeclaration() {
    String script = """
        workspace "buddy" {
          project "web" { pipeline "deploy" { priority HIGH } }
          project "web" { displayName "Web" }
          project "web" { run pipeline "deploy" on branch "master" }
        }
        """;
    DryRun dry = BuddyScripts.compile("split.groovy", script, options()).dryRun(options());
    Address web = ws().child("project", "web");
    assertEquals(List.of(web.child("pipeline", "deploy"), web),
        dry.desiredState().resources().stream().map(Declared::address).toList());
    assertEquals("Web", dry.desiredState().get(web).orElseThrow().fields().get("display_name"));
    assertEquals("POST /workspaces/buddy/projects/web/pipelines/{pipeline_id}/executions {\"branch\":{\"name\":\"master\"}}",
        dry.lines().get(0));
  }

  @Test
  void anIntegrationInAProjectBlockIsTheWorkspacesAndScopedToTheProject() {
    String script = """
        workspace "buddy" {
          project "web" {
            integration "gh" { type GIT_HUB; name "GitHub"; token "FAKE-SECRET-3" }
          }
        }
        """;
    DesiredState state = BuddyScripts.compile("p.groovy", script, options()).desiredState(options());
    Declared gh = state.get(ws().child("integration", "gh")).orElseThrow();
    assertEquals("PROJECT", gh.fields().get("scope"));
    assertEquals("web", gh.fields().get("project_name"));
    assertEquals(1, state.size(), "the project block declares nothing of its own");
  }

  @Test
  void fieldSetsAnyFieldByItsApiName() {
    String script = """
        project "web" {
          pipeline "deploy" {
            action "Build" {
              type BUILD
              field "execute_commands", ["npm ci", "npm test"]
              field "docker_image_name", "node"
            }
          }
        }
        """;
    ScriptOptions o = options().workspace("buddy");
    DesiredState state = BuddyScripts.compile("f.groovy", script, o).desiredState(o);
    Declared build = state.resources().stream().filter(d -> d.key().equals("Build")).findFirst().orElseThrow();
    assertEquals(Map.of("name", "Build", "type", "BUILD", "execute_commands", List.of("npm ci", "npm test"),
        "docker_image_name", "node"), build.fields());
  }
}
