// expect-line: 5
// expect: write name <value> (without '=')
integration {
  type GIT_HUB
  name = "GitHub"
}
