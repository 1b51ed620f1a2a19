// expect-line: 5
// expect: string is not closed
integration {
  type GIT_HUB
  name "GitHub
  scope WORKSPACE
}
