package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;

import au.com.dius.pact.provider.junitsupport.State;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Provider states of the workspace families (members, permission sets, groups and project groups,
 * variables, webhooks, environments, targets, domains, SSO). Each loads the provider seed, then creates
 * what its interactions need through the emulator's own Buddy API, and hands over the IDs the provider
 * chose. Secrets sent here are the same sentinels the pacts use.
 */
final class WorkspaceFamilyStates {
  private static final String WS = "/workspaces/" + Contract.WS;
  private final EmulatorCalls calls;

  WorkspaceFamilyStates(EmulatorCalls calls) {
    this.calls = calls;
  }

  @State("member 2 belongs to project company-website")
  void projectMember() {
    calls.loadSeed();
    calls.api("POST", PROJECT_PATH + "/members",
        "{\"id\": 2, \"permission_set\": {\"id\": " + permissionSet() + "}}", 201);
  }

  @State("permission set Contract testers exists in workspace buddy")
  Map<String, Object> permissionSetExists() {
    calls.loadSeed();
    return Map.of("permissionSetId", permissionSet());
  }

  @State("group Developers exists in workspace buddy")
  Map<String, Object> groupExists() {
    calls.loadSeed();
    return Map.of("groupId", group());
  }

  @State("member 2 belongs to group Developers")
  Map<String, Object> groupMember() {
    calls.loadSeed();
    int group = group();
    calls.api("POST", WS + "/groups/" + group + "/members", "{\"id\": 2}", 201);
    return Map.of("groupId", group);
  }

  @State("group Developers and permission set Contract testers exist in workspace buddy")
  Map<String, Object> groupAndPermissionSet() {
    calls.loadSeed();
    return Map.of("groupId", group(), "permissionSetId", permissionSet());
  }

  @State("group Developers has permission set Contract testers in project company-website")
  Map<String, Object> projectGroup() {
    calls.loadSeed();
    int group = group();
    int set = permissionSet();
    calls.api("POST", PROJECT_PATH + "/groups", "{\"id\": " + group + ", \"permission_set\": {\"id\": " + set + "}}", 201);
    return Map.of("groupId", group, "permissionSetId", set);
  }

  @State("variable ENVIRONMENT exists in project company-website")
  void plainVariable() {
    calls.loadSeed();
    // The seed holds it; a second one would be refused (a key is unique in its scope), so it is set, not added.
    for (JsonNode v : calls.api("GET", WS + "/variables?project_name=" + PROJECT, null, 200)
        .path("variables")) {
      if ("ENVIRONMENT".equals(v.path("key").asText())) {
        calls.api("PATCH", WS + "/variables/" + v.path("id").asInt(), "{\"value\": \"production\"}", 200);
        return;
      }
    }
    throw new IllegalStateException("the provider seed has no variable ENVIRONMENT in project " + PROJECT);
  }

  @State("encrypted variable DEPLOY_KEY exists in project company-website")
  Map<String, Object> encryptedVariable() {
    calls.loadSeed();
    int id = calls.api("POST", WS + "/variables", "{\"key\": \"DEPLOY_KEY\", \"value\": \"FAKE-pact-variable-secret\","
        + " \"type\": \"VAR\", \"encrypted\": true, \"project\": {\"name\": \"" + PROJECT + "\"}}", 201).path("id").asInt();
    return Map.of("variableId", id);
  }

  @State("a webhook for company-website exists in workspace buddy")
  Map<String, Object> webhook() {
    calls.loadSeed();
    int id = calls.api("POST", WS + "/webhooks", "{\"target_url\": \"https://hooks.example.com/buddy\","
        + " \"secret_key\": \"FAKE-pact-webhook-secret\", \"projects\": [\"" + PROJECT + "\"],"
        + " \"events\": [\"EXECUTION_FINISHED\"]}", 201).path("id").asInt();
    return Map.of("webhookId", id);
  }

  @State("environment production exists in project company-website")
  Map<String, Object> environment() {
    calls.loadSeed();
    String id = calls.api("POST", WS + "/environments", "{\"name\": \"Production\", \"identifier\": \"production\","
        + " \"project\": {\"name\": \"" + PROJECT + "\"}}", 201).path("id").asText();
    return Map.of("environmentId", id);
  }

  @State("target staging-server exists in workspace buddy")
  Map<String, Object> target() {
    calls.loadSeed();
    String id = calls.api("POST", WS + "/targets", "{\"name\": \"Staging server\", \"identifier\": \"staging-server\","
        + " \"type\": \"SSH\", \"host\": \"192.0.2.10\", \"port\": \"22\", \"auth\": {\"method\": \"PASSWORD\","
        + " \"username\": \"deploy\", \"password\": \"FAKE-pact-target-password\"}}", 201).path("id").asText();
    return Map.of("targetId", id);
  }

  @State("domain pact-example.com exists in workspace buddy")
  Map<String, Object> domainExists() {
    calls.loadSeed();
    return Map.of("domainId", domain());
  }

  @State("domain pact-example.com has an A record for www")
  Map<String, Object> domainRecord() {
    calls.loadSeed();
    String domain = domain();
    calls.api("PATCH", WS + "/domains/" + domain + "/records/www/A",
        "{\"routing\": \"Simple\", \"ttl\": 300, \"values\": [\"192.0.2.10\"]}", 200);
    return Map.of("domainId", domain);
  }

  @State("SAML SSO is configured for workspace buddy")
  void samlConfigured() {
    calls.loadSeed();
    configureSaml();
  }

  @State("SSO is on for workspace buddy")
  void ssoOn() {
    calls.loadSeed();
    configureSaml();
    calls.api("POST", WS + "/enable-sso", null, 204);
  }

  private int permissionSet() {
    return calls.api("POST", WS + "/permissions", "{\"name\": \"Contract testers\","
        + " \"repository_access_level\": \"READ_ONLY\", \"pipeline_access_level\": \"READ_ONLY\"}", 201).path("id").asInt();
  }

  private int group() {
    return calls.api("POST", WS + "/groups", "{\"name\": \"Developers\"}", 201).path("id").asInt();
  }

  private String domain() {
    return calls.api("POST", WS + "/domains", "{\"name\": \"pact-example.com\"}", 201).path("id").asText();
  }

  private void configureSaml() {
    calls.api("PATCH", WS + "/sso", "{\"type\": \"SAML\", \"sso_url\": \"https://idp.example.com/saml2\","
        + " \"issuer\": \"https://idp.example.com/issuer\", \"certificate\": \"FAKE-pact-sso-certificate\","
        + " \"signature_method\": \"sha256\", \"digest_method\": \"sha256\", \"require_sso_for_all_members\": false}", 200);
  }
}
