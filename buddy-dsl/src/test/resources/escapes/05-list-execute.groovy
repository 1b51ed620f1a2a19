// technique: Groovy's List.execute() starts a process
// expect-line: 5
// expect: 'execute' is not available
run pipeline 2 on branch "master" comment "before the escape"
["touch", "MARKER"].execute()
