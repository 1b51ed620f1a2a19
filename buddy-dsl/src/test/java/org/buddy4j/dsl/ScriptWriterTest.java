package org.buddy4j.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.DesiredState;
import org.buddy4j.core.provision.EnvRef;
import org.buddy4j.core.provision.Secret;
import org.junit.jupiter.api.Test;

/**
 * ScriptWriter (what export prints): write → compile → check run gives back the same declarations, secrets
 * as env("…") references only, the same text every time.
 */
class ScriptWriterTest {
  private static final Map<String, String> ENV = Map.of("DEPLOY_KEY", "FAKE-SECRET-deploy-key", "GH_TOKEN", "FAKE-SECRET-gh");

  static Declared d(Address a, String kind, Object... fields) {
    Map<String, Object> f = new LinkedHashMap<>();
    DeclaredKind k = DeclaredKind.of(kind).orElseThrow();
    f.put(k.keyField(), a.key());
    for (int i = 0; i < fields.length; i += 2) {
      f.put((String) fields[i], fields[i + 1]);
    }
    return new Declared(a, k, f, null);
  }

  static DesiredState sample() {
    Address ws = Address.workspace("buddy");
    Address web = ws.child("project", "web");
    Address deploy = web.child("pipeline", "deploy");
    DesiredState s = new DesiredState();
    s.add(d(web, "project", "display_name", "Web \"site\" $HOME"));
    s.add(d(deploy, "pipeline", "priority", "HIGH", "refs", List.of("refs/heads/master"),
        "events", List.of(Map.of("type", "PUSH", "refs", List.of("refs/heads/master"))), "clone_depth", 1,
        "always_from_scratch", true, "brand_new_setting", "x"));
    s.add(d(deploy.child("action", "Build"), "action", "type", "BUILD", "execute_commands", List.of("npm ci", "npm test")));
    s.add(d(deploy.child("action", "Deploy"), "action", "type", "SSH_COMMAND"));
    s.add(d(deploy.child("variable", "STAGE"), "variable", "value", "production"));
    s.add(d(web.child("variable", "DEPLOY_KEY"), "variable", "value", new EnvRef("DEPLOY_KEY"), "encrypted", true,
        "type", "SSH_KEY"));
    s.add(d(ws.child("integration", "gh"), "integration", "type", "GIT_HUB", "name", "GitHub", "scope", "WORKSPACE",
        "token", new EnvRef("GH_TOKEN")));
    s.add(d(ws.child("webhook", "https://example.com/hook"), "webhook", "events", List.of("PUSH"), "projects", List.of("web")));
    s.add(d(ws.child("group", "devs"), "group", "description", "Developers"));
    return s;
  }

  /** The state as compared: addresses, kinds and fields, env references as the secrets they read. */
  static List<String> comparable(DesiredState s) {
    List<String> out = new ArrayList<>();
    for (Declared d : s.resources()) {
      Map<String, Object> f = new LinkedHashMap<>();
      d.fields().forEach((k, v) -> f.put(k, v instanceof EnvRef e ? Secret.of(ENV.get(e.name())) : v));
      out.add(d.address() + " " + d.kind() + " " + new java.util.TreeMap<>(f) + " "
          + f.values().stream().filter(v -> v instanceof Secret).map(v -> ((Secret) v).reveal()).toList());
    }
    return out;
  }

  static ScriptOptions options() {
    return ScriptOptions.defaults().out(new PrintStream(OutputStream.nullOutputStream())).environment(ENV);
  }

  @Test
  void writeThenCompileDeclaresTheSameState() {
    String script = ScriptWriter.write(sample());
    DesiredState back = BuddyScripts.compile("export.groovy", script, options()).desiredState(options());
    assertEquals(comparable(sample()), comparable(back), script);
  }

  @Test
  void theTextIsDeterministicAndHoldsReferencesOnly() {
    String script = ScriptWriter.write(sample());
    assertEquals(script, ScriptWriter.write(sample()));
    assertTrue(script.contains("env(\"DEPLOY_KEY\")") && script.contains("env(\"GH_TOKEN\")"), script);
    assertTrue(script.contains("variable \"STAGE\", \"production\""), script);
    assertTrue(script.contains("field \"brand_new_setting\", \"x\""), script);
    assertFalse(script.contains("FAKE-SECRET"), script);
  }

  @Test
  void aSecretValueIsNeverWritten() {
    DesiredState s = new DesiredState();
    s.add(d(Address.workspace("buddy").child("variable", "K"), "variable", "value", Secret.of("FAKE-SECRET-x"), "encrypted", true));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScriptWriter.write(s));
    assertFalse(e.getMessage().contains("FAKE-SECRET"));
  }
}
