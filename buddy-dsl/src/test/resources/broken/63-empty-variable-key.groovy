// expect-line: 4
// expect: variable needs its key: it is empty
project "web" {
  variable "", "production"
}
