// expect-line: 9
// expect: integration "gh" is declared twice | here and at broken/71-integration-declared-twice.groovy:3
integration "gh" {
  type GIT_HUB
  name "GitHub"
  scope WORKSPACE
  token "ghp_example"
}
integration {
  type GIT_HUB
  identifier "gh"
  name "GitHub again"
  scope WORKSPACE
  token "ghp_example"
}
