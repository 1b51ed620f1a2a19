// expect-line: 8
// expect: workspace "buddy" / project "web" / pipeline "deploy" is declared twice | here and at broken/69-pipeline-declared-twice.groovy:5
workspace "buddy" {
  project "web" {
    pipeline "deploy" {
      priority HIGH
    }
    pipeline "deploy" {
      priority LOW
    }
  }
}
