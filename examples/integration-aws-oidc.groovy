// AWS through OpenID Connect: no keys, a role and an audience (docs: integrations-create.request.aws-oidc.json).
workspace "buddy" {
  integration {
    name "Buddy (OIDC)"
    type AMAZON
    scope WORKSPACE
    roleAssumption {
      arn "arn:aws:iam::344897465719:role/my-oidc-role"
      duration 1234
    }
    authType OIDC
    audience "tests"
  }
}
