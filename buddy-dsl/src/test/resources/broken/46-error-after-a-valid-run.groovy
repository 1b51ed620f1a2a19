// expect-line: 4
// expect: 'projectName' is required when scope is PROJECT
run pipeline 2 on branch "master" comment "this must not be sent"
integration {
  type GIT_HUB
  name "GitHub"
  scope PROJECT
  token "ghp_example_token"
}
