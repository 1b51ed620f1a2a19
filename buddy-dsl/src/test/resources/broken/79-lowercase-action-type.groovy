// expect-line: 6
// expect: type expects text: put it in quotes, type "build"
project "web" {
  pipeline "deploy" {
    action "Build" {
      type build
    }
  }
}
