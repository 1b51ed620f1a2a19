// expect-line: 4
// expect: unknown integration type 'GITHUB' | did you mean GIT_HUB?
integration {
  type "GITHUB"
  name "GitHub"
}
