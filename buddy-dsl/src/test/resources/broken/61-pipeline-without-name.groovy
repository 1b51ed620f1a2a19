// expect-line: 4
// expect: pipeline needs its name before the block | pipeline "my-pipeline" {
project "web" {
  pipeline {
    priority HIGH
  }
}
