// technique: starting a thread
// expect-line: 5
// expect: 'Thread' is not available
run pipeline 2 on branch "master" comment "before the escape"
Thread.start { "touch MARKER".execute() }
