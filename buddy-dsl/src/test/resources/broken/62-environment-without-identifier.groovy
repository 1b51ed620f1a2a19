// expect-line: 4
// expect: environment needs its identifier before the block
project "web" {
  environment {
    name "Production"
  }
}
