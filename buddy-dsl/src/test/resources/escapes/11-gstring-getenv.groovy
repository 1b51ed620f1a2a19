// technique: System.getenv inside an interpolated comment
// expect-line: 4
// expect: 'System' is not available
run pipeline 2 on branch "master" comment "${System.getenv('BUDDY_TOKEN')}"
