// expect-line: 3
// expect: priority expects LOW, NORMAL or HIGH | not 'URGENT'
run pipeline 2 on branch "master" priority URGENT
