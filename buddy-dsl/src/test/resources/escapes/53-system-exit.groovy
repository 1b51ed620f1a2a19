// technique: System.exit
// expect-line: 5
// expect: 'System' is not available
run pipeline 2 on branch "master" comment "before the escape"
System.exit(3)
