// expect-line: 4
// expect: variable expects text | got a whole number
project "web" {
  variable 5, "production"
}
