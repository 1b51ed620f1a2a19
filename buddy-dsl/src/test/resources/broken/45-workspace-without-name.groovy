// expect-line: 3
// expect: workspace expects a name and a block
workspace {
  run pipeline 2 on branch "master"
}
