// expect-line: 3
// expect: a rollback picks its revision itself
rollback pipeline 2 on branch "master"
