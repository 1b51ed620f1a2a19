// expect-line: 5
// expect: events expects named values for one entry | events key: "value"
project "web" {
  pipeline "deploy" {
    events PUSH
  }
}
