// expect-line: 6
// expect: identifier is the block's key here | write it once
integration "gh" {
  type GIT_HUB
  name "GitHub"
  identifier "other"
  scope WORKSPACE
  token "ghp_example"
}
