// expect-line: 3
// expect: GIT_HUB integration is missing name | type, name and scope
integration {
  type GIT_HUB
  scope WORKSPACE
  token "ghp_example_token"
}
