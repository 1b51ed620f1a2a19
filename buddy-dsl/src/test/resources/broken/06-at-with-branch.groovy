// expect-line: 3
// expect: after 'at' write revision | goes with 'on'
run pipeline 2 at branch "master"
