// expect-line: 3
// expect: run expects 'pipeline' | not 'pipline' | did you mean 'pipeline'?
run pipline 2 on branch "master"
