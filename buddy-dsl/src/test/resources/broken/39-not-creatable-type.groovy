// expect-line: 3
// expect: SLACK integrations cannot be created through the API
integration {
  type SLACK
  name "Slack"
  scope WORKSPACE
}
