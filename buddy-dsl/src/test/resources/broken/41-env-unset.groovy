// expect-line: 7
// expect: environment variable NO_SUCH_VARIABLE_FOR_BUDDY4J is not set
integration {
  type GIT_HUB
  name "GitHub"
  scope WORKSPACE
  token env("NO_SUCH_VARIABLE_FOR_BUDDY4J")
}
