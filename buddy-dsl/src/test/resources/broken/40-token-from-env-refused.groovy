// expect-line: 7
// expect: env("BUDDY_TOKEN") is not available to scripts
integration {
  type GIT_HUB
  name "GitHub"
  scope WORKSPACE
  token env("BUDDY_TOKEN")
}
