// expect-line: 5
// expect: gitConfig expects named values: key: value | gitConfig key: "value"
project "web" {
  pipeline "deploy" {
    gitConfig "main"
  }
}
