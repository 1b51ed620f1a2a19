// expect-line: 8
// expect: roleAssumption { } needs arn
integration {
  type AMAZON
  name "AWS"
  scope WORKSPACE
  authType TRUSTED
  roleAssumption {
    duration 3600
  }
}
