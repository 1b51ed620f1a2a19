// expect-line: 3
// expect: AMAZON integration is missing audience | auth type OIDC | needs roleAssumption { }, audience
integration {
  type AMAZON
  name "AWS OIDC"
  scope WORKSPACE
  authType OIDC
  roleAssumption { arn "arn:aws:iam::1:role/x" }
}
