// technique: java.nio.file.Files
// expect-line: 5
// expect: not available
run pipeline 2 on branch "master" comment "before the escape"
java.nio.file.Files.createFile(java.nio.file.Paths.get("MARKER"))
