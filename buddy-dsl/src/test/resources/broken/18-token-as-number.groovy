// expect-line: 6
// expect: token expects text | got a whole number
integration {
  type GIT_HUB
  name "GitHub"
  token 12345
}
