// expect-line: 4
// expect: AMAZON integration is missing secretKey | auth type DEFAULT | needs accessKey, secretKey
workspace "buddy" {
  integration {
    type AMAZON
    name "AWS"
    scope WORKSPACE
    accessKey "AKIAIOSFODNN7EXAMPLE"
  }
}
