// expect-line: 3
// expect: branch expects text: put it in quotes | branch "master"
run pipeline 2 on branch master
