// expect-line: 5
// expect: variable expects a name and a value
run(pipeline: 2) {
  branch "master"
  variable "VERSION"
}
