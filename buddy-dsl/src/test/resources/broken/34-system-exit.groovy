// expect-line: 4
// expect: 'System' is not available in Buddy scripts
run pipeline 2 on branch "master"
System.exit(1)
