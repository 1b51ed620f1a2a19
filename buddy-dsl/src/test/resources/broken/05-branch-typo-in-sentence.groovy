// expect-line: 4
// expect: after 'on' write branch | not 'brnch' | did you mean 'branch'?
project "company-website" {
  run pipeline 2 on brnch "master"
}
